#!/usr/bin/env bash
# Sets up (if needed), loads demo data into an empty database, and starts the app on http://127.0.0.1:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m workflows seed-demo --if-empty
exec .venv/bin/streamlit run review_app.py \
  --server.headless true --server.address "${HOST:-127.0.0.1}" --server.port "${PORT:-8501}" \
  --browser.gatherUsageStats false --server.fileWatcherType none

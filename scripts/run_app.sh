#!/usr/bin/env bash
# Sets up (if needed), loads demo data into an empty database, starts the background worker (huey) and
# the app on http://127.0.0.1:8501. Set REVIEW_NO_WORKER=1 when the worker runs elsewhere (Redis broker).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m workflows seed-demo --if-empty

data_dir=${REVIEW_DATA_DIR:-var}
mkdir -p "$data_dir"
worker_pid=""
if [ "${REVIEW_NO_WORKER:-0}" != 1 ] && [ "${REVIEW_HUEY_IMMEDIATE:-0}" != 1 ]; then
  echo "==> background worker (huey), log in $data_dir/worker.log"
  .venv/bin/huey_consumer workflows.tasks.huey --workers 2 --worker-type thread >>"$data_dir/worker.log" 2>&1 &
  worker_pid=$!
fi
trap '[ -n "$worker_pid" ] && kill "$worker_pid" 2>/dev/null || true' EXIT INT TERM

.venv/bin/streamlit run review_app.py \
  --server.headless true --server.address "${HOST:-127.0.0.1}" --server.port "${PORT:-8501}" \
  --browser.gatherUsageStats false --server.fileWatcherType none

#!/usr/bin/env bash
# Sets up and runs every test: unit, integration on SQLite and on a real PostgreSQL,
# Streamlit AppTest pages, and the real-browser test in Debian chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system_packages.sh
bash scripts/setup.sh

pgdir=$(mktemp -d /tmp/review-pg.XXXXXX)
trap 'bash scripts/postgres.sh stop "$pgdir"' EXIT
# A free port, so concurrent runs on one machine do not collide; assigned apart from `export`
# so that a failed start stops the run (set -e ignores failures inside `export X=$(...)`).
export PGPORT=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pg_url=$(bash scripts/postgres.sh start "$pgdir")
export TEST_POSTGRES_URL=$pg_url
echo "==> PostgreSQL for tests at $TEST_POSTGRES_URL"

if [ -z "${REAL_MATERIALS_DIR:-}" ] && [ -d ../shared/real-materials ]; then
  export REAL_MATERIALS_DIR=$(cd ../shared/real-materials && pwd)
fi
if [ -z "${PDF_CORPUS_DIR:-}" ] && [ -d ../shared/pdf-corpus ]; then
  export PDF_CORPUS_DIR=$(cd ../shared/pdf-corpus && pwd)
fi

# pytest imports test modules by basename (no packages under tests/): two test_x.py files collide.
dups=$(find tests -name 'test_*.py' -printf '%f\n' | sort | uniq -d)
if [ -n "$dups" ]; then echo "duplicate test module names under tests/: $dups" >&2; exit 1; fi

.venv/bin/python -m pytest -q -p no:cacheprovider "$@"

#!/usr/bin/env bash
# Sets up everything the app and the tests need, idempotently:
# a virtualenv at .venv, the Python packages, the trained classifier, the migrated database.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv"
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  echo "==> installing Python packages (first time takes about 2 minutes)"
  .venv/bin/pip install -q --disable-pip-version-check -e '.[dev]' 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
  touch "$stamp"
fi

echo "==> classifier model"
.venv/bin/python -m classifier train --if-missing

echo "==> database migrations"
.venv/bin/python -m workflows migrate

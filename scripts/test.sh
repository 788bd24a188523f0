#!/usr/bin/env bash
# The README's test command: a virtual environment with the pinned packages, then pytest
# (pure functions, callbacks as functions, and the page in headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r requirements-test.txt
exec "$VENV/bin/python" -m pytest -q "$@"

#!/usr/bin/env bash
# The README's test command, also what CI runs (.ci/run): Debian's chromium for the browser tests
# (Playwright drives it; no driver needed), a virtual environment with the pinned packages, ruff, then
# pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi

VENV="${VENV:-.venv}"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -c constraints.txt -r requirements-test.txt
"$VENV/bin/python" -m ruff check .
exec "$VENV/bin/python" -m pytest "$@"

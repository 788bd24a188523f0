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

# axe-core, which tests/test_a11y.py injects into the page, pinned by tests/package-lock.json and
# installed into the git-ignored tests/node_modules (again only when the lock file changes).
if [ ! -f tests/node_modules/.package-lock.json ] || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
  if ! command -v npm >/dev/null; then
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq npm >/dev/null
  fi
  npm ci --prefix tests --no-audit --no-fund --loglevel=error
fi

VENV="${VENV:-.venv}"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -c constraints.txt -r requirements-test.txt
"$VENV/bin/python" -m ruff check .
exec "$VENV/bin/python" -m pytest "$@"

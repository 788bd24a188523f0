#!/usr/bin/env bash
# Build assets/regenerator-runtime.js: the one part of Dash's 90 KB Babel polyfill that this page's
# scripts use. Dash's renderer and dcc were compiled with their async functions turned into
# generators run by a global `regeneratorRuntime`; every other feature the polyfill supplies, browsers
# from 2020 on have natively (serving/scripts.py drops the polyfill from the page). The file is the npm
# package's runtime.js unchanged, under a header naming it. regenerator-runtime is MIT-licensed.
set -euo pipefail
VERSION=0.14.1
out="$(cd "$(dirname "$0")/.." && pwd)/assets/regenerator-runtime.js"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "regenerator-runtime@$VERSION" >/dev/null
tar xzf "regenerator-runtime-$VERSION.tgz"
{
  printf '/* regenerator-runtime v%s (MIT licence, Copyright (c) 2014-present, Facebook, Inc.), the\n' "$VERSION"
  printf '   package'"'"'s runtime.js. Built by scripts/build_regenerator_runtime.sh; do not edit. */\n'
  cat package/runtime.js
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out ($(wc -c < "$out") bytes)"

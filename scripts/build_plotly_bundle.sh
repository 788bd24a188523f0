#!/usr/bin/env bash
# Build assets/plotly-kzcn.min.js: plotly.js with only the traces this page draws (scatter, bar,
# scattergeo). dcc.Graph uses window.Plotly when a page defines it, so the full 4.7 MB bundle that
# Dash would otherwise send is never loaded. Keep PLOTLY_JS equal to the plotly.js version inside the
# pinned Python `plotly` package (plotly 7.1.0 carries plotly.js 4.1.1). plotly.js is MIT-licensed.
set -euo pipefail
PLOTLY_JS=4.1.1
ESBUILD=0.28.2
out="$(cd "$(dirname "$0")/.." && pwd)/assets/plotly-kzcn.min.js"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund "plotly.js@$PLOTLY_JS" "esbuild@$ESBUILD"
cat > entry.js <<'JS'
'use strict';
var Plotly = require('plotly.js/lib/core');
Plotly.register([require('plotly.js/lib/bar'), require('plotly.js/lib/scattergeo')]);
module.exports = Plotly;
JS
{
  printf '/* plotly.js v%s (MIT licence, Plotly, Inc.), partial bundle: core, bar, scattergeo.\n' "$PLOTLY_JS"
  printf '   Built by scripts/build_plotly_bundle.sh; do not edit. */\n'
  npx esbuild entry.js --bundle --minify --format=iife --global-name=Plotly --loader:.css=empty --define:global=window --log-level=warning
} > "$out.tmp"
# plotly.js's one built-in address elsewhere is its topojson CDN, used only by base map layers this
# page never turns on. Point it at this app instead: should a layer ever ask, the request stays on
# the app's own host (and fails loudly in the browser tests) rather than leaving for the network.
sed -i -e 's#https://cdn\.plot\.ly/un/#/assets/topojson/#' -e 's#fetched from cdn\.plot\.ly\.#fetched from the plotly CDN.#' "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out ($(wc -c < "$out") bytes)"

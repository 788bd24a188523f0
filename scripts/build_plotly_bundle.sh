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
# plotly.js sets up each of its modules when it is first required. All at once that is one task of a
# tenth of a second on a laptop and four times that on a phone, in which the page answers nothing.
# So the bundle defines the modules, then requires them in steps, each in a task of its own, and sets
# window.Plotly and resolves window.kzcnPlotly when done; assets/dash-renderer-start.js starts Dash
# once it has (dcc.Graph would otherwise fetch the full plotly.js it ships).
# The steps follow the order plotly.js requires its modules in, cut where a step would pass about 5 ms
# on a laptop (20 ms at a phone's 4x; measured by timing each module's set-up in Chromium, 2026-12).
# A module required early sets up as it would have later: none of these modules requires, while it is
# being set up, one that is itself still being set up (no require cycles, checked then too).
cat > entry.js <<'JS'
'use strict';
var steps = [
  function () { require('@plotly/d3'); },
  function () { require('culori'); },
  function () { require('plotly.js/src/components/color'); require('plotly.js/src/lib/coerce'); },
  function () { require('plotly.js/src/lib/dates'); },
  function () { require('plotly.js/src/lib'); },
  function () { require('plotly.js/src/components/drawing'); },
  function () { require('plotly.js/src/plots/cartesian/axes'); },
  function () { require('plotly.js/src/components/selections'); },
  function () { require('plotly.js/src/plots/cartesian/graph_interact'); },
  function () { require('plotly.js/src/plot_api/plot_api'); },
  function () {
    require('plotly.js/src/traces/scatter'); require('plotly.js/src/components/annotations');
    require('plotly.js/src/components/annotations3d'); require('plotly.js/src/components/shapes');
    require('plotly.js/src/components/images');
  },
  function () {
    require('plotly.js/src/components/updatemenus'); require('plotly.js/src/components/sliders');
    require('plotly.js/src/components/rangeslider'); require('plotly.js/src/components/rangeselector');
    require('plotly.js/src/components/grid'); require('plotly.js/src/components/errorbars');
    require('plotly.js/src/components/colorbar'); require('plotly.js/src/components/legend');
  },
  function () { return require('plotly.js/lib/core'); },
  function (Plotly) { Plotly.register([require('plotly.js/lib/bar')]); return Plotly; },
  function () { require('country-iso-search'); },
  function () { require('plotly.js/src/lib/geo_location_utils'); },
  function (Plotly) { Plotly.register([require('plotly.js/lib/scattergeo')]); return Plotly; }
];
window.kzcnPlotly = new Promise(function (resolve) {
  // A message, not a timer: timers in a tab opened in the background wait a second each.
  var channel = new MessageChannel();
  var value;
  var i = 0;
  channel.port1.onmessage = function () {
    value = steps[i](value) || value;
    i += 1;
    if (i < steps.length) {
      channel.port2.postMessage(0);
    } else {
      window.Plotly = value;
      resolve(value);
    }
  };
  channel.port2.postMessage(0);
});
JS
{
  printf '/* plotly.js v%s (MIT licence, Plotly, Inc.), partial bundle: core, bar, scattergeo, set up in\n' "$PLOTLY_JS"
  printf '   steps (window.kzcnPlotly). Built by scripts/build_plotly_bundle.sh; do not edit. */\n'
  npx esbuild entry.js --bundle --minify --format=iife --loader:.css=empty --define:global=window --log-level=warning
} > "$out.tmp"
# plotly.js's one built-in address elsewhere is its topojson CDN, used only by base map layers this
# page never turns on. Point it at this app instead: should a layer ever ask, the request stays on
# the app's own host (and fails loudly in the browser tests) rather than leaving for the network.
sed -i -e 's#https://cdn\.plot\.ly/un/#/assets/topojson/#' -e 's#fetched from cdn\.plot\.ly\.#fetched from the plotly CDN.#' "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out ($(wc -c < "$out") bytes)"

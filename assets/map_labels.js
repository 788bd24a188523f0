/* Zoom-dependent labels on the border map (#border-map).
 *
 * Plotly's geo subplot has no zoom-dependent text, so the figure sends its place, water and
 * country names in tier traces (`meta.tier` 1–4, kzcn/figures/context.py), tiers 1–2 visible.
 * Here, after every draw, zoom or pan, the tiers that the current scale can hold are shown and the
 * others hidden, with one restyle of just the label traces whose visibility changes.
 *
 * The scale is the projection's pixels per degree of longitude: it grows with zoom and with the
 * map's size, so a phone at the whole-country view shows fewer names than a wide screen.
 */
(function () {
  "use strict";

  // Pixels per degree from which a tier's names fit without piling up (checked on screenshots at
  // 1920×1080, 1280×720 and 390×844; the default view is about 22, 16 and 6 px/° there).
  var TIER_MIN_PX_PER_DEG = { 1: 0, 2: 12, 3: 30, 4: 60 };

  function pxPerDegree(gd) {
    var geo = gd._fullLayout && gd._fullLayout.geo;
    var projection = geo && geo._subplot && geo._subplot.projection;
    return projection && projection.scale ? (projection.scale() * Math.PI) / 180 : 0;
  }

  function update(gd) {
    if (!window.Plotly) {
      return;
    }
    if (gd._kzcnLabelsBusy) {
      gd._kzcnLabelsPending = true; // the zoom moved on during a restyle: look again when it ends
      return;
    }
    var px = pxPerDegree(gd);
    if (!px) {
      return;
    }
    var indices = [];
    var visible = [];
    // Feature traces that print names beside their markers (the crossings) keep their markers at
    // every zoom and show the names only from `meta.textMinPx` up: mode markers+text or markers.
    var textIndices = [];
    var modes = [];
    (gd.data || []).forEach(function (trace, i) {
      var min = trace.meta && trace.meta.textMinPx;
      if (min === undefined) {
        return;
      }
      var mode = px >= min ? "markers+text" : "markers";
      if (trace.mode !== mode) {
        textIndices.push(i);
        modes.push(mode);
      }
    });
    (gd.data || []).forEach(function (trace, i) {
      var tier = trace.meta && trace.meta.tier;
      if (!tier) {
        return;
      }
      var want = px >= TIER_MIN_PX_PER_DEG[tier];
      if ((trace.visible !== false) !== want) {
        indices.push(i);
        visible.push(want);
      }
    });
    gd.setAttribute("data-label-scale", px.toFixed(1));
    if (!indices.length && !textIndices.length) {
      return;
    }
    gd._kzcnLabelsBusy = true;
    var done = function () {
      gd._kzcnLabelsBusy = false;
      if (gd._kzcnLabelsPending) {
        gd._kzcnLabelsPending = false;
        update(gd);
      }
    };
    var names = function () {
      return textIndices.length ? window.Plotly.restyle(gd, { mode: modes }, textIndices) : null;
    };
    var shown = indices.length ? window.Plotly.restyle(gd, { visible: visible }, indices) : Promise.resolve();
    shown.then(names).then(done, done);
  }

  function attach() {
    var gd = document.querySelector("#border-map .js-plotly-plot");
    if (!gd || gd._kzcnLabels || typeof gd.on !== "function") {
      return;
    }
    gd._kzcnLabels = true;
    // afterplot covers the first draw, a figure or Patch from the server (which resets the tiers
    // to the figure's own visibility) and a resize; relayout covers zoom, pan and the presenter's glide.
    gd.on("plotly_afterplot", function () {
      update(gd);
    });
    gd.on("plotly_relayout", function () {
      update(gd);
    });
    update(gd);
  }

  // Dash renders the graph after this script runs and may replace it (page or mode change):
  // look for it now and then until it is there, and again whenever the page changes.
  var timer = window.setInterval(attach, 400);
  window.addEventListener("load", attach);
  window.addEventListener("beforeunload", function () {
    window.clearInterval(timer);
  });
})();

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

  // What each label trace should be at `px` pixels per degree: {trace index: {visible} or {mode}},
  // only for the traces that differ from what they are now.
  function changes(data, px) {
    const out = {visible: {}, mode: {}};
    (data || []).forEach(function (trace, i) {
      const meta = trace.meta || {};
      // Feature traces that print names beside their markers (the crossings) keep their markers at
      // every zoom and show the names only from `meta.textMinPx` up: mode markers+text or markers.
      if (meta.textMinPx !== undefined) {
        const mode = px >= meta.textMinPx ? "markers+text" : "markers";
        if (trace.mode !== mode) out.mode[i] = mode;
      }
      if (meta.tier) {
        const want = px >= TIER_MIN_PX_PER_DEG[meta.tier];
        if ((trace.visible !== false) !== want) out.visible[i] = want;
      }
    });
    return out;
  }

  // The scale a figure will be drawn at, before it is drawn: plotly fits the frame's longitude and
  // latitude ranges (Mercator) into the plot area, so the scale is the smaller of the two fits.
  const merc = (lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

  function expectedPxPerDegree(gd, layout) {
    const full = gd._fullLayout && gd._fullLayout.geo;
    const zoomed = full && full.projection && full.projection.scale && full.projection.scale !== 1;
    if (zoomed) return pxPerDegree(gd); // the visitor's zoom is kept (uirevision): so is its scale
    const geo = layout.geo || {};
    const lon = geo.lonaxis && geo.lonaxis.range;
    const lat = geo.lataxis && geo.lataxis.range;
    if (!lon || !lat) return 0;
    const {w, h} = window.kzcnPrepare.geoArea(gd, layout);
    const xSpan = ((lon[1] - lon[0]) * Math.PI) / 180;
    const ySpan = merc(lat[1]) - merc(lat[0]);
    if (!(w > 0 && h > 0 && xSpan > 0 && ySpan > 0)) return 0;
    const scale = Math.min(w / xSpan, h / ySpan) * ((geo.projection && geo.projection.scale) || 1);
    return (scale * Math.PI) / 180;
  }

  // Before a draw: the labels the expected scale holds, so the first draw is the last.
  function prepare(gd, figure) {
    const px = expectedPxPerDegree(gd, figure.layout);
    if (!px) return figure;
    const want = changes(figure.data, px);
    Object.keys(want.visible).forEach((i) => { window.kzcnPrepare.trace(figure, +i).visible = want.visible[i]; });
    Object.keys(want.mode).forEach((i) => { window.kzcnPrepare.trace(figure, +i).mode = want.mode[i]; });
    return figure;
  }
  (window.kzcnPrepareHooks = window.kzcnPrepareHooks || []).push({id: "border-map", order: 10, hook: prepare});

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
    gd.setAttribute("data-label-scale", px.toFixed(1));
    const want = changes(gd.data, px);
    const indices = Object.keys(want.visible).map(Number);
    const textIndices = Object.keys(want.mode).map(Number);
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
    // One restyle for both: each restyle of a geo trace redraws the map.
    const attrs = {visible: [], mode: []};
    const all = indices.concat(textIndices.filter((i) => !(i in want.visible)));
    all.forEach(function (i) {
      attrs.visible.push(i in want.visible ? want.visible[i] : gd.data[i].visible);
      attrs.mode.push(i in want.mode ? want.mode[i] : gd.data[i].mode);
    });
    window.Plotly.restyle(gd, attrs, all).then(done, done);
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
  if (document.readyState === "complete") attach();  // the scripts may run after the load event
  else window.addEventListener("load", attach);
  window.addEventListener("beforeunload", function () {
    window.clearInterval(timer);
  });
})();

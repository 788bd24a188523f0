/* Changes a graph's figure before plotly draws it, rather than after with a second draw.

   Some of the page's figure changes depend on the browser (the map's frame and its labels on the
   screen's size, a chart's legend on a phone). Made after a draw, in `plotly_afterplot`, each costs
   a whole redraw: on a phone the map was drawn three times at load. Here Plotly.react and
   Plotly.newPlot are wrapped once so that the scripts that own such changes (map_labels.js,
   phone_views.js) can make them on the figure on its way in. Their afterplot handlers stay: they
   cover zoom, a resize and anything this estimate misses, and find nothing to do otherwise.

   A hook is registered by the graph's holder id (the Dash component id), in a list that may be
   filled before this file has loaded:
     (window.kzcnPrepareHooks = window.kzcnPrepareHooks || [])
       .push({id: "border-map", order: 10, hook: function (gd, figure) { ...; return figure; }});
   Hooks run by `order` (default 0), lowest first: the map's frame is fitted before its labels are
   chosen for the scale that frame gives.
   `figure` is {data, layout} with copies the hook may change: kzcnPrepare.trace(figure, i) and
   kzcnPrepare.set(figure.layout, "a.b.c", value) copy before they write, so the figure Dash holds
   (a prop, a store) is never changed underneath it; kzcnPrepare.geoArea(gd, layout) is the map's plot
   area before it is drawn. This file loads after plotly-kzcn.min.js (the
   assets load in name order). */
(function () {
  "use strict";

  const prepare = window.kzcnPrepare = window.kzcnPrepare || {};

  function hooksFor(id) {
    return (window.kzcnPrepareHooks || []).filter((entry) => entry.id === id)
      .sort((a, b) => (a.order || 0) - (b.order || 0));
  }

  // layout["a.b.c"] = value, copying each object on the path first.
  prepare.set = function (layout, path, value) {
    const keys = path.split(".");
    let node = layout;
    keys.slice(0, -1).forEach(function (key) {
      const next = node[key];
      node[key] = next && typeof next === "object" && !Array.isArray(next) ? Object.assign({}, next) : {};
      node = node[key];
    });
    node[keys[keys.length - 1]] = value;
  };

  // A copy of trace i that the hook may change.
  prepare.trace = function (figure, i) {
    if (!figure.copied) {
      figure.data = figure.data.slice();
      figure.copied = {};
    }
    if (!figure.copied[i]) {
      figure.data[i] = Object.assign({}, figure.data[i]);
      figure.copied[i] = true;
    }
    return figure.data[i];
  };

  // The plot area a figure's geo subplot will be drawn in, before it is drawn: the graph's box (or
  // its holder's, before it has one) less the margins, times the subplot's domain.
  prepare.geoArea = function (gd, layout) {
    let box = gd.getBoundingClientRect();
    if (!(box.width > 0 && box.height > 0) && gd.parentElement) box = gd.parentElement.getBoundingClientRect();
    const geo = layout.geo || {};
    const margin = layout.margin || {};
    const dx = (geo.domain && geo.domain.x) || [0, 1];
    const dy = (geo.domain && geo.domain.y) || [0, 1];
    return {w: (box.width - (margin.l || 0) - (margin.r || 0)) * (dx[1] - dx[0]),
            h: (box.height - (margin.t || 0) - (margin.b || 0)) * (dy[1] - dy[0])};
  };

  // dcc.Graph's outer div carries the component id; plotly draws in the div inside it.
  const holderId = (gd) => (gd.closest && gd.closest(".dash-graph") || {}).id;

  function run(gd, figure) {
    const list = hooksFor(holderId(gd));
    if (!list.length || !figure || !Array.isArray(figure.data)) return figure;
    let out = {data: figure.data, layout: Object.assign({}, figure.layout || {})};
    list.forEach(function (entry) {
      try {
        out = entry.hook(gd, out) || out;
      } catch (err) {
        // A hook that fails leaves the figure as the server made it; the afterplot handlers still run.
        console.warn("kzcnPrepare:", err && err.message);
      }
    });
    delete out.copied;
    return Object.assign({}, figure, {data: out.data, layout: out.layout});
  }

  // A graph's first draw waits for a task of its own. Dash mounts the whole page in one task, and
  // each graph's first draw inside it made that task longer (the map and three charts: a quarter of
  // a second of blocking at load on a laptop, four times that on a phone). Apart, the page answers
  // input between them. Later draws (a filter, a zoom) are made at once.
  const nextTask = () => new Promise((resolve) => window.setTimeout(resolve, 0));

  function wrap(name) {
    const original = window.Plotly && window.Plotly[name];
    if (typeof original !== "function" || original.kzcnWrapped) return;
    const draw = function (self, gd, el, a, b, c) {
      if (Array.isArray(a)) {  // (gd, data, layout, config)
        const fig = run(el, {data: a, layout: b});
        return original.call(self, gd, fig.data, fig.layout, c);
      }
      if (typeof a === "object" && Array.isArray(a.data)) {  // (gd, {data, layout, config, frames})
        return original.call(self, gd, run(el, a));
      }
      return original.call(self, gd, a, b, c);
    };
    const wrapped = function (gd, a, b, c) {
      const el = typeof gd === "string" ? document.getElementById(gd) : gd;
      if (!el || !a) return original.apply(this, arguments);
      // The data array Dash handed over, which gd.data is no longer once a hook copied it
      // (assets/lazy_views.js asks whether a view shows its store's latest content).
      el.kzcnDrawnFrom = Array.isArray(a) ? a : a.data;
      if (!el._fullLayout || el.kzcnFirstDraw) {
        const self = this;
        // Draws asked for while the first waits follow it, in order.
        const drawn = (el.kzcnFirstDraw || nextTask()).then(() => draw(self, gd, el, a, b, c));
        const settled = drawn.then(() => null, () => null);
        el.kzcnFirstDraw = settled;
        settled.then(() => { if (el.kzcnFirstDraw === settled) el.kzcnFirstDraw = null; });
        return drawn;
      }
      return draw(this, gd, el, a, b, c);
    };
    wrapped.kzcnWrapped = true;
    window.Plotly[name] = wrapped;
  }

  // dcc.Graph asks plotly to fit each graph to its box right after the graph's first draw, and again
  // when it first observes the box; plotly then works through the whole figure again (on a phone, a
  // tenth of a second for the map) only to find the size unchanged. A graph that already fits its box,
  // by plotly's own rule (a change of more than a pixel), is left alone; any other call goes to plotly.
  function fits(gd) {
    const full = gd && gd._fullLayout;
    if (!full || !gd.layout || gd.layout.width || gd.layout.height || gd._resolveResize) return false;
    const style = window.getComputedStyle(gd);
    const width = parseFloat(style.width);
    const height = parseFloat(style.height);
    return width > 0 && height > 0 && Math.abs(full.width - Math.max(width, 10)) <= 1 &&
      Math.abs(full.height - Math.max(height, 10)) <= 1;
  }

  function wrapResize() {
    const plots = window.Plotly && window.Plotly.Plots;
    if (!plots || typeof plots.resize !== "function" || plots.resize.kzcnWrapped) return;
    const original = plots.resize;
    const resize = function (gd) {
      const el = typeof gd === "string" ? document.getElementById(gd) : gd;
      return fits(el) ? Promise.resolve(el) : original.apply(this, arguments);
    };
    resize.kzcnWrapped = true;
    plots.resize = resize;
  }

  // plotly.js sets itself up in steps after its script has run (scripts/build_plotly_bundle.sh); Dash
  // starts only after that (assets/dash-renderer-start.js), and so after these wrappers.
  Promise.resolve(window.kzcnPlotly).then(function () {
    wrap("react");
    wrap("newPlot");
    wrapResize();
  });
})();

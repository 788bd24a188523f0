/* The views below the first screen (trade, energy, timeline, the projects table) are drawn when they
 * come into or near the viewport, and only then redrawn after a filter change.
 *
 * The server keeps each view's content current in a store (callbacks/views.py; the timeline's marks
 * from callbacks/selection.py); a clientside callback per view (`lazy.<view id>`) hands the store's
 * content to the view when it is near the viewport and otherwise holds it. When a held view comes
 * near, it takes the latest content at once: what it shows is always the current filters, and one
 * draw, however many changes it missed. Printing the page draws every held view first.
 */
(function () {
  "use strict";

  // view id → [the store holding its content, the property the content goes to] (callbacks/views.py
  // LAZY_VIEWS pairs them the same way).
  const VIEWS = { "trade-chart": ["trade-figure", "figure"], "energy-chart": ["energy-figure", "figure"],
                  "timeline-chart": ["timeline-figure", "figure"], "projects-table": ["project-rows", "rowData"] };
  // "Near": within this much of the viewport, so a view is usually drawn before it is scrolled into sight.
  const MARGIN = "150px 0px";

  const views = {};
  Object.keys(VIEWS).forEach(function (id) {
    views[id] = { id: id, store: VIEWS[id][0], prop: VIEWS[id][1], near: false, shown: undefined };
  });

  // The store's content now (Dash does not call a store's callback at load when the server's first
  // answer leaves the store as the page brought it, so the store itself is read).
  function latest(view) {
    const api = window.dash_component_api;
    const found = api && api.getLayout ? api.getLayout(view.store) : null;
    return found && found.props ? found.props.data : undefined;
  }

  function hand(view) {
    view.latest = latest(view);
    if (view.latest === undefined || view.latest === null || view.latest === view.shown) return;
    view.shown = view.latest;
    const props = {};
    props[view.prop] = view.latest;
    if (view.id === "projects-table") keepSelectedRowInSight();  // first: the rows may arrive at once
    window.dash_clientside.set_props(view.id, props);
  }

  // The table's selected row (a link's select=) was scrolled to before the table had rows.
  function keepSelectedRowInSight() {
    const grid = window.dash_ag_grid;
    if (!grid || !grid.getApi) return;
    let api = null;
    try {
      api = grid.getApi("projects-table");
    } catch (err) {
      return;  // the table is not drawn yet
    }
    if (api) {
      const once = function () {
        api.removeEventListener("rowDataUpdated", once);
        const selected = window.dash_component_api.getLayout("selected-feature");
        const node = selected && selected.props.data ? api.getRowNode(selected.props.data) : null;
        // After the grid has laid out its new rows (asked during the update, it scrolls nowhere).
        if (node) window.setTimeout(function () { api.ensureNodeVisible(node, "middle"); }, 0);
      };
      api.addEventListener("rowDataUpdated", once);
    }
  }

  function take(id) {
    return function (data) {
      const view = views[id];
      if (!view.near) return window.dash_clientside.no_update;
      view.shown = latest(view);  // the store's own object, which `hand` compares with
      if (id === "projects-table") keepSelectedRowInSight();
      return data;
    };
  }

  const observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      const view = views[entry.target.dataset.lazyView];
      if (!view) return;
      view.near = entry.isIntersecting;
      if (view.near) hand(view);
    });
  }, { rootMargin: MARGIN }) : null;

  // The element watched: the view's whole panel (its title and buttons count as in view).
  const watched = {};
  function watch() {
    let missing = 0;
    Object.keys(views).forEach(function (id) {
      const el = document.getElementById(id);
      const box = el && (el.closest(".panel") || el);
      if (!box) {
        missing += 1;
        return;
      }
      if (watched[id] === box) return;
      watched[id] = box;
      box.dataset.lazyView = id;
      if (observer) observer.observe(box);
      else { views[id].near = true; hand(views[id]); }  // no observer: draw everything, as before
    });
    return missing;
  }
  // Dash draws the page after this script runs: look often until every view is found, then now and
  // then, in case a view's element is replaced.
  const timer = window.setInterval(function () {
    if (!watch()) {
      window.clearInterval(timer);
      window.setInterval(watch, 1000);
    }
  }, 100);

  // Printing the dashboard, or exporting a view as an image: the view is needed now (the print is laid
  // out as soon as the event returns, before Dash would have drawn a handed-over figure), so it is
  // drawn here, and Dash is handed the same content.
  function drawNow(id) {
    const view = views[id];
    if (!view) return;
    view.latest = latest(view);
    if (view.latest === undefined || view.latest === null || view.latest === view.shown) return;
    const holder = document.getElementById(id);
    if (view.prop === "figure") {
      const gd = holder && holder.querySelector(".js-plotly-plot");
      if (gd && window.Plotly) window.Plotly.react(gd, view.latest.data, view.latest.layout, gd._context);
    } else {
      try {
        window.dash_ag_grid.getApi(id).setGridOption("rowData", view.latest);
      } catch (err) { /* the table is not drawn yet */ }
    }
    hand(view);
  }
  function drawAll() {
    Object.keys(views).forEach(drawNow);
  }
  window.addEventListener("beforeprint", drawAll);

  window.kzcnLazy = {
    /** Whether a view still holds content it has not drawn (for tests and the bench). */
    pending: function (id) { const data = latest(views[id]); return data !== undefined && data !== views[id].shown; },
    /** Whether a view shows its store's latest content, drawn (plotly keeps the figure's data array). */
    current: function (id) {
      const data = latest(views[id]);
      if (data === undefined || data === null) return true;
      if (views[id].prop === "figure") {
        const gd = document.querySelector("#" + id + " .js-plotly-plot");
        return !!gd && (gd.kzcnDrawnFrom || gd.data) === data.data;
      }
      try {
        return window.dash_ag_grid.getApi(id).getDisplayedRowCount() === data.length;
      } catch (err) {
        return false;
      }
    },
    drawNow: drawNow,
    drawAll: drawAll,
  };
  const lazy = {};
  Object.keys(views).forEach(function (id) { lazy[id] = take(id); });
  window.dash_clientside = Object.assign({}, window.dash_clientside, { lazy: lazy });
})();

/* The views below the first screen (trade, energy, timeline, the projects table) are drawn when they
 * come into or near the viewport, and only then redrawn after a filter change.
 *
 * The server keeps each view's content current in a store (callbacks/views.py; the timeline's marks
 * from callbacks/selection.py); a clientside callback per view (`lazy.<view id>`) hands the store's
 * content to the view when it is near the viewport and otherwise holds it. When a held view comes
 * near, it takes the latest content at once: what it shows is always the current filters, and one
 * draw, however many changes it missed. Printing the page draws every held view first.
 *
 * The projects grid itself is not in the page until the table first comes near: its scripts load
 * then, and the grid is drawn in its box with the rows and selection of that moment (layouts/table.py
 * says why). From then on it follows the rows like the other views, and the selection here.
 */
(function () {
  "use strict";

  // The table's box has the table's public id; the grid drawn in it, its own.
  const TABLE = "projects-table";
  const GRID = "projects-grid";
  // view id → [the store holding its content, the property the content goes to] (callbacks/views.py
  // LAZY_VIEWS pairs them the same way; the table's rows go to the grid in it).
  const VIEWS = { "trade-chart": ["trade-figure", "figure"], "energy-chart": ["energy-figure", "figure"],
                  "timeline-chart": ["timeline-figure", "figure"],
                  "projects-table": ["project-rows", "rowData"] };
  // "Near": within this much of the viewport, so a view is usually drawn before it is scrolled into sight.
  const MARGIN = "150px 0px";
  const noUpdate = () => window.dash_clientside.no_update;

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

  // The grid's API once the grid is drawn, else null.
  function tableApi() {
    if (!window.dash_ag_grid || !document.getElementById(GRID)) return null;
    try {
      return window.dash_ag_grid.getApi(GRID) || null;
    } catch (err) {
      return null;  // its element is there, its API not yet
    }
  }

  // ---- The grid, drawn the first time the table comes near.
  let table = "absent";  // → "loading" its scripts → "asked" for → drawn; or "failed"
  function askForTable() {
    if (table !== "absent") return;
    table = "loading";
    const held = document.getElementById("table-scripts");
    const urls = held ? Array.from(held.content.querySelectorAll("script[src]"), (s) => s.getAttribute("src")) : [];
    let left = urls.length;
    const ready = function () {
      table = "asked";
      window.dash_clientside.set_props("projects-table-wanted", {data: true});
    };
    if (window.dash_ag_grid || !left) { ready(); return; }
    urls.forEach(function (url) {
      const script = document.createElement("script");
      script.src = url;
      script.async = false;  // in order, as Dash wrote them
      script.addEventListener("load", function () { left -= 1; if (!left) ready(); });
      script.addEventListener("error", function () {
        table = "failed";
        const note = document.querySelector("#projects-table .table-waiting");
        if (note) note.textContent = window.kzcn.t("The table could not be loaded. Reload the page, or download the projects as CSV.");
      });
      document.body.appendChild(script);
    });
  }

  // A keyboard that reached the table's note before the grid came goes on into the grid's header.
  function focusGridLater() {
    // The grid's header comes after its second script chunk has loaded: look again for a few seconds,
    // unless the visitor has moved the focus on meanwhile.
    let tries = 50;
    (function focus() {
      const active = document.activeElement;
      if (active && active.closest && active.closest("#projects-grid")) return;  // there
      const moved = active && active !== document.body && !(active.classList && active.classList.contains("table-waiting"));
      if (moved || tries-- <= 0) return;
      // The grid may redraw its header as it settles, dropping a focus given too early: check again.
      const cell = document.querySelector("#projects-table .ag-header-cell");
      if (cell) cell.focus();
      window.setTimeout(focus, 100);
    })();
  }

  // `lazy.drawTable`: the grid, as a component for its box, with the page's rows and selection now.
  function drawTable(wanted, settings, rows, selected) {
    if (!wanted || !settings || !window.dash_ag_grid) return noUpdate();
    const focused = document.activeElement;
    if (focused && focused.classList && focused.classList.contains("table-waiting")) focusGridLater();
    const view = views[TABLE];
    rows = rows || [];
    view.shown = rows;
    window.dash_ag_grid.getApiAsync(GRID).then(function () {
      // Rows a filter sent while the grid was being made, which it could not take yet.
      if (view.near) hand(view);
      // Whoever fits the grid to the screen (assets/phone_views.js) does so as soon as it is there.
      document.dispatchEvent(new CustomEvent("kzcn:table-drawn"));
    }).catch(function () { /* not drawn */ });
    const props = Object.assign({}, settings, {rowData: rows});
    if (selected && rows.some((row) => row.project_id === selected)) {
      props.selectedRows = {ids: [selected]};
      props.scrollTo = {rowId: selected, rowPosition: "middle"};
    }
    return {type: "AgGrid", namespace: "dash_ag_grid", props: props};
  }

  // `lazy.selectRow`: the grid's selected row follows the page's selection (a map click, a link, Find).
  // A selection made in the grid is already there and is left alone.
  function selectRow(selected) {
    const api = tableApi();
    if (!api) return;  // drawn later, with the selection of that moment
    const chosen = api.getSelectedNodes().map((node) => node.id);
    if (selected && api.getRowNode(selected)) {
      if (chosen.length !== 1 || chosen[0] !== selected) {
        window.dash_clientside.set_props(GRID, {selectedRows: {ids: [selected]},
                                                scrollTo: {rowId: selected, rowPosition: "middle"}});
      }
    } else if (chosen.length) {
      window.dash_clientside.set_props(GRID, {selectedRows: []});
    }
  }

  function hand(view) {
    if (view.id === TABLE && !tableApi()) {
      askForTable();  // drawn with the latest rows
      return;
    }
    view.latest = latest(view);
    if (view.latest === undefined || view.latest === null || view.latest === view.shown) return;
    view.shown = view.latest;
    const props = {};
    props[view.prop] = view.latest;
    if (view.id === TABLE) keepSelectedRowInSight();  // first: the rows may arrive at once
    window.dash_clientside.set_props(view.id === TABLE ? GRID : view.id, props);
  }

  // New rows for the grid (a filter changed while the table was out of view): its selected row stays
  // in sight.
  function keepSelectedRowInSight() {
    const api = tableApi();
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
    if (id === TABLE) {
      // No output (the grid may not exist yet): the rows are set on the grid, once it is drawn.
      return function () {
        if (views[id].near && tableApi()) hand(views[id]);
      };
    }
    return function (data) {
      const view = views[id];
      if (!view.near) return noUpdate();
      view.shown = latest(view);  // the store's own object, which `hand` compares with
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
      const api = tableApi();
      if (!api) return;  // not drawn yet: its box says so
      api.setGridOption("rowData", view.latest);
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
      const api = tableApi();
      return !!api && api.getDisplayedRowCount() === data.length;
    },
    drawNow: drawNow,
    drawAll: drawAll,
  };
  const lazy = {drawTable: drawTable, selectRow: selectRow};
  Object.keys(views).forEach(function (id) { lazy[id] = take(id); });
  window.dash_clientside = Object.assign({}, window.dash_clientside, { lazy: lazy });
})();

/* The views below the first screen (trade, energy, timeline, the projects table) are drawn when they
 * come into or near the viewport, and only then redrawn after a filter change.
 *
 * Each view's full content waits in a store: the whole chart for every year and event, every
 * project's row (layouts/page.py; the trade chart's flow from callbacks/views.py, the timeline's marks
 * from callbacks/selection.py). The page cuts it to the filters itself (assets/chart_cut.js, the
 * Python charts' cut), so a filter change redraws the views in view with no round trip: in the task
 * after the map's own (assets/filter_mask.js announces it), and again, if anything is left, when Dash
 * calls `lazy.views` with the new controls or content. A held view, out of view, is cut and drawn
 * when it comes near: always the current filters, one draw however many changes it missed. Printing
 * the page draws every held view first.
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
  const handed = {};  // view id → when it was last handed a new cut (for the bench)
  Object.keys(VIEWS).forEach(function (id) {
    views[id] = { id: id, store: VIEWS[id][0], prop: VIEWS[id][1], near: false, shown: undefined, drawn: undefined };
  });

  // A component's props now, read from Dash's layout (the controls' values are written there in the
  // control's own event, before any callback runs).
  function props(id) {
    const api = window.dash_component_api;
    const found = api && api.getLayout ? api.getLayout(id) : null;
    return found && found.props ? found.props : null;
  }

  // The store's content now (Dash does not call a store's callback at load when the server's first
  // answer leaves the store as the page brought it, so the store itself is read).
  function latest(view) {
    const found = props(view.store);
    return found ? found.data : undefined;
  }

  const CONTROLS = ["sector-filter", "theme-filter", "year-range", "year-meaning"];
  // The filters now, as assets/filter_mask.js reads them, and their key; null until the page is ready.
  function filters() {
    const idx = (props("filter-index") || {}).data;
    const controls = CONTROLS.map(props);
    if (!idx || !window.kzcnFilters || !window.kzcnCharts || controls.some((c) => !c)) return null;
    const st = window.kzcnFilters.state(controls[0].value, controls[1].value, controls[2].value, controls[3].value, idx);
    return { st: st, idx: idx, key: window.kzcnFilters.keyOf(st, idx) };
  }

  // What the view should show now: its store's content cut to the filters, with what it was cut from
  // (`from`, `key`), so the same content and filters are not cut or drawn twice.
  function wanted(view) {
    const content = latest(view);
    const f = filters();
    if (content === undefined || content === null || !f) return null;
    if (view.shown && view.shown.from === content && view.shown.key === f.key) return view.shown;
    return { from: content, key: f.key, value: window.kzcnCharts[view.id](content, f.st, f.idx) };
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
  function drawTable(asked, settings, selected) {
    if (!asked || !settings || !window.dash_ag_grid) return noUpdate();
    const focused = document.activeElement;
    if (focused && focused.classList && focused.classList.contains("table-waiting")) focusGridLater();
    const view = views[TABLE];
    const cut = wanted(view);
    const rows = cut ? cut.value : [];
    view.shown = view.drawn = cut;
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

  // A chart cut to nothing (the energy chart when the filters leave no oil or gas: a figure with no
  // traces and one note) is shown as its note over the graph already drawn, which is not redrawn.
  // plotly would otherwise redraw the whole graph into the empty figure and back again when the filter
  // is undone, the slowest part of switching a theme on and off (measured 2026-12). `view.drawn` is
  // the cut the view holds, `view.shown` the one it shows (the same, or an empty one over it).
  function note(cut) {
    const figure = cut.value;
    const notes = figure && Array.isArray(figure.data) && !figure.data.length && figure.layout &&
      figure.layout.annotations;
    return Array.isArray(notes) && notes.length ? String(notes[0].text) : null;
  }
  function showNote(view, text) {
    const holder = document.getElementById(view.id);
    if (!holder || holder.getAttribute("data-empty") === text) return;
    if (text === null) holder.removeAttribute("data-empty");
    else holder.setAttribute("data-empty", text);
  }

  function hand(view) {
    if (view.id === TABLE && !tableApi()) {
      askForTable();  // drawn with the latest rows
      return;
    }
    const cut = wanted(view);
    if (!cut || cut === view.shown) return;
    const text = view.prop === "figure" ? note(cut) : null;
    if (text !== null && view.drawn) {
      view.shown = cut;
      showNote(view, text);
      return;
    }
    if (view.prop === "figure") showNote(view, null);
    // Other filters often cut a view to what it already holds (a theme with no events on the trade
    // chart, or undoing a filter that left the energy chart empty): nothing to redraw.
    if (view.drawn && same(cut.value, view.drawn.value)) {
      view.shown = view.drawn = Object.assign({}, cut, {value: view.drawn.value});
      return;
    }
    view.shown = view.drawn = cut;
    handed[view.id] = window.performance.now();
    const update = {};
    update[view.prop] = cut.value;
    if (view.id === TABLE) keepSelectedRowInSight();  // first: the rows may arrive at once
    window.dash_clientside.set_props(view.id === TABLE ? GRID : view.id, update);
  }

  // Whether two cuts draw the same: a few kilobytes of JSON each, compared in well under a millisecond.
  function same(a, b) {
    return a === b || JSON.stringify(a) === JSON.stringify(b);
  }

  // Every view near the viewport, brought up to date: after a visitor's filter change (below), and as
  // `lazy.views`, which Dash calls when a view's store or the filters change (a link, back and forward,
  // Reset, Play, a new trade flow, a selection's marks). A view whose cut is unchanged is left alone;
  // a near table whose grid is still loading gets its rows when the grid is drawn.
  function handNear() {
    Object.keys(views).forEach(function (id) {
      if (views[id].near) hand(views[id]);
    });
  }
  // A visitor's filter change has just been drawn on the map (assets/filter_mask.js): the views in
  // view follow in the next task, so the map is painted first.
  document.addEventListener("kzcn:filtered", function () { window.setTimeout(handNear, 0); });

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
    const cut = wanted(view);
    if (!cut || cut === view.drawn) return;
    const holder = document.getElementById(id);
    if (view.prop === "figure") {
      const gd = holder && holder.querySelector(".js-plotly-plot");
      if (gd && window.Plotly) window.Plotly.react(gd, cut.value.data, cut.value.layout, gd._context);
      showNote(view, null);  // an empty chart drawn as plotly draws it: an image or a print holds it
    } else {
      const api = tableApi();
      if (!api) return;  // not drawn yet: its box says so
      api.setGridOption("rowData", cut.value);
    }
    view.shown = view.drawn = cut;
    const update = {};
    update[view.prop] = cut.value;
    window.dash_clientside.set_props(view.id === TABLE ? GRID : view.id, update);
  }
  function drawAll() {
    Object.keys(views).forEach(drawNow);
    if (!tableApi()) printTable();
  }
  window.addEventListener("beforeprint", drawAll);

  // A print before the grid was ever drawn: its scripts cannot load inside the print event, so the
  // rows the filters leave go on paper as a plain table, with the grid's own column titles (style.css
  // shows it only in print), and it is taken out again afterwards.
  const PRINTED = "projects-print";
  function printTable() {
    const box = document.getElementById(TABLE);
    const settings = (props("projects-table-settings") || {}).data;
    const cut = wanted(views[TABLE]);
    if (!box || !settings || !cut) return;
    const old = document.getElementById(PRINTED);
    if (old) old.remove();
    const columns = settings.columnDefs || [];
    const table = document.createElement("table");
    table.id = PRINTED;
    table.className = "print-table";
    const head = table.createTHead().insertRow();
    columns.forEach(function (col) {
      const th = document.createElement("th");
      th.textContent = col.headerName || col.field;
      head.appendChild(th);
    });
    const body = table.createTBody();
    cut.value.forEach(function (row) {
      const tr = body.insertRow();
      columns.forEach(function (col) { tr.insertCell().textContent = printed(row[col.field], col); });
    });
    box.after(table);
  }
  // A cell as text: amounts as the grid formats them, in the page's language (years stay bare); the
  // Sources column's links (layouts/sources.py writes them as [label](url), read as the cell reads them:
  // assets/source_links.js) as the label and the address, which paper cannot click.
  function printed(value, col) {
    if (value === null || value === undefined) return "";
    if (typeof value === "number" && col.valueFormatter) {
      return value.toLocaleString(document.documentElement.lang || undefined, {maximumFractionDigits: 1});
    }
    return window.kzcnSourceLinks.pieces(value)
      .map((piece) => (piece.href ? piece.text + " <" + piece.href + ">" : piece.text)).join("");
  }
  window.addEventListener("afterprint", function () {
    const printedTable = document.getElementById(PRINTED);
    if (printedTable) printedTable.remove();
  });

  window.kzcnLazy = {
    /** Whether a view still holds content it has not drawn (for tests and the bench). */
    pending: function (id) { const cut = wanted(views[id]); return !!cut && cut !== views[id].shown; },
    /** Whether a view shows its store's latest content cut to the current filters, drawn (plotly
     * keeps the figure's data array). */
    current: function (id) {
      const view = views[id];
      const cut = wanted(view);
      if (!cut) return true;
      if (cut !== view.shown) return false;
      if (view.prop === "figure") {
        if (cut !== view.drawn) return document.getElementById(id).getAttribute("data-empty") === note(cut);
        const gd = document.querySelector("#" + id + " .js-plotly-plot");
        return !!gd && (gd.kzcnDrawnFrom || gd.data) === cut.value.data;
      }
      const api = tableApi();
      return !!api && api.getDisplayedRowCount() === cut.value.length;
    },
    /** When each view was last handed a new cut: its id → performance.now(), for the bench. */
    handed: handed,
    drawNow: drawNow,
    drawAll: drawAll,
  };
  const lazy = {drawTable: drawTable, selectRow: selectRow, views: handNear};
  window.dash_clientside = Object.assign({}, window.dash_clientside, { lazy: lazy });
})();

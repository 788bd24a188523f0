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
 * The projects table is built when it first comes near (assets/projects_table.js), from every row
 * the page holds; a new cut then only hides and shows its rows. Its selected row follows the page's
 * selection here.
 */
(function () {
  "use strict";

  const TABLE = "projects-table";
  // view id → [the store holding its content, the property the content goes to] (callbacks/views.py
  // LAZY_VIEWS pairs them the same way; the table is not a Dash component: its rows are shown here).
  const VIEWS = { "trade-chart": ["trade-figure", "figure"], "energy-chart": ["energy-figure", "figure"],
                  "timeline-chart": ["timeline-figure", "figure"],
                  "projects-table": ["project-rows", "rows"] };
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

  // ---- The table: built the first time it is needed, from every row the page holds, then cut.
  function table(cut) {
    const box = document.getElementById(TABLE);
    const settings = (props("projects-table-settings") || {}).data;
    if (!box || !settings || !window.kzcnTable) return false;
    if (!window.kzcnTable.built(cut.from)) {
      window.kzcnTable.build(box, cut.from, settings);
      const selected = props("selected-feature");
      window.kzcnTable.select(selected && selected.data);
    }
    window.kzcnTable.show(cut.value);
    return true;
  }

  // `lazy.selectRow`: the table's selected row follows the page's selection (a map click, a link,
  // Find, a row); a table not built yet is built with the selection of that moment.
  function selectRow(selected) {
    if (window.kzcnTable) window.kzcnTable.select(selected);
  }

  // A keyboard that reaches the table's note before the table is built: the table is built at once,
  // and the focus goes on to its column titles.
  document.addEventListener("focusin", function (event) {
    if (!event.target.classList || !event.target.classList.contains("table-waiting")) return;
    drawNow(TABLE);
    const title = document.querySelector("#" + TABLE + ' .ptable [tabindex="0"]');
    if (title) title.focus();
  });

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
    const cut = wanted(view);
    if (!cut || cut === view.shown) return;
    if (view.id === TABLE) {
      const when = window.performance.now();
      if (!table(cut)) return;
      handed[view.id] = when;
      view.shown = view.drawn = cut;
      return;
    }
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
    window.dash_clientside.set_props(view.id, update);
  }

  // Whether two cuts draw the same: a few kilobytes of JSON each, compared in well under a millisecond.
  function same(a, b) {
    return a === b || JSON.stringify(a) === JSON.stringify(b);
  }

  // Every view near the viewport, brought up to date: after a visitor's filter change (below), and as
  // `lazy.views`, which Dash calls when a view's store or the filters change (a link, back and forward,
  // Reset, Play, a new trade flow, a selection's marks). A view whose cut is unchanged is left alone;
  function handNear() {
    Object.keys(views).forEach(function (id) {
      if (views[id].near) hand(views[id]);
    });
  }
  // A visitor's filter change has just been drawn on the map (assets/filter_mask.js): the views in
  // view follow in the next task, so the map is painted first.
  document.addEventListener("kzcn:filtered", function () { window.setTimeout(handNear, 0); });

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
    if (view.id === TABLE) {
      if (table(cut)) view.shown = view.drawn = cut;
      return;
    }
    const gd = document.querySelector("#" + id + " .js-plotly-plot");
    if (gd && window.Plotly) window.Plotly.react(gd, cut.value.data, cut.value.layout, gd._context);
    showNote(view, null);  // an empty chart drawn as plotly draws it: an image or a print holds it
    view.shown = view.drawn = cut;
    const update = {};
    update[view.prop] = cut.value;
    window.dash_clientside.set_props(view.id, update);
  }
  function drawAll() {
    Object.keys(views).forEach(drawNow);
  }
  window.addEventListener("beforeprint", drawAll);

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
      return !!window.kzcnTable && window.kzcnTable.shown() === cut.value.length;
    },
    /** When each view was last handed a new cut: its id → performance.now(), for the bench. */
    handed: handed,
    drawNow: drawNow,
    drawAll: drawAll,
  };
  const lazy = {selectRow: selectRow, views: handNear};
  window.dash_clientside = Object.assign({}, window.dash_clientside, { lazy: lazy });
})();

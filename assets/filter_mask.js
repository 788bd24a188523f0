/* Filters applied in the page: a filter change repaints the map, its key and the summary line at
 * once, with no round trip (and the charts and the table follow: assets/lazy_views.js). The rules are
 * kzcn/filters.py's; the page holds, per feature, only the facts they read (kzcn/filter_index.py, in
 * the `filter-index` store), and tests/test_filter_mask.py checks that these functions and the Python
 * filters agree on every feature for a set of views.
 *
 * The map keeps its full feature traces as the server drew them; a filter keeps, in every per-point
 * array, the points whose feature passes (a corridor's gap marker stays after a kept corridor), so
 * the result is the trace the server would have drawn for the same filters.
 */
(function () {
  "use strict";

  const MEANINGS = ["active", "started"];
  let full = null; // the map's feature traces, unfiltered (taken from the figure before its first mask)
  let fullFrom = null; // the unmasked figure's traces `full` was copied from

  function state(sectors, themes, years, meaning, idx) {
    const pick = (values, ok) =>
      Array.isArray(values) ? [...new Set(values.filter((v) => typeof v === "string" && ok(v)))] : [];
    let start = null;
    let end = null;
    if (Array.isArray(years) && years.length === 2 && years.every((y) => typeof y === "number")) {
      [start, end] = years.map((y) => Math.trunc(y)).sort((a, b) => a - b);
      start = Math.max(start, idx.first);
      end = Math.min(end, idx.last);
    }
    return {
      sectors: pick(sectors, (s) => s in idx.sectorTheme),
      themes: pick(themes, (t) => idx.themes.includes(t)),
      start: start,
      end: end,
      meaning: MEANINGS.includes(meaning) ? meaning : "active",
    };
  }

  function allowed(st, idx) {
    if (!st.sectors.length && !st.themes.length) {
      return null;
    }
    return new Set(Object.keys(idx.sectorTheme).filter((s) =>
      (!st.themes.length || st.themes.includes(idx.sectorTheme[s])) && (!st.sectors.length || st.sectors.includes(s))));
  }

  function bounds(st, idx) {
    const start = st.start === null ? idx.first : st.start;
    const end = st.end === null ? idx.last : st.end;
    return { start: start, end: end, full: start <= idx.first && end >= idx.last };
  }

  function inWindow(st, idx, began, finished) {
    const b = bounds(st, idx);
    if (b.full) {
      return true;
    }
    if (began === null) {
      return false;
    }
    const byEnd = began <= b.end || b.end >= idx.last;
    if (st.meaning === "started") {
      return byEnd && began >= b.start;
    }
    return byEnd && !(finished !== null && finished < b.start);
  }

  const inSectors = (ok, sectors) => ok === null || sectors.some((s) => ok.has(s));

  /** Every map feature (crossing, pipeline, corridor, project) the filters let through. */
  function shown(st, idx) {
    const ok = allowed(st, idx);
    const out = new Set();
    for (const [fid, [sectors, began, finished]] of Object.entries(idx.features)) {
      if (inSectors(ok, sectors) && inWindow(st, idx, began, finished)) {
        out.add(fid);
      }
    }
    for (const [pid, sector, began, finished] of idx.projects) {
      if (inSectors(ok, [sector]) && inWindow(st, idx, began, finished)) {
        out.add(pid);
      }
    }
    return out;
  }

  function events(st, idx) {
    const ok = allowed(st, idx);
    const b = bounds(st, idx);
    return idx.events.filter(([, year, sectors]) => year >= b.start && year <= b.end && inSectors(ok, sectors))
      .map(([eid]) => eid);
  }

  /** The map key's entries the map calls for (layouts/legend.py `key_entries`): its data-shown. */
  function keyEntries(st, idx) {
    const names = new Set();
    for (const fid of shown(st, idx)) {
      for (const name of idx.keyEntries[fid] || []) {
        names.add(name);
      }
    }
    if ([...names].some((name) => name.startsWith("status-"))) {
      names.add("statuses");
    }
    if (!names.has("projects")) {
      names.add("no-projects");
    }
    return [...names].sort().join(" ");
  }

  // The page's language: the templates and labels come with the index (kzcn/filter_index.py).
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  // One formatter per language, made once: the page's first number format loads the browser's locale
  // data (about 15 ms here), which `prepare` below does while the page is idle, not in a click.
  const formats = {};
  function count(n, idx) {
    const locale = idx.locale || "en";
    if (!formats[locale]) formats[locale] = new Intl.NumberFormat(locale);
    return formats[locale].format(Number(n));
  }

  function describe(st, idx) {
    const w = idx.words;
    const names = (slugs) => slugs.map((s) => idx.labels[s] || s).join(", ");
    const parts = [];
    if (st.sectors.length) {
      parts.push(fill(st.sectors.length === 1 ? w.sector : w.sectors, { names: names(st.sectors) }));
    }
    if (st.themes.length) {
      parts.push(fill(st.themes.length === 1 ? w.theme : w.themes, { names: names(st.themes) }));
    }
    const b = bounds(st, idx);
    const years = { start: b.start, end: b.end };
    parts.push(fill(b.full ? w.allYears : st.meaning === "started" ? w.started : w.active, years));
    if (!st.sectors.length && !st.themes.length) {
      parts.unshift(w.everything);
    }
    return parts.join(" · ");
  }

  /** The summary line (viewtext.summary), and how many projects and events it counts. */
  function summary(st, idx) {
    const ok = allowed(st, idx);
    const passing = shown(st, idx);
    let projects = 0;
    let unknown = 0;
    for (const [pid, sector, began, , counted] of idx.projects) {
      if (counted && passing.has(pid)) {
        projects += 1;
      }
      if (counted && began === null && !bounds(st, idx).full && inSectors(ok, [sector])) {
        unknown += 1;
      }
    }
    const nEvents = events(st, idx).length;
    let text = fill(idx.words.showing, { projects: count(projects, idx), events: count(nEvents, idx),
                                         filters: describe(st, idx) });
    if (unknown) {
      text += " · " + fill(idx.words.unknown, { n: count(unknown, idx) });
    }
    return { text: text, count: projects + nEvents, filters: describe(st, idx) };
  }

  // Keep, in every array of one entry per point (at any depth: marker.size, marker.line.color …),
  // the entries whose mask is true.
  function pick(obj, mask, n) {
    const out = {};
    for (const [key, value] of Object.entries(obj)) {
      if (Array.isArray(value)) {
        out[key] = value.length === n ? value.filter((_, i) => mask[i]) : value;
      } else if (value && typeof value === "object") {
        out[key] = pick(value, mask, n);
      } else {
        out[key] = value;
      }
    }
    return out;
  }

  function maskTrace(trace, passing) {
    const ids = trace.customdata || [];
    const n = (trace.lon || []).length;
    const mask = new Array(n);
    for (let i = 0; i < n; i += 1) {
      const id = ids[i];
      mask[i] = id === null || id === undefined ? i > 0 && mask[i - 1] && ids[i - 1] != null : passing.has(id);
    }
    return pick(trace, mask, n);
  }

  // A crossing place is named once, by the first crossing drawn there (border_map._place_labels).
  function placeLabels(trace, idx) {
    const kept = [];
    const seen = new Set();
    return trace.customdata.map((cid, i) => {
      const [place, pipeline, label] = idx.crossingPlace[cid];
      const x = trace.lon[i];
      const y = trace.lat[i];
      const near = kept.some(([a, b]) => Math.abs(x - a) + Math.abs(y - b) < 0.35);
      if (pipeline || seen.has(place) || near) {
        return "";
      }
      seen.add(place);
      kept.push([x, y]);
      return label || place;
    });
  }

  function maskedTraces(st, idx, traces) {
    const passing = shown(st, idx);
    return traces.map((trace) => {
      const out = maskTrace(trace, passing);
      const ids = out.customdata || [];
      if (ids.length && ids.every((cid) => cid in idx.crossingPlace)) {
        out.text = placeLabels(out, idx);
      }
      return out;
    });
  }

  // What the map shows now, as the filter state's key: a change of the controls that leads back to
  // it draws nothing. Before any mask, the map is the server's unfiltered one.
  let drawn = null;
  // Two states that draw the same map and summary have one key (any meaning of the whole window).
  function keyOf(st, idx) {
    const b = bounds(st, idx);
    return JSON.stringify([st.sectors, st.themes, b.start, b.end, b.full ? "" : st.meaning]);
  }

  function masked(st, idx, figure) {
    if (!full || (!(figure.layout && figure.layout.meta && figure.layout.meta.masked) && figure.data !== fullFrom)) {
      full = JSON.parse(JSON.stringify(figure.data.slice(idx.firstTrace, idx.firstTrace + idx.traces)));
      fullFrom = figure.data;
    }
    // Only the feature traces are new objects: plotly compares the rest by reference and finds them
    // unchanged, and the context layers' arrays are not copied.
    const data = figure.data.slice();
    maskedTraces(st, idx, full).forEach((trace, j) => { data[idx.firstTrace + j] = trace; });
    const meta = Object.assign({}, figure.layout && figure.layout.meta, { masked: true });
    return Object.assign({}, figure, { data: data, layout: Object.assign({}, figure.layout, { meta: meta }) });
  }

  function summaryChildren(st, idx) {
    const line = summary(st, idx);
    if (!line.count) {
      return null; // an empty view's summary names the filters to blame, with links: the server writes that one
    }
    const words = { type: "Span", namespace: "dash_html_components",
                    props: { hidden: true, className: "summary-filters", "data-filters": line.filters } };
    return [line.text, words];
  }

  // An empty view's filters go to the server, which writes why it is empty (callbacks/views.py); a
  // count makes the same empty view, met again, a new value.
  let empties = 0;
  const emptyView = (key) => ({ filters: key, n: (empties += 1) });

  /** `filters.placeEmpty`: the server's summary of an empty view (callbacks/views.py), placed if the
   * page still shows that view; a visitor who clicked on meanwhile keeps the summary of where they are. */
  function placeEmpty(answer) {
    const current = answer && answer.filters === drawn;
    return current && Array.isArray(answer.summary) ? answer.summary : window.dash_clientside.no_update;
  }

  /** The Dash callback (controls changed, whoever changed them: a link, Reset, Play, the state
   * callback's set_props): the map, the summary, the key's entries, and an empty view for the
   * server. For a visitor's own change `now` below has usually drawn them already, and this finds
   * them showing the change. */
  function mask(sectors, themes, years, meaning, figure, idx) {
    const nu = window.dash_clientside.no_update;
    if (!idx || !figure || !figure.data) {
      return [nu, nu, nu, nu];
    }
    const st = state(sectors, themes, years, meaning, idx);
    const key = keyOf(st, idx);
    if (key === (drawn || keyOf(state([], [], null, null, idx), idx))) {
      return [nu, nu, nu, nu];
    }
    drawn = key;
    const line = summaryChildren(st, idx);
    return [masked(st, idx, figure), line || nu, keyEntries(st, idx), line ? nu : emptyView(key)];
  }

  // ---- A visitor's own change, drawn in the event that made it: the control has already written its
  // new value into Dash's store (setProps runs in the control's own handler), so it is read from there
  // and the map and summary are set at once, without waiting for the state callback's round trip.
  function props(id) {
    const api = window.dash_component_api;
    const found = api && api.getLayout ? api.getLayout(id) : null;
    return found && found.props ? found.props : null;
  }

  // The index, the map's figure and the filters' state as Dash holds them now; null before the page
  // is drawn (Dash's store has no layout to look in until then).
  function current() {
    if (!document.querySelector("#border-map .js-plotly-plot")) return null;
    const idx = (props("filter-index") || {}).data;
    const graph = props("border-map");
    const controls = ["sector-filter", "theme-filter", "year-range", "year-meaning"].map(props);
    if (!idx || !graph || !graph.figure || !graph.figure.data || controls.some((c) => !c)) return null;
    return { idx: idx, figure: graph.figure,
             st: state(controls[0].value, controls[1].value, controls[2].value, controls[3].value, idx) };
  }

  function now() {
    const got = current();
    if (!got || !window.dash_clientside.set_props) {
      return;
    }
    const idx = got.idx;
    const st = got.st;
    const key = keyOf(st, idx);
    if (key === (drawn || keyOf(state([], [], null, null, idx), idx))) {
      return;
    }
    drawn = key;
    window.dash_clientside.set_props("border-map", { figure: masked(st, idx, got.figure) });
    window.dash_clientside.set_props("map-key", { "data-shown": keyEntries(st, idx) });
    const line = summaryChildren(st, idx);
    window.dash_clientside.set_props(line ? "view-summary" : "empty-view", line ? { children: line } : { data: emptyView(key) });
    // The charts and the table in view follow (assets/lazy_views.js).
    document.dispatchEvent(new CustomEvent("kzcn:filtered"));
  }

  // ---- Once the page is drawn and idle, the work of a first filter change that does not depend on it:
  // the copy of the map's unfiltered traces, the locale's number format, and one pass of the filter
  // functions (the browser compiles them on their first call). The first click of a fresh page took
  // 106–112 ms with these in it and 88–97 ms without (measured 2026-12).
  let tries = 0;
  function prepare() {
    const got = current();
    if (!got) {
      if (++tries < 60) window.setTimeout(prepare, 500);
      return;
    }
    const idle = window.requestIdleCallback || ((f) => window.setTimeout(f, 200));
    idle(function () {
      masked(got.st, got.idx, got.figure);
      summary(got.st, got.idx);
      keyEntries(got.st, got.idx);
    }, { timeout: 3000 });
  }
  if (document.readyState === "complete") window.setTimeout(prepare, 300);
  else window.addEventListener("load", () => window.setTimeout(prepare, 300));

  const OWN = ".controls, .dash-dropdown-content, [data-radix-popper-content-wrapper]";
  function onInput(event) {
    if (!(event.target && event.target.closest && event.target.closest(OWN))) {
      return;
    }
    // A click on a checkbox or radio has written its value by now (Dash's handler runs before this
    // one): the map is drawn as soon as this event's handlers are done, in the same task, so the
    // browser paints the tick and the map together rather than the tick alone first. A control that
    // writes its value after its event (a slider's release) has done so by the next task; `now` draws
    // nothing when the map already shows the controls' values.
    if (event.type === "click") window.queueMicrotask(now);
    window.setTimeout(now, 0);
  }
  ["click", "change", "keyup", "pointerup", "focusout"].forEach((type) => document.addEventListener(type, onInput));

  // For tests/test_filter_mask.py, which holds these to kzcn/filters.py, and assets/chart_cut.js and
  // assets/lazy_views.js, which cut the charts and the table with the same rules.
  window.kzcnFilters = { state: state, shown: shown, events: events, summary: summary, traces: maskedTraces,
                         allowed: allowed, bounds: bounds, keyOf: keyOf, keyEntries: keyEntries };
  window.dash_clientside = Object.assign({}, window.dash_clientside, { filters: { mask: mask, placeEmpty: placeEmpty } });
})();

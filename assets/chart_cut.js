/* The trade, energy and timeline charts cut to the filters in the page, as kzcn/figures/charts.py cuts
 * them on the server (`trade_chart`, `energy_chart`, `timeline_chart`, the one definition): from the
 * full charts kzcn/figures/chart_payloads.py sends, points kept or dropped, the year window's band
 * added. The filter rules are assets/filter_mask.js's (window.kzcnFilters). tests/test_chart_cut.py
 * holds these cuts to the Python charts' JSON for the same filters; assets/lazy_views.js draws them.
 */
(function () {
  "use strict";

  const EVENTS = "events";  // charts.EVENTS: the meta of an events trace

  const F = () => window.kzcnFilters;

  // charts._points: every per-point list (as long as the mask), at any depth of objects, cut alike.
  function points(trace, keep) {
    const cut = (value) => {
      if (Array.isArray(value)) return value.length === keep.length ? value.filter((_, i) => keep[i]) : value;
      if (value && typeof value === "object") {
        const out = {};
        Object.keys(value).forEach((k) => { out[k] = cut(value[k]); });
        return out;
      }
      return value;
    };
    const out = {};
    Object.keys(trace).forEach((k) => { out[k] = cut(trace[k]); });
    return out;
  }

  const among = (trace, ids) => points(trace, (trace.customdata || []).map((i) => ids.has(i)));
  const isEvents = (trace) => trace.meta === EVENTS;

  // The year window's band: the server's own shapes (charts._band, or a view's), sent as templates in
  // each payload, here given the window's edges.
  const placed = (shape, x0, x1) => Object.assign({}, shape, { x0: x0, x1: x1 });

  // charts._cut: the traces on the full chart's layout, with the bands; no trace keeps its meta.
  function cut(full, traces, bands) {
    const layout = Object.assign({}, full.layout);
    if (bands.length) layout.shapes = (layout.shapes || []).concat(bands);
    const data = traces.map((t) => {
      if (!("meta" in t)) return t;
      const copy = Object.assign({}, t);
      delete copy.meta;
      return copy;
    });
    return { data: data, layout: layout };
  }

  function window_(st, idx) {
    const b = F().bounds(st, idx);
    return { start: b.start, end: b.end, whole: b.start === idx.first && b.end === idx.last };
  }

  /** The trade chart of the payload's flow or view (charts.trade_chart). */
  function trade(payload, st, idx) {
    const shown = new Set(F().events(st, idx));
    const traces = payload.figure.data.map((t) => (isEvents(t) ? among(t, shown) : t))
      .filter((t) => !isEvents(t) || (t.customdata || []).length);
    const w = window_(st, idx);
    const bands = w.whole ? [] : payload.band.map((shape) => placed(shape, w.start - 0.5, w.end + 0.5));
    return cut(payload.figure, traces, bands);
  }

  /** The energy chart (charts.energy_chart). */
  function energy(payload, st, idx) {
    const ok = F().allowed(st, idx);
    const shown = Object.keys(payload.systems).filter((c) => ok === null || ok.has(c));
    const full = payload.variants[shown.join(",")];
    if (!shown.length) return cut(full, full.data, []);
    const w = window_(st, idx);
    const events = new Set(F().events(st, idx));
    const traces = [];
    let markedAny = false;
    for (let trace of full.data) {
      if (trace.type === "bar") {
        trace = points(trace, trace.x.map((x) => typeof x === "number" && w.start <= x && x <= w.end));
        if (!trace.x.length) continue;
      } else if (isEvents(trace)) {
        trace = among(trace, events);
        if (!trace.customdata.length) continue;
        // Along the top of their panel: above its tallest bar or capacity in the view's years.
        const row = Number(trace.yaxis.slice(1) || 1);
        const system = payload.systems[shown[row - 1]];
        const volumes = payload.flows[system]
          .filter(([year, , commodity]) => w.start <= year && year <= w.end && (ok === null || ok.has(commodity)))
          .map(([, volume]) => volume);
        const cap = payload.capacityTop[system];
        const top = Math.max(...volumes, ...(cap === null ? [] : [cap]), 1.0) * 1.1;
        trace = Object.assign({}, trace, { y: trace.customdata.map(() => top), showlegend: !markedAny });
        markedAny = true;
      }
      traces.push(trace);
    }
    const bands = w.whole ? [] : shown.map((_, i) => placed(payload.band[i], w.start - 0.5, w.end + 0.5));
    return cut(full, traces, bands);
  }

  /** The timeline (charts.timeline_chart): each theme's events cut, the marks trace (at
   * `payload.marks`) as it stands. */
  function timeline(payload, st, idx) {
    const shown = new Set(F().events(st, idx));
    const data = payload.figure.data;
    const traces = data.slice(0, payload.marks).map((t) => among(t, shown)).concat(data.slice(payload.marks));
    const w = window_(st, idx);
    const bands = w.whole ? [] : payload.band.map((shape) => placed(shape, w.start + "-01-01", w.end + "-12-31"));
    return cut(payload.figure, traces, bands);
  }

  /** The projects table's rows that the filters let through, in the table's order. */
  function rows(all, st, idx) {
    const shown = F().shown(st, idx);
    return all.filter((row) => shown.has(row.project_id));
  }

  window.kzcnCharts = {
    "trade-chart": trade,
    "energy-chart": energy,
    "timeline-chart": timeline,
    "projects-table": rows,
  };
})();

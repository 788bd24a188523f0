/* The details panel, shown from the page's own copy of every panel.
 *
 * layouts/details.py renders every feature's panel once per language (kzcn/details_index.py); the
 * details panel's `data-panels` names that file. It is fetched when the page is idle after the map is
 * drawn (or at the visitor's first press of a key or pointer, if sooner), and from then on a selection
 * shows its panel without a server round trip:
 *   - a map click, a related link or the map's chooser (kzcn.select, assets/links.js) at once, before
 *     the URL goes to the server;
 *   - a table row, a timeline or chart event, or Find (`early`), before the state callback answers;
 *   - whatever the state callback selects (back/forward, a link, presenter scenes: `show`).
 * Until the file is here, `show` asks the server for the panel (`details-wanted` → callbacks/selection.py
 * `served` → `place`), and an answer overtaken by a later selection is dropped. `shown` remembers which
 * panel is on screen, so a selection already shown is not drawn twice.
 */
(function () {
  "use strict";

  const HTML = "dash_html_components";
  const PANEL = "details-panel";
  let source = null;      // the file asked for
  let panels = null;      // its content, once read
  let shown = null;       // the id whose panel is on screen (null: the "nothing selected" panel)
  let wanted = null;      // the selection the panel should show
  let asked = 0;

  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
  const noUpdate = () => window.dash_clientside.no_update;

  /* The compact form written by kzcn/details_index.py back into Dash's component JSON. */
  function expand(value) {
    if (Array.isArray(value)) return value.map(expand);
    if (value && typeof value === "object") {
      const props = {};
      Object.keys(value).forEach(function (key) {
        if (key !== "$" && key !== "$ns") props[key] = expand(value[key]);
      });
      return has(value, "$") ? {props: props, type: value.$, namespace: value.$ns || HTML} : props;
    }
    return value;
  }

  function load() {
    const holder = document.getElementById(PANEL);
    const url = holder && holder.dataset.panels;
    if (!url || url === source) return;
    source = url;
    fetch(url, {credentials: "same-origin"})
      .then((response) => (response.ok ? response.json() : null))
      .then(function (data) {
        if (source === url && data && data.panels && data.none) panels = data;
      })
      .catch(function () { source = null; /* the server still renders each panel */ });
  }

  /* A fresh copy of a selection's panel (Dash keeps what it is given), or undefined without the file.
     An id the file does not hold gets the "nothing selected" panel, as the server gives it. */
  function panelFor(id) {
    if (!panels) return undefined;
    return expand(typeof id === "string" && has(panels.panels, id) ? panels.panels[id] : panels.none);
  }

  /* kzcn.select calls this first: the panel now, if the page has it (true), before the URL round trip. */
  function showDetails(id) {
    const api = window.dash_clientside;
    // Only a feature the file holds: anything else is the state callback's to judge (it may refuse it).
    if (!panels || typeof id !== "string" || !has(panels.panels, id)) return false;
    if (!api || !api.set_props || !document.getElementById(PANEL)) return false;
    const children = panelFor(id);
    wanted = id;
    if (shown !== id) {
      shown = id;
      api.set_props(PANEL, {children: children});
    }
    return true;
  }

  function show(selected) {
    const id = typeof selected === "string" ? selected : null;
    wanted = id;
    if (id === shown) return [noUpdate(), noUpdate()];
    const children = panelFor(id);
    if (children !== undefined) {
      shown = id;
      return [children, noUpdate()];
    }
    asked += 1;
    return [noUpdate(), {id: id, n: asked}];
  }

  function place(answer) {
    const id = answer && typeof answer.id === "string" ? answer.id : null;
    if (!answer || id !== wanted || id === shown) return noUpdate();
    shown = id;
    return answer.children;
  }

  function clicked(data) {
    const point = data && data.points && data.points[0];
    const value = point && point.customdata;
    return Array.isArray(value) ? value[0] : value;
  }

  /* The feature a table row, a chart event or Find names, read as callbacks/state.py reads it. */
  function early() {
    const context = window.dash_clientside.callback_context;
    const trigger = context && context.triggered && context.triggered[0];
    if (!trigger || !panels) return noUpdate();
    const value = trigger.value;
    let id = null;
    if (/\.clickData$/.test(trigger.prop_id)) id = clicked(value);
    else if (/\.selectedRows$/.test(trigger.prop_id)) {
      const row = Array.isArray(value) ? value[0] : null;
      id = row && typeof row === "object" ? row.project_id : (value && value.ids ? value.ids[0] : null);
    } else id = value;
    if (typeof id !== "string" || !has(panels.panels, id) || id === shown) return noUpdate();
    wanted = id;
    shown = id;
    return panelFor(id);
  }

  /* After the map is drawn, when the page is idle: the first screen never waits for the file. */
  let tries = 0;
  function whenReady() {
    const map = document.querySelector("#border-map .js-plotly-plot");
    if ((map && map._fullLayout && document.getElementById(PANEL)) || ++tries > 60) {
      const idle = window.requestIdleCallback || ((f) => setTimeout(f, 200));
      idle(load, {timeout: 3000});
    } else {
      setTimeout(whenReady, 500);
    }
  }
  window.addEventListener("load", () => setTimeout(whenReady, 300));
  ["pointerdown", "keydown"].forEach((name) => document.addEventListener(name, load, {capture: true, passive: true}));

  window.kzcn = Object.assign({}, window.kzcn, {showDetails: showDetails, detailsReady: () => !!panels});
  window.dash_clientside = Object.assign({}, window.dash_clientside,
                                         {details: {show: show, place: place, early: early}});
})();

/* The details panel, shown from the page's own copy of every panel.
 *
 * layouts/details.py renders every feature's panel once per language (kzcn/details_index.py); the
 * details panel's `data-panels` names that file. It is fetched when the page is idle after the map is
 * drawn (or at the visitor's first press of a key or pointer, if sooner), and from then on a selection
 * shows its panel without a server round trip:
 *   - a map click, a table row, a related link or the map's chooser (kzcn.select, assets/links.js) at
 *     once, before the URL goes to the server;
 *   - a timeline or chart event, or Find (`early`), before the state callback answers;
 *   - whatever the state callback selects (back/forward, a link, presenter scenes: `show`).
 * Until the file is here, `show` asks the server for the panel (`details-wanted` → callbacks/selection.py
 * `served` → `place`), and an answer overtaken by a later selection is dropped. `shown` remembers which
 * panel is on screen, so a selection already shown is not drawn twice.
 *
 * Drawing: handing Dash new children costs 30–40 ms on this page (every one of its ~300 components
 * re-reads the store on each of the three updates a change makes), more than the whole budget for a
 * click. So once the file is here the panel's elements are the page's own: built here from the same
 * component JSON (html components only: tag, attributes, text, as Dash's html components write them),
 * and Dash holds no children for the panel. A server answer arriving later is drawn the same way. Any
 * component this cannot draw hands the panel back to Dash. tests/test_details_client.py holds the
 * elements built here equal to the ones Dash draws from the server's answer.
 */
(function () {
  "use strict";

  const HTML = "dash_html_components";
  const PANEL = "details-panel";
  const MINE = "__kzcnDetails";
  // Props of html components written as attributes under their own name (others: data-*, aria-*).
  const ATTRIBUTES = new Set(["id", "href", "target", "rel", "lang", "title", "role", "hidden", "hrefLang",
                              "download"]);
  const RENAMED = {className: "class", htmlFor: "for", tabIndex: "tabindex", hrefLang: "hreflang"};
  let source = null;      // the file asked for
  let panels = null;      // its content, once read
  let shown = null;       // the id whose panel is on screen (null: the "nothing selected" panel)
  let wanted = null;      // the selection the panel should show
  let owned = false;      // the panel's elements are this script's, not Dash's
  let pending = null;     // a selection shown here whose URL is still to be pushed (assets/links.js)
  let asked = 0;

  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
  const noUpdate = () => window.dash_clientside.no_update;
  const holder = () => document.getElementById(PANEL);

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

  // As Dash's html components do (dash_clientside.clean_url): no script in a link.
  const safeUrl = (url) => (/^([^\w]*)(javascript|vbscript)/im.test(String(url)) ? "about:blank" : String(url));

  /* DOM nodes for component JSON, compact or as Dash sends it; throws on anything but html components
     with the props above. */
  function build(node) {
    if (node === null || node === undefined || typeof node === "boolean") return null;
    if (typeof node === "string" || typeof node === "number") return document.createTextNode(String(node));
    if (Array.isArray(node)) {
      const fragment = document.createDocumentFragment();
      node.forEach(function (child) { const built = build(child); if (built) fragment.append(built); });
      return fragment;
    }
    const compact = has(node, "$");
    const type = compact ? node.$ : node.type;
    const props = compact ? node : node.props || {};
    if ((compact ? node.$ns || HTML : node.namespace) !== HTML || typeof type !== "string") {
      throw new Error("details.js draws html components only");
    }
    const element = document.createElement(type.toLowerCase());
    Object.keys(props).forEach(function (key) {
      const value = props[key];
      if (key === "$" || key === "$ns" || key === "children" || value === null || value === undefined
          || value === false) return;
      if (!(ATTRIBUTES.has(key) || has(RENAMED, key) || /^(data|aria)-/.test(key))) {
        throw new Error("details.js cannot draw the prop " + key);
      }
      const text = value === true ? "" : key === "href" ? safeUrl(value) : String(value);
      element.setAttribute(RENAMED[key] || key, text);
    });
    const children = build(props.children);
    if (children) element.append(children);
    return element;
  }

  /* Put a panel on screen as the page's own elements; false if it cannot be drawn here. */
  function paint(tree) {
    const panel = holder();
    if (!panel) return false;
    let content;
    try {
      content = build(tree);
    } catch (err) {
      return false;
    }
    [...panel.childNodes].filter((node) => node[MINE]).forEach((node) => node.remove());
    const fresh = content ? [...content.childNodes] : [];
    fresh.forEach((node) => { node[MINE] = true; });
    if (content) panel.prepend(content);
    if (!owned) {
      // Dash's own elements go in the same task (React removes only the nodes it made): no frame
      // shows both, and Dash has nothing left to redraw in the panel.
      owned = true;
      window.dash_clientside.set_props(PANEL, {children: []});
    }
    return true;
  }

  /* Children for Dash to draw (a callback's output): the page's own elements leave first. */
  function toDash(children) {
    if (owned) {
      const panel = holder();
      if (panel) [...panel.childNodes].filter((node) => node[MINE]).forEach((node) => node.remove());
      owned = false;
    }
    return children;
  }

  /* Show one selection's panel from the file: "painted" (the page's own elements), a children value
     for Dash when it cannot be painted here, or undefined without the file. An id the file does not
     hold gets the "nothing selected" panel, as the server gives it. */
  function render(id) {
    if (!panels) return undefined;
    const tree = typeof id === "string" && has(panels.panels, id) ? panels.panels[id] : panels.none;
    return paint(tree) ? "painted" : toDash(expand(tree));
  }

  function load() {
    const panel = holder();
    const url = panel && panel.dataset.panels;
    if (!url || url === source) return;
    source = url;
    fetch(url, {credentials: "same-origin"})
      .then((response) => (response.ok ? response.json() : null))
      .then(function (data) {
        if (source !== url || !data || !data.panels || !data.none) return;
        panels = data;
        // What is on screen now, redrawn as the page's own, so that no later click pays for Dash (if it
        // cannot be, Dash's drawing of the same panel stays).
        if (shown === wanted) render(shown);
      })
      .catch(function () { source = null; /* the server still renders each panel */ });
  }

  // On a phone the panel is a bottom sheet: it opens with the panel drawn here, not when the state
  // callback's selection arrives a round trip later (phone.js opens it then too, which changes nothing).
  // In the next task: a map tap is still being dispatched, and plotly's own click handler (which keeps
  // the tapped feature above the sheet, phone_views.js) needs the hover that opening the sheet clears.
  function openSheet() {
    const phone = window.kzcnPhone;
    if (phone && phone.narrow() && phone.openForSelection) window.setTimeout(phone.openForSelection, 0);
  }

  /* kzcn.select calls this first: the panel now, if the page has it (true), before the URL round trip. */
  function showDetails(id) {
    // Only a feature the file holds: anything else is the state callback's to judge (it may refuse it).
    if (!panels || typeof id !== "string" || !has(panels.panels, id) || !holder()) return false;
    wanted = id;
    pending = id;
    if (shown === id) return true;
    const drawn = render(id);
    if (drawn !== "painted") window.dash_clientside.set_props(PANEL, {children: drawn});
    shown = id;
    openSheet();
    return true;
  }

  function show(selected) {
    const id = typeof selected === "string" ? selected : null;
    // The state callback's answer to an earlier click, arriving after a later one was shown here (a
    // busy server): the URL has moved on, or is about to, and its own answer follows. Drawing this one
    // would flash the earlier panel.
    const target = pending !== null ? pending : new URLSearchParams(window.location.search).get("select");
    if (panels && target !== null && target === shown && id !== target && has(panels.panels, target)) {
      return [noUpdate(), noUpdate()];
    }
    wanted = id;
    if (id === shown) return [noUpdate(), noUpdate()];
    const drawn = render(id);
    if (drawn !== undefined) {
      shown = id;
      return [drawn === "painted" ? noUpdate() : drawn, noUpdate()];
    }
    asked += 1;
    return [noUpdate(), {id: id, n: asked}];
  }

  function place(answer) {
    const id = answer && typeof answer.id === "string" ? answer.id : null;
    if (!answer || id !== wanted || id === shown) return noUpdate();
    shown = id;
    if (owned && paint(answer.children)) return noUpdate();
    return toDash(answer.children);
  }

  function clicked(data) {
    const point = data && data.points && data.points[0];
    const value = point && point.customdata;
    return Array.isArray(value) ? value[0] : value;
  }

  /* The feature a chart event or Find names, read as callbacks/state.py reads it. */
  function early() {
    const context = window.dash_clientside.callback_context;
    const trigger = context && context.triggered && context.triggered[0];
    if (!trigger || !panels) return noUpdate();
    const value = trigger.value;
    let id = null;
    if (/\.clickData$/.test(trigger.prop_id)) id = clicked(value);
    else id = value;
    if (typeof id !== "string" || !has(panels.panels, id) || id === shown) return noUpdate();
    wanted = id;
    shown = id;
    const drawn = render(id);
    openSheet();
    return drawn === "painted" ? noUpdate() : drawn;
  }

  /* After the map is drawn, when the page is idle: the first screen never waits for the file. */
  let tries = 0;
  function whenReady() {
    const map = document.querySelector("#border-map .js-plotly-plot");
    if ((map && map._fullLayout && holder()) || ++tries > 60) {
      const idle = window.requestIdleCallback || ((f) => setTimeout(f, 200));
      idle(load, {timeout: 3000});
    } else {
      setTimeout(whenReady, 500);
    }
  }
  // The page's scripts run after its first frame (serving/scripts.py): the load event may be over.
  if (document.readyState === "complete") setTimeout(whenReady, 300);
  else window.addEventListener("load", () => setTimeout(whenReady, 300));
  // links.js pushes the URL of a selection shown here, then says so with this event. Back and forward
  // say so too: their panel is drawn at once, from the URL, as a click's is (the state callback follows).
  window.addEventListener("popstate", function () {
    pending = null;
    const id = new URLSearchParams(window.location.search).get("select");
    if (panels && owned && id !== null && has(panels.panels, id) && id !== shown && paint(panels.panels[id])) {
      wanted = id;
      shown = id;
    }
  });
  ["pointerdown", "keydown"].forEach((name) => document.addEventListener(name, load, {capture: true, passive: true}));

  window.kzcn = Object.assign({}, window.kzcn, {showDetails: showDetails, detailsReady: () => !!panels});
  window.dash_clientside = Object.assign({}, window.dash_clientside,
                                         {details: {show: show, place: place, early: early}});
})();

/* The border map under a pointer.
   - A click (or tap) selects the feature under it; where several features crowd within reach (the
     Khorgos crossings, dry port, gas lines and corridors sit within a few pixels of each other), it
     opens a short chooser listing them by kind and name instead of guessing.
   - The wheel scrolls the page; Ctrl/⌘ + wheel (what a trackpad pinch sends) zooms the map.
   - A selection made elsewhere (find box, table, link) that lies outside the map's view is brought
     into view; one in view leaves the visitor's zoom alone. */
(function () {
  "use strict";

  const REACH = 14;         // px from the pointer within which a feature counts as "here"
  const DRAG = 5;           // px a press may move and still be a click, not a pan

  function graph() {
    return document.querySelector("#border-map .js-plotly-plot");
  }

  function subplot(gd) {
    return gd && gd._fullLayout && gd._fullLayout.geo && gd._fullLayout.geo._subplot;
  }

  function segmentDistance(p, a, b) {
    const dx = b[0] - a[0], dy = b[1] - a[1];
    const len = dx * dx + dy * dy;
    const t = len ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len)) : 0;
    return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
  }

  /* Every feature within reach of a point given in the graph's own pixels, nearest first. */
  function featuresAt(gd, x, y) {
    const sub = subplot(gd);
    if (!sub) return [];
    const project = sub.projection;
    const best = new Map();
    const note = (id, d) => { if (typeof id === "string" && (!best.has(id) || d < best.get(id))) best.set(id, d); };
    (gd._fullData || []).forEach(function (trace) {
      if (trace.visible !== true || !trace.customdata || !trace.lon) return;
      const lines = (trace.mode || "").includes("lines");
      const sizes = trace.marker && trace.marker.size;
      let prev = null;
      for (let i = 0; i < trace.lon.length; i++) {
        const id = trace.customdata[i];
        if (trace.lon[i] === null || trace.lon[i] === undefined || !id) { prev = null; continue; }
        const p = project([trace.lon[i], trace.lat[i]]);
        if (!p) { prev = null; continue; }
        const size = Array.isArray(sizes) ? sizes[i] : (sizes || 8);
        note(id, Math.max(0, Math.hypot(p[0] - x, p[1] - y) - size / 2));
        if (lines && prev && prev.id === id) note(id, segmentDistance([x, y], prev.p, p));
        prev = {id: id, p: p};
      }
    });
    return [...best.entries()].filter(e => e[1] <= REACH).sort((a, b) => a[1] - b[1]).map(e => e[0]);
  }

  function describe(gd, id) {
    const index = (gd.layout && gd.layout.meta && gd.layout.meta.features) || {};
    return index[id] || [window.kzcn.t("Feature"), id, 5];
  }

  /* ---- the chooser ---- */
  let chooser = null;
  let returnFocus = null;

  function closeChooser() {
    if (!chooser) return false;
    chooser.remove();
    chooser = null;
    if (returnFocus && returnFocus.focus) returnFocus.focus({preventScroll: true});
    returnFocus = null;
    return true;
  }

  function openChooser(gd, ids, pageX, pageY) {
    closeChooser();
    returnFocus = document.activeElement;
    const t = window.kzcn.t;
    // Grouped by kind in the order the server ranks them (crossings first; kzcn/figures/map_encoding.py),
    // whatever the language names the kinds.
    const items = ids.map(function (id) {
      const [kind, name, rank] = describe(gd, id);
      return {id: id, kind: kind, name: name, rank: typeof rank === "number" ? rank : 5};
    });
    items.sort((a, b) => a.rank - b.rank);
    const box = document.createElement("div");
    box.className = "map-chooser";
    box.id = "map-chooser";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", t("{n} features here: choose one", {n: items.length}));
    const title = document.createElement("p");
    title.className = "chooser-title";
    title.textContent = t("{n} features here: choose one", {n: items.length});
    const close = document.createElement("button");
    close.type = "button";
    close.className = "chooser-close";
    close.setAttribute("aria-label", t("Close the list"));
    close.textContent = "×";
    close.addEventListener("click", closeChooser);
    const list = document.createElement("ul");
    let group = null;
    items.forEach(function (item) {
      if (item.kind !== group) {
        group = item.kind;
        const head = document.createElement("li");
        head.className = "chooser-kind";
        head.setAttribute("aria-hidden", "true");
        head.textContent = group;
        list.append(head);
      }
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "chooser-item";
      button.dataset.select = item.id;
      // The kind is shown once above its group; a screen reader hears it with each name.
      button.setAttribute("aria-label", t("{kind}: {name}", {kind: item.kind, name: item.name}));
      button.textContent = item.name;
      button.addEventListener("click", function () { closeChooser(); window.kzcn.select(item.id); });
      li.append(button);
      list.append(li);
    });
    const zoom = document.createElement("button");
    zoom.type = "button";
    zoom.className = "chooser-zoom";
    zoom.textContent = t("Zoom in here to set them apart");
    zoom.addEventListener("click", function () {
      closeChooser();
      const sub = subplot(gd);
      const frame = gd.getBoundingClientRect();
      const at = sub.projection.invert([pageX - window.scrollX - frame.left, pageY - window.scrollY - frame.top]);
      const scale = (gd._fullLayout.geo.projection.scale || 1) * 4;
      window.Plotly.relayout(gd, {"geo.center.lon": at[0], "geo.center.lat": at[1], "geo.projection.scale": scale});
    });
    box.append(close, title, list, zoom);
    box.addEventListener("keydown", function (event) {
      const buttons = [...box.querySelectorAll(".chooser-item")];
      const at = buttons.indexOf(document.activeElement);
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        buttons[(at + step + buttons.length) % buttons.length].focus();
      } else if (event.key === "Tab") {
        // Keep focus inside the open chooser, as a dialog does.
        const all = [close, ...buttons, zoom];
        const i = all.indexOf(document.activeElement);
        event.preventDefault();
        all[(i + (event.shiftKey ? -1 : 1) + all.length) % all.length].focus();
      }
    });
    document.body.append(box);
    chooser = box;
    // Beside the pointer, kept inside the window.
    const width = box.offsetWidth, height = box.offsetHeight;
    const left = Math.min(pageX + 12, window.scrollX + document.documentElement.clientWidth - width - 8);
    const top = Math.min(pageY + 12, window.scrollY + window.innerHeight - height - 8);
    box.style.left = Math.max(window.scrollX + 8, left) + "px";
    box.style.top = Math.max(window.scrollY + 8, top) + "px";
    box.querySelector(".chooser-item").focus({preventScroll: true});
  }

  // Esc closes the chooser before anything else hears it (presenter mode reads Esc as "leave").
  window.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && chooser) {
      event.preventDefault();
      event.stopImmediatePropagation();
      closeChooser();
    }
  }, true);

  document.addEventListener("pointerdown", function (event) {
    if (chooser && !chooser.contains(event.target)) closeChooser();
  });

  /* ---- clicks ---- */
  let press = null;
  document.addEventListener("pointerdown", function (event) {
    const gd = event.target.closest && event.target.closest("#border-map .js-plotly-plot");
    press = gd ? {x: event.clientX, y: event.clientY} : null;
  }, true);

  // Captured on window: plotly stops a click on a marker from bubbling up to the document.
  window.addEventListener("click", function (event) {
    const gd = event.target.closest && event.target.closest("#border-map .js-plotly-plot");
    if (!gd || event.target.closest(".modebar")) return;
    if (press && Math.hypot(event.clientX - press.x, event.clientY - press.y) > DRAG) return;  // a pan
    const frame = gd.getBoundingClientRect();
    const ids = featuresAt(gd, event.clientX - frame.left, event.clientY - frame.top);
    if (ids.length === 1) window.kzcn.select(ids[0]);
    else if (ids.length > 1) openChooser(gd, ids, event.pageX, event.pageY);
  }, true);

  /* ---- the wheel ---- */
  let hintTimer = null;
  function hint(gd) {
    // Outside React's tree (body), placed over the map: React owns the graph's own elements.
    let tip = document.querySelector(".map-wheel-hint");
    if (!tip) {
      tip = document.createElement("p");
      tip.className = "map-wheel-hint";
      tip.setAttribute("aria-hidden", "true");
      tip.textContent = window.kzcn.t(/Mac|iP/.test(navigator.platform) ? "Use ⌘ + scroll to zoom the map"
                                                                        : "Use Ctrl + scroll to zoom the map");
      document.body.append(tip);
    }
    const r = gd.getBoundingClientRect();
    tip.style.left = (r.left + r.width / 2) + "px";
    tip.style.top = (r.top + r.height / 2) + "px";
    tip.classList.add("shown");
    clearTimeout(hintTimer);
    hintTimer = setTimeout(() => tip.classList.remove("shown"), 1400);
  }

  // Capture on window runs before plotly's own wheel handler deep in the map: stopping the event
  // there keeps the map still and lets the browser scroll the page as usual.
  window.addEventListener("wheel", function (event) {
    const gd = event.target.closest && event.target.closest("#border-map .js-plotly-plot");
    if (!gd || event.ctrlKey || event.metaKey) return;
    event.stopPropagation();
    hint(gd);
  }, {capture: true, passive: true});

  /* ---- bring a selection into view ---- */
  function visibleBox(gd) {
    const sub = subplot(gd);
    const bg = gd.querySelector(".geo .bg rect");
    if (!sub || !bg || !sub.projection.invert) return null;
    const frame = gd.getBoundingClientRect();
    const r = bg.getBoundingClientRect();
    const a = sub.projection.invert([r.left - frame.left, r.top - frame.top]);
    const b = sub.projection.invert([r.right - frame.left, r.bottom - frame.top]);
    if (!a || !b) return null;
    return {lon: [Math.min(a[0], b[0]), Math.max(a[0], b[0])], lat: [Math.min(a[1], b[1]), Math.max(a[1], b[1])]};
  }

  function overlaps(box, view) {
    const inset = (r, f) => [r[0] + (r[1] - r[0]) * f, r[1] - (r[1] - r[0]) * f];
    const lon = inset(view.lon, 0.04), lat = inset(view.lat, 0.04);
    return box.lon[1] >= lon[0] && box.lon[0] <= lon[1] && box.lat[1] >= lat[0] && box.lat[0] <= lat[1];
  }

  function bringIntoView(box) {
    const gd = graph();
    const view = gd && visibleBox(gd);
    if (!view || overlaps(box, view)) return;
    const span = (r) => r[1] - r[0];
    const mid = (r) => (r[0] + r[1]) / 2;
    // Keep the visitor's zoom where the feature fits in it; zoom out only as far as it needs.
    const lonSpan = Math.max(span(view.lon), span(box.lon) * 1.3);
    const latSpan = Math.max(span(view.lat), span(box.lat) * 1.3);
    window.Plotly.relayout(gd, {
      "geo.lonaxis.range": [mid(box.lon) - lonSpan / 2, mid(box.lon) + lonSpan / 2],
      "geo.lataxis.range": [mid(box.lat) - latSpan / 2, mid(box.lat) + latSpan / 2],
      "geo.center.lon": mid(box.lon),
      "geo.center.lat": mid(box.lat),
      "geo.projection.scale": 1,
    });
  }

  function focus(box) {
    const noUpdate = window.dash_clientside.no_update;
    if (!box || !box.lon || !window.Plotly) return noUpdate;
    // A presenter's scene change glides the map to the scene first (assets/presenter.js).
    const wait = document.querySelector(".app.present") ? 800 : 50;
    setTimeout(() => bringIntoView(box), wait);
    return box.id;
  }

  window.kzcn = Object.assign({}, window.kzcn, {featuresAt: featuresAt, closeChooser: closeChooser});
  window.dash_clientside = Object.assign({}, window.dash_clientside, {map: {focus: focus}});
})();

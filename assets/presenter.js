/* Presenter mode: the keys a slide clicker sends move between scenes by changing the URL (the state
   callbacks do the rest), and a scene change glides the map to the scene's extent. */
(function () {
  "use strict";

  function go(search) {
    window.history.pushState(null, "", window.location.pathname + search);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }

  // Keys typed into a text field are the field's; Space on a checkbox, radio or button is its own.
  function ownedBy(target, key) {
    if (!target) return false;
    const tag = target.tagName || "";
    const type = (target.type || "").toLowerCase();
    if (tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable) return true;
    if (tag === "INPUT" && !["checkbox", "radio", "button", "submit", "range"].includes(type)) return true;
    return key === " " && (tag === "INPUT" || tag === "BUTTON" || tag === "A");
  }

  function shown(el) {
    return el.getClientRects().length > 0;
  }

  // What Esc should close before it may end the briefing: a dropdown's menu (dcc.Dropdown draws it in a
  // popper layer with its trigger marked aria-expanded), any other popup whose trigger says it is
  // expanded, an open dialog, or a <details> the visitor opened (those open by design carry
  // data-esc-ignore). Returns a function that closes it, or null when nothing is open.
  function openThing() {
    const popper = document.querySelector("[data-radix-popper-content-wrapper]");
    const popup = Array.from(document.querySelectorAll('[aria-haspopup][aria-expanded="true"]')).find(shown);
    if (popper) return function () {};  // the dropdown closes its own menu on Esc
    if (popup) return function () { popup.click(); };
    const dialog = Array.from(document.querySelectorAll("dialog[open]")).find(shown);
    if (dialog) return function () { dialog.close(); };
    const details = Array.from(document.querySelectorAll("details[open]:not([data-esc-ignore])")).find(shown);
    if (details) {
      return function () {
        details.open = false;
        const summary = details.querySelector("summary");
        if (summary) summary.focus();
      };
    }
    return null;
  }

  const closedBy = new WeakSet();

  // Capture phase on window: this runs before the dropdown's own Esc handler has closed its menu, so
  // the menu is still open when we look.
  window.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    if (new URLSearchParams(window.location.search).get("mode") !== "present") return;
    const close = openThing();
    if (close === null) return;
    closedBy.add(event);
    close();
  }, true);

  document.addEventListener("keydown", function (event) {
    if (closedBy.has(event)) return;  // this Esc closed something; the next one leaves
    const params = new URLSearchParams(window.location.search);
    if (params.get("mode") !== "present" || event.altKey || event.ctrlKey || event.metaKey) return;
    if (ownedBy(event.target, event.key)) return;
    // While a menu is open, arrows and Space move within it, not between scenes.
    if (document.querySelector("[data-radix-popper-content-wrapper]")) return;
    const counter = document.querySelector("#scene-panel .scene-counter");
    // The counter's last number is the total, however the language words it ("3 / 9", "3 из 9").
    const numbers = counter ? counter.textContent.match(/\d+/g) : null;
    const total = numbers ? parseInt(numbers[numbers.length - 1], 10) : 1;
    const scene = Math.max(1, parseInt(params.get("scene") || "1", 10) || 1);
    let next = null;
    if (["ArrowRight", "PageDown", " ", "Spacebar"].includes(event.key)) next = Math.min(total, scene + 1);
    else if (["ArrowLeft", "PageUp"].includes(event.key)) next = Math.max(1, scene - 1);
    else if (event.key === "r" || event.key === "R" || event.key === "Home") next = scene;
    else if (event.key === "Escape") {
      params.delete("mode");
      params.delete("scene");
      event.preventDefault();
      const rest = params.toString();
      go(rest ? "?" + rest : "");
      return;
    }
    if (next === null) return;
    event.preventDefault();
    // The scene's own view, in the same language.
    const lang = params.get("lang");
    go("?mode=present&scene=" + next + (lang ? "&lang=" + encodeURIComponent(lang) : ""));
  });

  function frame(shown) {
    if (!shown || !shown.extent) return window.dash_clientside.no_update;
    const gd = document.querySelector("#border-map .js-plotly-plot");
    if (!gd || !gd.layout || !gd.layout.geo || !window.Plotly) return window.dash_clientside.no_update;
    const from = {
      lon: (gd.layout.geo.lonaxis && gd.layout.geo.lonaxis.range) || shown.extent.lon,
      lat: (gd.layout.geo.lataxis && gd.layout.geo.lataxis.range) || shown.extent.lat,
    };
    const to = shown.extent;
    const start = performance.now();
    const duration = 650;
    function step(now) {
      const t = Math.min(1, (now - start) / duration);
      const e = t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2;
      const mix = (a, b) => [a[0] + (b[0] - a[0]) * e, a[1] + (b[1] - a[1]) * e];
      window.Plotly.relayout(gd, {
        "geo.lonaxis.range": mix(from.lon, to.lon),
        "geo.lataxis.range": mix(from.lat, to.lat),
      });
      if (t < 1) window.requestAnimationFrame(step);
    }
    window.requestAnimationFrame(step);
    return shown.scene;
  }

  // `presenter.route`: the URL for the presenter callback (callbacks/presenter.py) when it names a
  // mode, which the server reads; "" on the dashboard, set once, so a filter change on the dashboard
  // costs no request for a mode that did not change.
  function route(search, current) {
    const named = new URLSearchParams(search || "").has("mode");
    if (named) return search;
    return current === "" ? window.dash_clientside.no_update : "";
  }
  window.dash_clientside = Object.assign({}, window.dash_clientside, {presenter: {frame: frame, route: route}});
})();

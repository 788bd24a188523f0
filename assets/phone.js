/* Phones (≤ 600 px): the details panel becomes a bottom sheet where the finger is; the filters and the
   map's key fold behind buttons; the map's zoom has buttons for a finger. (phone_views.js fits the
   map, the charts and the table to the screen.) Wider screens are left as they are; presenter mode
   and the printed pack have layouts of their own and are left alone too. */
(function () {
  "use strict";

  const NARROW = window.matchMedia("(max-width: 600px)");
  const root = document.documentElement;
  const noUpdate = () => (window.dash_clientside ? window.dash_clientside.no_update : undefined);

  function presenting() {
    const app = document.getElementById("app-root");
    return !!app && (app.classList.contains("present") || app.classList.contains("pack"));
  }
  const narrow = () => NARROW.matches && !presenting();
  const graphOf = (id) => {
    const holder = document.getElementById(id);
    return holder && holder.querySelector(".js-plotly-plot");
  };

  // ---- The sheet: #detail-sheet wraps #details-panel (layouts/phone.py).
  let returnFocus = null;

  function openSheet() {
    const sheet = document.getElementById("detail-sheet");
    if (!sheet || !narrow()) return;
    if (!root.classList.contains("sheet-open")) returnFocus = document.activeElement;
    root.classList.add("sheet-open");
    // A non-modal dialog: the map above it stays usable, and another tap updates the sheet.
    sheet.setAttribute("role", "dialog");
    sheet.setAttribute("aria-modal", "false");
    sheet.setAttribute("aria-label", window.kzcn.t("Details of the selected feature"));
    sheet.scrollTop = 0;
    sheet.focus({preventScroll: true});
    // The sheet says what the hover label said, and more; the label would hide the feature's ring.
    const map = graphOf("border-map");
    if (map && window.Plotly && window.Plotly.Fx) window.Plotly.Fx.unhover(map);
  }

  // The sheet covers the lower part of the screen: when a finger taps a feature there, the page moves
  // up at once (before the details arrive) so the feature stays in sight above the sheet.
  const SHEET_SHARE = 0.6; // the sheet's max-height, 60vh (assets/style.css)
  let lastTapY = null;
  let lastListTap = null; // a tap on a table row or a chart's event: its place, once the details come
  document.addEventListener("pointerdown", function (event) {
    const target = event.target && event.target.closest ? event.target : null;
    if (!target) return;
    if (target.closest("#border-map")) lastTapY = event.clientY;
    else if (target.closest("#projects-table, #timeline-chart, #energy-chart, #trade-chart")) {
      lastListTap = {y: event.clientY, t: Date.now()};
    }
  }, true);

  function keepInView(y) {
    if (!narrow() || typeof y !== "number") return;
    const free = window.innerHeight * (1 - SHEET_SHARE);
    if (y > free - 48) window.scrollBy({top: y - free / 2, behavior: "instant"});
  }

  function closeSheet() {
    const sheet = document.getElementById("detail-sheet");
    if (!root.classList.contains("sheet-open")) return;
    root.classList.remove("sheet-open");
    if (sheet) ["role", "aria-modal", "aria-label"].forEach((a) => sheet.removeAttribute(a));
    const back = returnFocus;
    returnFocus = null;
    if (back && back.isConnected && back !== document.body && !(sheet && sheet.contains(back))) {
      back.focus({preventScroll: true});
    }
  }

  // On load the selection comes from the link, and the card stands for it; every later change is the
  // visitor's own (a tap on the map, a table row, an event, Find), and opens the sheet.
  const linkSelect = new URLSearchParams(window.location.search).get("select");
  let seenFirst = false;

  // A visitor's own selection: the row or event tapped stays in sight above the sheet, which opens.
  function openForSelection() {
    const tap = lastListTap;
    lastListTap = null;
    if (tap && Date.now() - tap.t < 15000) keepInView(tap.y);
    openSheet();
  }

  function selectionChanged(selected) {
    const first = !seenFirst;
    seenFirst = true;
    if (!(first && selected === linkSelect) && selected) openForSelection();
    return noUpdate();
  }

  function toggle(cls, button) {
    const on = root.classList.toggle(cls);
    button.setAttribute("aria-expanded", String(on));
  }

  // The map's zoom buttons press the plotly mode bar's own (hidden on a phone), so the zoom behaves
  // exactly as the mode bar's does.
  function zoom(action) {
    const holder = document.getElementById("border-map");
    if (!holder) return;
    const sel = action === "reset" ? '.modebar-btn[data-attr="reset"]'
      : '.modebar-btn[data-attr="zoom"][data-val="' + action + '"]';
    const button = holder.querySelector(sel);
    if (button) button.click();
  }

  document.addEventListener("click", function (event) {
    const target = event.target;
    if (!target || !target.closest) return;
    let hit;
    if ((hit = target.closest("#filters-toggle"))) toggle("filters-open", hit);
    else if ((hit = target.closest("#key-toggle"))) toggle("key-open", hit);
    else if (target.closest(".subject-more")) openSheet();
    else if (target.closest("#sheet-close")) closeSheet();
    else if ((hit = target.closest(".map-zoom"))) zoom(hit.dataset.zoom);
  });

  // Capture phase: Esc closes the sheet before anything else on the page hears it.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && root.classList.contains("sheet-open")) {
      event.preventDefault();
      event.stopPropagation();
      closeSheet();
    }
  }, true);

  NARROW.addEventListener("change", function () { if (!NARROW.matches) closeSheet(); });

  // For phone_views.js, and for the map's click chooser: on a phone it may fill #sheet-chooser and
  // open the sheet with window.kzcnPhone.openSheet().
  window.kzcnPhone = {openSheet: openSheet, openForSelection: openForSelection, closeSheet: closeSheet,
                      narrow: narrow, graphOf: graphOf, keepInView: keepInView, lastTapY: () => lastTapY};
  window.dash_clientside = Object.assign({}, window.dash_clientside, {phone: {selectionChanged: selectionChanged}});
})();

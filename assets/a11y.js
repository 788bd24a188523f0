/* Accessibility where the page's parts come from components whose markup has no option for it, and the
   keyboard paths they lack.

   Markup (re-applied whenever React redraws, so it survives every update):
   - dcc.Checklist and dcc.RadioItems (Dash 4.4) draw a role=listbox of role=option <label>s around
     native checkboxes and radios: an option may not hold a focusable input, and the native inputs say
     everything already. The roles go; the layouts name each set with a group or radiogroup around it.
   - dcc.Dropdown (Dash 4.4) puts its tab stop on an aria-hidden input that hands focus to the real
     button, and names the button by its value only. The button becomes the tab stop, and its name starts
     with its visible <label> ("Sector: All sectors").
   - dcc.RangeSlider: its year boxes have no name and its handles are "Minimum" / "Maximum"; the names
     come from the group's data-range-names ("First year|Last year", layouts/page.py).
   - Each graph is a figure named by its panel's title and described by its caption, which says where
     its data is (layouts/page.py marks the panel with data-figure).

   Keys (the projects table has its own, assets/projects_table.js): Esc closes the citation panel and
   the phone's folded filters or key (presenter mode has its own Esc order in presenter.js; the map's
   chooser and the phone's sheet close themselves). */
(function () {
  "use strict";

  function set(el, name, value) {
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }
  function drop(el, name) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  }

  function optionLists(root) {
    // A dropdown's open menu is the same list of native radios or checkboxes (its arrows still move).
    root.querySelectorAll(".dash-checklist, .dash-radioitems, .dash-dropdown-options").forEach(function (list) {
      drop(list, "role");
      list.querySelectorAll("label.dash-options-list-option").forEach(function (label) {
        drop(label, "role");
        drop(label, "aria-selected");
      });
    });
  }

  function dropdowns(root) {
    root.querySelectorAll(".dash-dropdown-wrapper").forEach(function (wrap) {
      const proxy = wrap.querySelector(":scope > .dash-dropdown-focus-target");
      const button = wrap.querySelector(":scope > button.dash-dropdown");
      if (!proxy || !button) return;
      set(proxy, "tabindex", "-1");
      if (!button.disabled) set(button, "tabindex", "0");
      // The name reads as the button shows: label, the values, then "3 selected".
      const label = button.id && document.querySelector('label[for="' + CSS.escape(button.id) + '"]');
      if (!label || !label.id) return;
      const own = (button.getAttribute("aria-labelledby") || "").split(" ").filter((n) => n && n !== label.id);
      const count = own.filter((n) => /-value-count$/.test(n));
      set(button, "aria-labelledby", [label.id].concat(own.filter((n) => !count.includes(n)), count).join(" "));
    });
    // The open menu (a popover dialog holding a search box and the options) is named by the label too.
    const open = document.querySelector('button.dash-dropdown[aria-expanded="true"]');
    const label = open && open.id && document.querySelector('label[for="' + CSS.escape(open.id) + '"]');
    document.querySelectorAll(".dash-dropdown-content").forEach(function (menu) {
      if (!label || !label.id) return;
      set(menu, "aria-labelledby", label.id);
      const search = menu.querySelector("input[type=search]");
      if (search) set(search, "aria-labelledby", label.id);
    });
  }

  function rangeSliders(root) {
    root.querySelectorAll("[data-range-names]").forEach(function (group) {
      const names = group.dataset.rangeNames.split("|");
      const boxes = [group.querySelector(".dash-range-slider-min-input"), group.querySelector(".dash-range-slider-max-input")];
      const handles = group.querySelectorAll('[role="slider"]');
      names.forEach(function (name, i) {
        if (boxes[i]) set(boxes[i], "aria-label", name);
        if (handles[i]) set(handles[i], "aria-label", name);
      });
    });
  }

  function figures(root) {
    root.querySelectorAll("[data-figure]").forEach(function (panel) {
      const graph = document.getElementById(panel.dataset.figure);
      const title = panel.querySelector("h2[id]");
      const about = panel.querySelector(".caption[id]");
      if (!graph) return;
      set(graph, "role", "figure");
      if (title) set(graph, "aria-labelledby", title.id);
      if (about) set(graph, "aria-describedby", about.id);
    });
  }

  // The filters stick to the top of a wide window: whatever the focus (or a link like "Skip to the
  // projects table") scrolls to must stop below them, not under them.
  function stickyPadding() {
    const bar = document.querySelector(".controls");
    const sticky = bar && getComputedStyle(bar).position === "sticky";
    const pad = sticky ? Math.ceil(bar.getBoundingClientRect().height) + 8 + "px" : "";
    if (document.documentElement.style.scrollPaddingTop !== pad) document.documentElement.style.scrollPaddingTop = pad;
  }
  window.addEventListener("resize", stickyPadding);

  function apply() {
    const root = document.getElementById("react-entry-point") || document.body;
    optionLists(root);
    dropdowns(root);
    rangeSliders(root);
    figures(root);
  }

  // Plotly redraws its SVG constantly (hover, zoom), and the projects table moves its Tab stop and
  // hides rows on every filter; nothing here lives inside either.
  const redrawnOften = (node) => node.nodeType === 1 && node.closest && node.closest(".js-plotly-plot, .ptable");
  // Once a frame at most: a filter change rewrites the page in several commits, and each pass reads
  // the page; the padding only when the bar's size may have changed (reading it lays the page out).
  let queued = false;
  const observer = new MutationObserver(function (records) {
    if (queued || !records.some((r) => !redrawnOften(r.target))) return;
    queued = true;
    window.requestAnimationFrame(function () {
      queued = false;
      apply();
    });
  });
  function watchBar() {
    const bar = document.querySelector(".controls");
    if (!bar) {
      window.setTimeout(watchBar, 200);  // Dash has not drawn the page yet
      return;
    }
    stickyPadding();
    if (window.ResizeObserver) new ResizeObserver(stickyPadding).observe(bar);
  }
  function start() {
    watchBar();
    apply();
    observer.observe(document.body, {childList: true, subtree: true, attributes: true,
                                     attributeFilter: ["role", "aria-selected", "tabindex", "aria-labelledby", "aria-label"]});
  }
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);

  // ---- Esc closes what is open, outside presenter mode (presenter.js decides there).
  function presenting() {
    return new URLSearchParams(window.location.search).get("mode") === "present";
  }
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented || presenting()) return;
    const cite = document.querySelector("details.cite[open]");
    if (cite) {
      cite.open = false;
      const summary = cite.querySelector("summary");
      if (summary) summary.focus();
      event.preventDefault();
      return;
    }
    const toggle = Array.from(document.querySelectorAll('#filters-toggle[aria-expanded="true"], #key-toggle[aria-expanded="true"]'))
      .find((el) => el.getClientRects().length > 0);
    if (toggle) {
      toggle.click();
      toggle.focus();
      event.preventDefault();
    }
  });
})();

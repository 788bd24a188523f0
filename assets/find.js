/* Find's options reach its dropdown when a visitor first comes to it (focus, a tap or a click), not at
   load: the dropdown indexes every option for its search as it receives them, about a quarter of a
   second of the page's load on a laptop (measured), four times that on a phone. The options wait in a
   store beside it (layouts/page.py); a new language's page brings its own, handed over the same way. */
(function () {
  "use strict";

  function fill(event) {
    const target = event.target;
    if (!target || !target.closest || !target.closest(".find-panel")) return;
    const api = window.dash_component_api;
    if (!api || !api.getLayout || !window.dash_clientside) return;
    const store = api.getLayout("find-options");
    const find = api.getLayout("find-feature");
    if (!store || !find || (find.props.options && find.props.options.length)) return;
    window.dash_clientside.set_props("find-feature", {options: store.props.data || []});
  }

  // A pointer over the panel too, before it presses: the dropdown indexes its options for search when
  // it opens, and options that arrive as it opens (a busy machine) were missed by a search typed at once.
  ["focusin", "pointerover", "pointerdown"].forEach((type) => document.addEventListener(type, fill, true));
}());

/* Links that change one thing in the page's state (select a related feature) keep the rest of it:
   the link's own href works without script, but here the other filters in the URL are kept.
   `kzcn.select` is the one way script selects a feature (links, the map's chooser). */
(function () {
  "use strict";

  function go(id) {
    const params = new URLSearchParams(window.location.search);
    params.set("select", id);
    window.history.pushState(null, "", window.location.pathname + "?" + params.toString().replace(/%2C/g, ","));
    window.dispatchEvent(new PopStateEvent("popstate"));
  }

  function select(id) {
    // The panel first, from the page's own copy where it has one (assets/details.js); then the URL,
    // and from it the highlight, the table and the rest, after that frame is painted: Dash's work on a
    // URL change takes tens of milliseconds, and the panel should not wait behind it.
    if (!(window.kzcn.showDetails && window.kzcn.showDetails(id))) {
      go(id);
      return;
    }
    let done = false;
    const once = () => { if (!done) { done = true; go(id); } };
    requestAnimationFrame(() => setTimeout(once, 0));
    setTimeout(once, 250);  // no animation frames in a hidden tab: the URL still follows
  }

  window.kzcn = Object.assign({}, window.kzcn, {select: select});

  document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest("a[data-select]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    select(link.dataset.select);
  });
})();

/* Links that change one thing in the page's state (select a related feature) keep the rest of it:
   the link's own href works without script, but here the other filters in the URL are kept.
   `kzcn.select` is the one way script selects a feature (links, the map's chooser). */
(function () {
  "use strict";

  function select(id) {
    const params = new URLSearchParams(window.location.search);
    params.set("select", id);
    window.history.pushState(null, "", window.location.pathname + "?" + params.toString().replace(/%2C/g, ","));
    window.dispatchEvent(new PopStateEvent("popstate"));
  }

  window.kzcn = Object.assign({}, window.kzcn, {select: select});

  document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest("a[data-select]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    select(link.dataset.select);
  });
})();

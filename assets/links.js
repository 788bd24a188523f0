/* Links that change one thing in the page's state (select a related feature) keep the rest of it:
   the link's own href works without script, but here the other filters in the URL are kept. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest("a[data-select]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    const params = new URLSearchParams(window.location.search);
    params.set("select", link.dataset.select);
    window.history.pushState(null, "", window.location.pathname + "?" + params.toString().replace(/%2C/g, ","));
    window.dispatchEvent(new PopStateEvent("popstate"));
  });
})();

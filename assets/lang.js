/* The page's language: sent with the layout request, kept in the link, and switched with a reload.
 *
 * The server writes <html lang> from the link's `lang` (or the browser's languages), but Dash fetches
 * its layout from /_dash-layout without the page's query string; this passes the language along, so the
 * layout comes back in the visitor's language with no server-wide setting involved. A language chosen
 * from the browser's preferences is written into the link, so that a shared link opens in it too.
 */
(function () {
  "use strict";
  var lang = document.documentElement.getAttribute("lang") || "en";
  var params = new URLSearchParams(window.location.search);
  if (!params.has("lang") && lang !== "en") {
    params.set("lang", lang);
    window.history.replaceState(window.history.state, "", "?" + params.toString() + window.location.hash);
  }

  var original = window.fetch;
  if (original) {
    window.fetch = function (resource, init) {
      if (typeof resource === "string" && /(^|\/)_dash-layout$/.test(resource)) {
        resource = resource + "?lang=" + encodeURIComponent(lang);
      }
      return original.call(this, resource, init);
    };
  }

  // The switcher's links name only the language; the view (filters, selection, scene) comes along.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.lang-link");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) { return; }
    var next = new URLSearchParams(window.location.search);
    next.set("lang", link.getAttribute("hreflang"));
    event.preventDefault();
    window.location.assign("?" + next.toString() + window.location.hash);
  });
})();

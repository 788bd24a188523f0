/* The page's language reaches the server with the layout request.
 *
 * The server writes <html lang> from the link's `lang` (or the browser's languages), but Dash fetches
 * its layout from /_dash-layout without the page's query string. This passes the language along, so the
 * layout comes back in the visitor's language and no server-wide setting is involved.
 */
(function () {
  "use strict";
  var original = window.fetch;
  if (!original) { return; }
  window.fetch = function (resource, init) {
    if (typeof resource === "string" && /(^|\/)_dash-layout$/.test(resource)) {
      var lang = document.documentElement.getAttribute("lang") || "en";
      resource = resource + "?lang=" + encodeURIComponent(lang);
    }
    return original.call(this, resource, init);
  };
})();

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

/* The scripts' words in the page's language: `kzcn.t("Close the list")`, `kzcn.t("{n} features here:
 * choose one", {n: 3})`. The translations come with the layout in #js-words (layouts/js_words.py), read
 * when first needed, since the scripts load before the layout; an unknown message, or a page without
 * the element, gets the English. The same element carries plotly's locale for the mode bar's tooltips
 * and a date axis's month names, registered as soon as both plotly and the element are there.
 */
(function () {
  "use strict";
  var kzcn = (window.kzcn = window.kzcn || {});
  var cached = null;

  function element() {
    return document.getElementById("js-words");
  }

  function read(name) {
    var node = element();
    if (!node || !node.dataset[name]) { return null; }
    try {
      return JSON.parse(node.dataset[name]);
    } catch (err) {
      return null;
    }
  }

  // Parsed once per set of words: a new layout (another language) brings another set.
  function words() {
    var node = element();
    var raw = node && node.dataset.messages;
    if (!raw) { return null; }
    if (!cached || cached.raw !== raw) { cached = {raw: raw, table: read("messages")}; }
    return cached.table;
  }

  kzcn.t = function (message, values) {
    var table = words();
    var text = (table && typeof table[message] === "string" && table[message]) || message;
    if (values) {
      text = text.replace(/\{([a-z_]+)\}/g, function (whole, name) {
        return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
      });
    }
    return text;
  };

  // plotly.js reads its locale when it draws: register it before the graphs first draw.
  var registered = false;
  function registerPlotly() {
    if (registered || !window.Plotly || !element()) { return registered; }
    registered = true;
    var locale = read("plotly");
    if (!locale || !locale.name || locale.name === "en") { return true; }
    window.Plotly.register(locale);
    window.Plotly.setPlotConfig({locale: locale.name});
    return true;
  }
  if (!registerPlotly()) {
    var watch = new MutationObserver(function () {
      if (registerPlotly()) { watch.disconnect(); }
    });
    watch.observe(document.documentElement, {childList: true, subtree: true});
  }
})();

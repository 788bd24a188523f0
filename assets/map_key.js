/* The map's key on the page lists every entry once; its `data-shown` attribute names those the current
 * filters show (callbacks/views.py), and the others are hidden here (layouts/legend.py
 * `page_map_legend` says why).
 *
 * The key's box keeps the height of the longest key, the unfiltered one (`reserved_map_legend` says
 * why). Its hidden holder gets a copy of the key as Dash first draws it, which is the unfiltered key
 * whatever the link says (filters are applied by callbacks after that), and a fresh copy whenever the
 * key grows longer than the copy.
 *
 * Both happen in a MutationObserver's callback, which runs before the browser paints the change. */
(function () {
  "use strict";

  function copyInto(holder, key) {
    const copy = key.cloneNode(true);
    copy.querySelectorAll("[id]").forEach((el) => el.removeAttribute("id"));  // ids stay unique
    holder.replaceChildren(...copy.childNodes);
  }

  function showEntries(key) {
    const shown = new Set((key.getAttribute("data-shown") || "").split(" "));
    key.querySelectorAll("[data-entry]").forEach(function (el) {
      const hide = !shown.has(el.getAttribute("data-entry"));
      if (el.hidden !== hide) el.hidden = hide;
    });
  }

  // Once the key is drawn, only the key itself is watched: watching the whole page would make every
  // change anywhere (a graph's thousands of elements) pass through here.
  let key = null;
  const keyObserver = new MutationObserver(function (records) {
    showEntries(key);
    // A filter only hides entries of the key already copied, so only new entries (another language,
    // the server's key) can make it longer. Measuring lays the page out, mid-way through the filter's
    // redraw: not done for a filter.
    if (!records.some((r) => r.type === "childList")) return;
    const holder = key.parentElement ? key.parentElement.querySelector(".map-key-holder") : null;
    if (!holder || !holder.getClientRects().length) return;  // no box to hold (presenter mode, the pack)
    if (!holder.firstChild || key.offsetHeight > holder.offsetHeight) copyInto(holder, key);
  });

  function find() {
    const found = document.getElementById("map-key");
    if (!found || !found.firstChild) return false;
    key = found;
    const holder = key.parentElement ? key.parentElement.querySelector(".map-key-holder") : null;
    if (holder && !holder.firstChild) copyInto(holder, key);
    keyObserver.observe(key, {childList: true, subtree: true, attributes: true, attributeFilter: ["data-shown"]});
    return true;
  }

  // Until Dash has drawn the key (its page replaces the first screen's copy, which has no ids).
  const pageObserver = new MutationObserver(function () {
    if (find()) pageObserver.disconnect();
  });
  if (!find()) pageObserver.observe(document.documentElement, {childList: true, subtree: true});
})();

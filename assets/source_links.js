/* The projects table's Sources cell reads the text layouts/sources.py `markdown_sources` writes:
 * "[label](url)" for a source with an address, the bare label for one without, joined by "; " (a label
 * never holds brackets). Only that one form is read, not markdown: any other text is shown as it is, and
 * an address that is not http(s) is never a link. Used by assets/projects_table.js.
 */
(function () {
  "use strict";

  const LINK = /\[([^\[\]]*)\]\((\S+?)\)(?=; |$)/g;
  const WEB = /^https?:\/\//i;

  /** The cell's text as pieces: {text} or {text, href}, in order. */
  function pieces(value) {
    const text = value == null ? "" : String(value);
    const out = [];
    let last = 0;
    for (const match of text.matchAll(LINK)) {
      if (match.index > last) out.push({ text: text.slice(last, match.index) });
      out.push(WEB.test(match[2]) ? { text: match[1], href: match[2] } : { text: match[0] });
      last = match.index + match[0].length;
    }
    if (last < text.length) out.push({ text: text.slice(last) });
    return out;
  }

  window.kzcnSourceLinks = { pieces: pieces };
})();

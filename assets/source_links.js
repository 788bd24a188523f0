/* The projects table's Sources cell: the row's citations as links, named for dash-ag-grid
 * (`cellRenderer: "SourceLinks"`, layouts/table.py).
 *
 * The cell holds the text layouts/sources.py `markdown_sources` writes: "[label](url)" for a source
 * with an address, the bare label for one without, joined by "; " (a label never holds brackets).
 * dash-ag-grid's markdown renderer ran a full markdown parser over every cell the grid drew after each
 * filter change; this reads only that one form. With it, and two rows drawn beyond the grid's box
 * instead of ten (layouts/table.py), a filter's redraw of the grid went from 60 to 44 ms (measured
 * 2026-12). Any other text is shown as it is, and an address that is not http(s) is never a link.
 */
(function () {
  "use strict";

  const LINK = /\[([^\[\]]*)\]\((\S+?)\)(?=; |$)/g;
  const WEB = /^https?:\/\//i;

  /** The cell's text as pieces: {text} or {text, href}, in order (for tests: window.kzcnSourceLinks). */
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

  function SourceLinks(props) {
    const h = window.React.createElement;
    const children = pieces(props.value).map((piece, i) => (piece.href
      ? h("a", { key: i, href: piece.href, rel: "noopener noreferrer nofollow" }, piece.text)
      : piece.text));
    return h("div", { className: "source-links" }, ...children);
  }

  const components = (window.dashAgGridComponentFunctions = window.dashAgGridComponentFunctions || {});
  components.SourceLinks = SourceLinks;
  // The cell's hover text: the sources' names without their addresses.
  const functions = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});
  functions.sourceLabels = (value) => pieces(value).map((piece) => piece.text).join("");
  window.kzcnSourceLinks = { pieces: pieces };
})();

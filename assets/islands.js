/* The page's fixed parts, each one component holding its HTML (layouts/islands.py says why). The HTML
 * is the server's, escaped there; nothing a visitor types reaches it. */
window.kzcn_islands = {
  StaticHtml: function StaticHtml(props) {
    return window.React.createElement(props.tag, Object.assign({}, props.attributes, {
      dangerouslySetInnerHTML: {__html: props.html},
    }));
  },
};

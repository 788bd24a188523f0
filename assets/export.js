/* PNG and SVG of a chart or the map as shown, with its title and source line drawn in. Rendered by
   plotly.js in the browser: no image service, no network. */
(function () {
  "use strict";

  // The map's key is HTML beside the graph; an exported image carries the entries it shows as coloured
  // text lines (each entry's colour is its --c, layouts/legend.py).
  function keyLines(holder) {
    const panel = holder.closest(".panel");
    const items = panel ? panel.querySelectorAll(".map-key:not(.map-key-holder) .key-item") : [];
    const parts = [];
    items.forEach(function (item) {
      if (item.closest("[hidden]")) return;  // an entry the filters leave off the map
      const colour = window.getComputedStyle(item).getPropertyValue("--c").trim() || "#000";
      parts.push('<span style="color:' + colour + '">■</span> ' + item.textContent.trim());
    });
    const lines = [];
    for (let i = 0; i < parts.length; i += 7) lines.push(parts.slice(i, i + 7).join("    "));
    return lines;
  }

  // Plotly draws an annotation on one line however long it is: break it at spaces to fit `width` px.
  function wrap(text, width, fontSize) {
    const perLine = Math.max(20, Math.floor(width / (fontSize * 0.56)));
    const lines = [];
    let line = "";
    text.split(/\s+/).forEach(function (word) {
      if (line && (line + " " + word).length > perLine) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + " " + word : word;
      }
    });
    if (line) lines.push(line);
    return lines;
  }

  // The filters in force, as the summary under the controls words them (callbacks/views.py).
  function filtersText() {
    const node = document.querySelector("#view-summary .summary-filters");
    return node && node.dataset.filters ? window.kzcn.t("Filters: {filters}", {filters: node.dataset.filters}) : "";
  }

  function exportGraph(button) {
    // A view below the first screen may not be drawn yet (assets/lazy_views.js).
    if (window.kzcnLazy) window.kzcnLazy.drawNow(button.dataset.graph);
    const holder = document.getElementById(button.dataset.graph);
    const gd = holder && holder.querySelector(".js-plotly-plot");
    if (!gd || !window.Plotly) return;
    const format = button.dataset.format;
    const width = Math.round(gd.clientWidth);
    const height = Math.round(gd.clientHeight);
    const layout = JSON.parse(JSON.stringify(gd.layout));
    const margin = Object.assign({l: 40, r: 20, t: 20, b: 40}, layout.margin || {});
    const key = button.dataset.graph === "border-map" ? keyLines(holder) : [];
    const subtitle = wrap(filtersText(), width - 24, 13);
    const source = wrap(button.dataset.source || "", width - 24, 11);
    margin.t += 44 + 17 * subtitle.length;
    margin.b += 20 + 15 * source.length + 17 * key.length;
    layout.margin = margin;
    // Title and subtitle sit at the top of the image (container coordinates), above any legend.
    layout.title = {text: button.dataset.title, x: 12 / width, xanchor: "left", xref: "container",
                    y: 1 - 10 / height, yanchor: "top", yref: "container", font: {size: 20},
                    subtitle: {text: subtitle.join("<br>"), font: {size: 13, color: "#1d2330"}}};
    // The source line starts at the image's left edge, not the plot's, and wraps to the image's width.
    layout.annotations = (layout.annotations || []).concat([{
      text: source.join("<br>"), xref: "paper", yref: "paper", x: 0, y: 0, xanchor: "left", align: "left",
      xshift: -margin.l + 12, yanchor: "bottom", yshift: -margin.b + 6, showarrow: false,
      font: {size: 11, color: "#5b6475"},
    }]);
    if (key.length) {
      layout.annotations.push({
        text: key.join("<br>"), xref: "paper", yref: "paper", x: 0, y: 0, xanchor: "left", yanchor: "top",
        yshift: -8, align: "left", showarrow: false, font: {size: 12, color: "#1d2330"},
      });
    }
    const figure = {data: gd.data, layout: layout};
    // Twice the on-screen size: sharp in a paper or on a slide (an SVG scales by itself).
    const options = {format: format, width: width, height: height, scale: format === "png" ? 2 : 1};
    window.Plotly.toImage(figure, options).then(function (url) {
      const a = document.createElement("a");
      a.href = url;
      a.download = button.dataset.filename + "." + format;
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest && event.target.closest(".export-image");
    if (button) {
      event.preventDefault();
      exportGraph(button);
    }
  });
})();

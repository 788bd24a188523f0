/* PNG and SVG of a chart or the map as shown, with its title and source line drawn in. Rendered by
   plotly.js in the browser: no image service, no network. */
(function () {
  "use strict";

  // The map's key is HTML beside the graph; an exported image carries it as coloured text lines.
  function keyLines(holder) {
    const panel = holder.closest(".panel");
    const items = panel ? panel.querySelectorAll(".map-key .key-item") : [];
    const parts = [];
    items.forEach(function (item) {
      const swatch = item.firstElementChild;
      const style = window.getComputedStyle(swatch);
      const colour = [style.backgroundColor, style.borderTopColor, style.borderColor].find(
        c => c && c !== "rgba(0, 0, 0, 0)" && c !== "transparent") || "#000";
      parts.push('<span style="color:' + colour + '">■</span> ' + item.textContent.trim());
    });
    const lines = [];
    for (let i = 0; i < parts.length; i += 7) lines.push(parts.slice(i, i + 7).join("    "));
    return lines;
  }

  function exportGraph(button) {
    const holder = document.getElementById(button.dataset.graph);
    const gd = holder && holder.querySelector(".js-plotly-plot");
    if (!gd || !window.Plotly) return;
    const format = button.dataset.format;
    const width = Math.round(gd.clientWidth);
    const height = Math.round(gd.clientHeight);
    const layout = JSON.parse(JSON.stringify(gd.layout));
    const margin = Object.assign({l: 40, r: 20, t: 20, b: 40}, layout.margin || {});
    const key = button.dataset.graph === "border-map" ? keyLines(holder) : [];
    margin.t += 46;
    margin.b += 34 + 17 * key.length;
    layout.margin = margin;
    layout.title = {text: button.dataset.title, x: 0.01, xanchor: "left", y: 0.985, yanchor: "top",
                    font: {size: 20}};
    layout.annotations = (layout.annotations || []).concat([{
      text: button.dataset.source, xref: "paper", yref: "paper", x: 0, y: 0, xanchor: "left",
      yanchor: "top", yshift: -margin.b + 22, showarrow: false, font: {size: 11, color: "#5b6475"},
    }]);
    if (key.length) {
      layout.annotations.push({
        text: key.join("<br>"), xref: "paper", yref: "paper", x: 0, y: 0, xanchor: "left", yanchor: "top",
        yshift: -8, align: "left", showarrow: false, font: {size: 12, color: "#1d2330"},
      });
    }
    const figure = {data: gd.data, layout: layout};
    window.Plotly.toImage(figure, {format: format, width: width, height: height}).then(function (url) {
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

/* Phones (≤ 600 px): the map's frame fills its box and charts put their legends below the plot (the
   projects table's columns for a phone are in style.css). Uses window.kzcnPhone (phone.js), looked up
   when needed rather than when this file loads. */
(function () {
  "use strict";

  const NARROW = window.matchMedia("(max-width: 600px)");
  const phone = () => window.kzcnPhone;
  const narrow = () => !!phone() && phone().narrow();
  const graphOf = (id) => {
    const holder = document.getElementById(id);
    return holder && holder.querySelector(".js-plotly-plot");
  };

  // ---- The map: on a tall phone box the geo frame is letterboxed (plotly keeps the frame's aspect),
  // so the frame is reshaped to the box around the same middle.
  const merc = (lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const unmerc = (y) => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;

  // The ranges that fill a w × h frame around the same middle, or null when they already do.
  function fittedRanges(lon, lat, w, h) {
    const xSpan = ((lon[1] - lon[0]) * Math.PI) / 180;
    const ySpan = merc(lat[1]) - merc(lat[0]);
    if (!(w > 0 && h > 0 && xSpan > 0 && ySpan > 0)) return null;
    const ratio = (ySpan / xSpan) / (h / w);
    if (Math.abs(ratio - 1) < 0.03) return null;
    // Extend the short side, never crop: the whole framed view (Kazakhstan and Ürümqi by default, a
    // scene's or a shared subject's extent otherwise) stays on screen, with more around it.
    const lonMid = (lon[0] + lon[1]) / 2;
    const yMid = (merc(lat[0]) + merc(lat[1])) / 2;
    const lonHalf = ((lon[1] - lon[0]) * Math.max(ratio, 1)) / 2;
    const yHalf = ySpan / Math.min(ratio, 1) / 2;
    return {lon: [lonMid - lonHalf, lonMid + lonHalf], lat: [unmerc(yMid - yHalf), unmerc(yMid + yHalf)]};
  }

  function fitMap(gd) {
    const full = gd._fullLayout;
    const geo = full && full.geo;
    if (!narrow() || !geo || !geo.lonaxis || !geo.lataxis || !window.Plotly) return;
    if ((geo.projection && geo.projection.scale || 1) !== 1) return; // the visitor zoomed: leave it
    const w = full._size.w * (geo.domain.x[1] - geo.domain.x[0]);
    const h = full._size.h * (geo.domain.y[1] - geo.domain.y[0]);
    const fit = fittedRanges(geo.lonaxis.range, geo.lataxis.range, w, h);
    if (fit) window.Plotly.relayout(gd, {"geo.lonaxis.range": fit.lon, "geo.lataxis.range": fit.lat});
  }

  // The same fit on a figure on its way to plotly (assets/plotly_prepare.js), so a phone draws its
  // map once; fitMap, after the draw, then finds the frame filled.
  function prepareMap(gd, figure) {
    const layout = figure.layout;
    const geo = layout.geo || {};
    const full = gd._fullLayout && gd._fullLayout.geo;
    if (!narrow() || !geo.lonaxis || !geo.lataxis || !geo.lonaxis.range || !geo.lataxis.range) return figure;
    if ((geo.projection && geo.projection.scale || 1) !== 1) return figure;
    if (full && full.projection && (full.projection.scale || 1) !== 1) return figure; // zoomed, kept
    const area = window.kzcnPrepare.geoArea(gd, layout);
    const fit = fittedRanges(geo.lonaxis.range, geo.lataxis.range, area.w, area.h);
    if (fit) {
      window.kzcnPrepare.set(layout, "geo.lonaxis.range", fit.lon);
      window.kzcnPrepare.set(layout, "geo.lataxis.range", fit.lat);
    }
    return figure;
  }
  (window.kzcnPrepareHooks = window.kzcnPrepareHooks || []).push({id: "border-map", order: 0, hook: prepareMap});

  // ---- Charts: legends under the plot, no drag (a finger's swipe scrolls the page), and the long
  // y-axis title of the trade chart on two lines. A new figure from the server brings the wide
  // layout back, so this runs after every redraw; it does nothing once applied.
  const PHONE_LEGEND = {orientation: "h", yref: "container", y: 0, yanchor: "bottom", x: 0, xanchor: "left"};

  // The relayout that makes a wide chart's layout a phone's ({} once it is one).
  function phoneChanges(layout) {
    const update = {};
    const legend = layout.legend || {};
    if (legend.yref !== "container") {
      Object.keys(PHONE_LEGEND).forEach((k) => { update["legend." + k] = PHONE_LEGEND[k]; });
      update["legend.font.size"] = 12;
      // A legend row is too small a target for a finger; on a phone it is a key, not a switch.
      update["legend.itemclick"] = false;
      update["legend.itemdoubleclick"] = false;
    }
    if (layout.dragmode !== false) update.dragmode = false;
    const margin = layout.margin || {};
    const top = layout.annotations && layout.annotations.some((a) => a.yref === "paper" && a.y >= 1) ? 36 : 14;
    if ((margin.t || 0) > top + 4) update["margin.t"] = top;
    Object.keys(layout).filter((k) => /^xaxis\d*$/.test(k) && layout[k] && layout[k].dtick === 2)
      .forEach((k) => { update[k + ".dtick"] = 5; update[k + ".tickfont.size"] = 13; });
    const title = layout.yaxis && layout.yaxis.title;
    const text = title && (typeof title === "string" ? title : title.text);
    if (text && text.length > 22 && text.indexOf("<br>") < 0) {
      update["yaxis.title.text"] = text.replace(", ", ",<br>");
      update["yaxis.title.font.size"] = 13;
      update["yaxis.automargin"] = true;
    }
    return update;
  }

  // What the server drew, kept to restore when a phone turns sideways into a wide screen.
  function savePhone(gd, layout) {
    gd.__phoneSaved = {legend: Object.assign({}, layout.legend || {}), dragmode: layout.dragmode,
                       ytitle: layout.yaxis && layout.yaxis.title,
                       margin: Object.assign({}, layout.margin || {})};
  }

  function fitChart(gd) {
    if (!window.Plotly || !gd.layout) return;
    let update = {};
    if (narrow()) {
      if (!gd.__phoneSaved) savePhone(gd, gd.layout);
      update = phoneChanges(gd.layout);
    } else if (gd.__phoneSaved) {
      // Back to a wide screen (a phone turned sideways): restore what the server drew.
      const saved = gd.__phoneSaved;
      gd.__phoneSaved = null;
      update.legend = saved.legend;
      update.dragmode = saved.dragmode;
      if (saved.ytitle) update["yaxis.title"] = saved.ytitle;
      update.margin = saved.margin;
      Object.keys(gd.layout).filter((k) => /^xaxis\d*$/.test(k) && gd.layout[k].dtick === 5)
        .forEach((k) => { update[k + ".dtick"] = 2; update[k + ".tickfont.size"] = null; });
    }
    if (Object.keys(update).length) window.Plotly.relayout(gd, update);
    if (narrow()) {
      const names = wrappedNames(gd.data);
      const which = Object.keys(names).map(Number);
      if (which.length) window.Plotly.restyle(gd, {name: which.map((i) => names[i])}, which);
    }
  }

  // Legend entries do not wrap by themselves; a long one would run off a phone's screen.
  function wrappedNames(data) {
    const out = {};
    (data || []).forEach(function (trace, i) {
      const name = trace.name || "";
      if (trace.showlegend !== false && name.length > 34 && name.indexOf("<br>") < 0) {
        const cut = name.lastIndexOf(" ", Math.floor(name.length / 2) + 6);
        if (cut > 0) out[i] = name.slice(0, cut) + "<br>" + name.slice(cut + 1);
      }
    });
    return out;
  }

  // The same changes on a chart on its way to plotly (assets/plotly_prepare.js): a phone draws each
  // chart once; fitChart, after the draw, then finds nothing left to do.
  function prepareChart(gd, figure) {
    if (!narrow()) return figure;
    savePhone(gd, figure.layout);  // a figure from the server is always the wide one
    const update = phoneChanges(figure.layout);
    Object.keys(update).forEach((path) => window.kzcnPrepare.set(figure.layout, path, update[path]));
    const names = wrappedNames(figure.data);
    Object.keys(names).forEach((i) => { window.kzcnPrepare.trace(figure, +i).name = names[i]; });
    return figure;
  }
  ["trade-chart", "energy-chart", "timeline-chart"].forEach(function (id) {
    (window.kzcnPrepareHooks = window.kzcnPrepareHooks || []).push({id: id, hook: prepareChart});
  });

  // ---- Hook each graph once it exists; Dash renders them after this script runs.
  function hook() {
    const map = graphOf("border-map");
    if (map && map.on && !map.__phoneHooked) {
      map.__phoneHooked = true;
      map.on("plotly_afterplot", () => fitMap(map));
      // A tap on a feature: keep it in sight above the sheet to come. A second tap on the feature
      // already selected changes nothing in the page's state, so the sheet is opened here.
      map.on("plotly_click", function (data) {
        const point = data && data.points && data.points[0];
        const raw = point && point.customdata;
        const fid = Array.isArray(raw) ? raw[0] : raw;
        if (typeof fid !== "string" || !fid) return;
        const event = data.event;
        if (!phone()) return;
        phone().keepInView(event && typeof event.clientY === "number" ? event.clientY : phone().lastTapY());
        if (fid === new URLSearchParams(window.location.search).get("select")) phone().openSheet();
      });
      fitMap(map);
    }
    ["trade-chart", "energy-chart", "timeline-chart"].forEach(function (id) {
      const gd = graphOf(id);
      if (gd && gd.on && !gd.__phoneHooked) {
        gd.__phoneHooked = true;
        gd.on("plotly_afterplot", () => fitChart(gd));
        fitChart(gd);
      }
    });
  }

  window.setInterval(hook, 700);
  NARROW.addEventListener("change", function () {
    ["trade-chart", "energy-chart", "timeline-chart"].forEach((id) => { const gd = graphOf(id); if (gd) fitChart(gd); });
    const map = graphOf("border-map");
    if (map) fitMap(map);
  });
})();

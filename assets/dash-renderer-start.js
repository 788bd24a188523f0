/* Starts the app after the page's first frame. serving/scripts.py writes this script in place of Dash's
 * inline start, and Dash's script tags, inert, in <template id="app-scripts">.
 *
 * With Dash's scripts as plain tags at the end of the body, a browser that had them already (a fast
 * or local server) ran them all, a second and more of a phone's main thread, before painting the
 * page's HTML copy: the first paint came at 1.0 s or at 3.0 s by the luck of that race (Lighthouse,
 * mobile). Here the HTML is painted first; then each script runs in a task of its own, in order
 * (`async = false`), and Dash's renderer starts when the last has run and plotly.js is set up. */
(function () {
  "use strict";
  const held = document.getElementById("app-scripts");
  const urls = held ? Array.from(held.content.querySelectorAll("script[src]"), (s) => s.getAttribute("src")) : [];
  let started = false;

  function start() {
    if (started) return;
    started = true;
    let last = null;
    urls.forEach(function (url) {
      last = document.createElement("script");
      last.src = url;
      last.async = false;
      document.body.appendChild(last);
    });
    // Dash starts once plotly.js has set itself up, which it does in steps after its script has run
    // (scripts/build_plotly_bundle.sh): a graph drawn before would fetch plotly.js afresh.
    const render = function () {
      Promise.resolve(window.kzcnPlotly).then(function () { window.renderer = new window.DashRenderer(); });
    };
    if (last) last.addEventListener("load", render);
    else render();
  }

  // After the frame that paints the HTML. A tab opened in the background paints nothing and runs no
  // animation frames: there the app starts at once.
  if (document.visibilityState === "hidden") start();
  else window.requestAnimationFrame(function () { window.setTimeout(start, 0); });
})();

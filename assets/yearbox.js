/* The year slider's boxes commit a typed year on blur only (dcc.RangeSlider in Dash 4.4.1); a person
   types a year and presses Enter. Enter here blurs the box, which commits, then gives it focus back. */
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || event.isComposing) return;
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.closest("#year-range")) return;
    event.preventDefault();
    box.blur();
    box.focus();
    box.select();
  }, true);
})();

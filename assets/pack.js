/* The briefing pack's Print button: the browser's own print dialog (A4 landscape is set in the
   stylesheet's @page rule). A listener, not an inline handler, so the page needs no inline script. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".pack-print")) window.print();
  });
})();

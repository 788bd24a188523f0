/* Copy buttons of "Cite this view": the clipboard API where the browser allows it; otherwise the text
   is selected so that Ctrl+C (⌘C) copies it, and the status line says so. */
(function () {
  "use strict";
  function selectText(node) {
    const range = document.createRange();
    range.selectNodeContents(node);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  function say(button, text) {
    const status = button.parentElement && button.parentElement.querySelector(".copy-status");
    if (status) status.textContent = text;
  }
  document.addEventListener("click", function (event) {
    const close = event.target.closest && event.target.closest(".cite-close");
    if (close) {
      const details = close.closest("details");
      if (details) details.open = false;
      return;
    }
    const button = event.target.closest && event.target.closest(".copy-button[data-copy]");
    if (!button) return;
    const node = document.getElementById(button.dataset.copy);
    if (!node) return;
    const text = node.textContent;
    const fallback = function () {
      selectText(node);
      say(button, window.kzcn.t("Selected: press Ctrl+C (⌘C on a Mac) to copy."));
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { say(button, window.kzcn.t("Copied.")); }, fallback);
    } else {
      fallback();
    }
  });
})();

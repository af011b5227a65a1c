// Keep the main menu open on wide screens; on a phone it folds behind its summary.
(function () {
  var wide = window.matchMedia("(min-width: 48rem)");
  function sync() {
    document.querySelectorAll("details[data-open-wide]").forEach(function (el) {
      el.open = wide.matches;
    });
  }
  sync();
  wide.addEventListener("change", sync);
})();

// Procurement summaries (procurement/): a "print" button for the printable pages.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () {
    window.print();
  });
});

// Share links (includes/page_tools.html): "copy link" appears only where the browser can copy.
document.querySelectorAll("[data-copy-url]").forEach(function (button) {
  if (!navigator.clipboard) return;
  var status = button.closest(".share").querySelector("[role=status]");
  button.parentElement.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(button.dataset.copyUrl).then(function () {
      status.textContent = button.dataset.copied;
    });
  });
});

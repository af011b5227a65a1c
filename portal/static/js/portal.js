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

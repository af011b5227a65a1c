// The main menu (components/main_menu.html): the button opens and closes the whole menu;
// Escape closes it and puts focus back on the button; a click elsewhere closes it.
document.querySelectorAll("[data-menu-button]").forEach(function (button) {
  var panel = document.getElementById(button.getAttribute("aria-controls"));
  var nav = button.closest("nav");
  function isOpen() { return button.getAttribute("aria-expanded") === "true"; }
  function set(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    panel.hidden = !open;
  }
  button.addEventListener("click", function () { set(!isOpen()); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) {
      set(false);
      button.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (isOpen() && !nav.contains(event.target)) set(false);
  });
});

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

// Click-to-load Google map (M1): nothing is requested from Google until the citizen asks.
// Without JavaScript the container stays hidden and the plain Google Maps link remains.
(function () {
  document.querySelectorAll("[data-map-src]").forEach(function (container) {
    var button = container.querySelector("button");
    if (!button) return;
    container.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = container.getAttribute("data-map-src");
      frame.title = container.getAttribute("data-map-title");
      frame.className = "about-map__frame";
      frame.loading = "lazy";
      frame.setAttribute("allowfullscreen", "");
      container.replaceChildren(frame);
      frame.focus();
    });
  });
})();

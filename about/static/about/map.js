// The Google map of the location page (M1) is third-party content: it loads only when the
// citizen has consented to the "embeds" category (portal/static/js/consent.js), and goes away
// when that consent is withdrawn. Until then the page shows the plain Google Maps link and a
// button that gives that consent; nothing is requested from Google. Without JavaScript the
// container stays hidden and the link remains.
(function () {
  "use strict";
  var CATEGORY = "embeds";
  var consent = window.portalConsent;

  document.querySelectorAll("[data-map-src]").forEach(function (container) {
    var prompt = container.querySelector("[data-map-prompt]");
    var button = container.querySelector("button");
    if (!prompt || !button || !consent) return;

    function show(focus) {
      if (container.querySelector("iframe")) return;
      var frame = document.createElement("iframe");
      frame.src = container.getAttribute("data-map-src");
      frame.title = container.getAttribute("data-map-title");
      frame.className = "about-map__frame";
      frame.loading = "lazy";
      frame.referrerPolicy = "no-referrer-when-downgrade";
      frame.setAttribute("allowfullscreen", "");
      prompt.hidden = true;
      container.appendChild(frame);
      if (focus) frame.focus();
    }

    function hide() {
      var frame = container.querySelector("iframe");
      if (frame) frame.remove();
      prompt.hidden = false;
    }

    button.addEventListener("click", function () {
      consent.grant(CATEGORY);
      show(true);
    });
    document.addEventListener("portal:consent", function () {
      if (consent.has(CATEGORY)) show(false);
      else hide();
    });
    container.hidden = false;
    if (consent.has(CATEGORY)) show(false);
  });
})();

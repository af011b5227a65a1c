// Cookie consent (policies/consent.py lists the categories). Necessary cookies are always on;
// every other category stays off until the citizen opts in, and withdrawing is one click in
// the same banner, reopened from "ตั้งค่าคุกกี้" in the footer. The choice is kept in a
// first-party cookie "<version>:<category>.<category>"; other scripts ask
// window.portalConsent.has(category) and listen for the "portal:consent" event.
// Without JavaScript the banner stays hidden and nothing optional ever loads.
(function () {
  "use strict";
  var VERSION = "1";
  var banner = document.querySelector("[data-consent-banner]");
  var cookieName = (banner && banner.getAttribute("data-cookie")) || "portal_consent";
  var maxAge = (banner && banner.getAttribute("data-max-age")) || "15552000";

  function read() {
    var prefix = cookieName + "=";
    var found = document.cookie.split("; ").filter(function (part) {
      return part.indexOf(prefix) === 0;
    })[0];
    if (!found) return null;
    var value = decodeURIComponent(found.slice(prefix.length)).split(":");
    if (value[0] !== VERSION) return null;
    return value[1] ? value[1].split(".") : [];
  }

  function write(categories) {
    var secure = window.location.protocol === "https:" ? "; Secure" : "";
    document.cookie = cookieName + "=" + encodeURIComponent(VERSION + ":" + categories.join(".")) +
      "; Max-Age=" + maxAge + "; Path=/; SameSite=Lax" + secure;
  }

  var state = read();
  var opener = null;

  var consent = {
    given: function () { return state !== null; },
    has: function (category) { return state !== null && state.indexOf(category) !== -1; },
    set: function (categories) {
      state = categories.slice();
      write(state);
      document.dispatchEvent(new CustomEvent("portal:consent", { detail: { categories: state.slice() } }));
    },
    grant: function (category) {
      var categories = (state || []).filter(function (c) { return c !== category; });
      categories.push(category);
      consent.set(categories);
    },
    open: function () {}
  };
  window.portalConsent = consent;
  if (!banner) return;

  var form = banner.querySelector("[data-consent-form]");
  var heading = banner.querySelector("#consent-heading");
  var chooseButton = banner.querySelector('[data-consent-action="choose"]');
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var optional = boxes.filter(function (box) { return !box.disabled; });

  function showChoices(show) {
    form.hidden = !show;
    chooseButton.setAttribute("aria-expanded", show ? "true" : "false");
  }

  consent.open = function (from) {
    opener = from || null;
    optional.forEach(function (box) { box.checked = consent.has(box.value); });
    showChoices(false);
    banner.hidden = false;
    heading.focus();
  };

  function close() {
    banner.hidden = true;
    // Back to what opened the banner; when it opened by itself, to the start of the page.
    var target = opener || document.querySelector(".site-header a, .site-header button, #main");
    opener = null;
    if (target) target.focus();
  }

  banner.addEventListener("click", function (event) {
    var button = event.target.closest("[data-consent-action]");
    if (!button) return;
    var action = button.getAttribute("data-consent-action");
    if (action === "choose") {
      var open = form.hidden;
      showChoices(open);
      if (open && optional[0]) optional[0].focus();
      return;
    }
    consent.set(action === "accept" ? optional.map(function (box) { return box.value; }) : []);
    close();
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    consent.set(optional.filter(function (box) { return box.checked; }).map(function (box) { return box.value; }));
    close();
  });

  banner.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && consent.given()) close();
  });

  document.querySelectorAll("[data-consent-open]").forEach(function (control) {
    control.hidden = false;
    control.addEventListener("click", function (event) {
      event.preventDefault();
      consent.open(control);
    });
  });

  if (state === null) banner.hidden = false;
})();

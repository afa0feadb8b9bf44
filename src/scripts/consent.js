// Analytics consent, GOV.UK style. Only on sites built with an analytics ID
// (see layouts/partials/cookie-banner.njk). Nothing is loaded from Google and
// no cookie is set until the visitor accepts; the choice is kept for a year in
// our own cookie, and /cookies/ lets them change it.
(function () {
  "use strict";

  var script = document.currentScript;
  var analyticsId = script && script.getAttribute("data-analytics-id");
  var loaderUrl = script && script.getAttribute("data-analytics-src");
  var COOKIE = "nlc_cookie_consent";
  var YEAR = 365 * 24 * 60 * 60;
  if (!analyticsId || !loaderUrl) return;

  function readChoice() {
    var match = document.cookie.match(/(?:^|;\s*)nlc_cookie_consent=(yes|no)(?:;|$)/);
    return match ? match[1] : null;
  }

  function saveChoice(choice) {
    var secure = window.location.protocol === "https:" ? "; Secure" : "";
    document.cookie = COOKIE + "=" + choice + "; Max-Age=" + YEAR + "; Path=/; SameSite=Lax" + secure;
  }

  // Analytics cookies set while the visitor had said yes, removed when they say no.
  function removeAnalyticsCookies() {
    var host = window.location.hostname;
    var domains = ["", "; Domain=" + host, "; Domain=." + host.replace(/^www\./, "")];
    document.cookie.split(";").forEach(function (pair) {
      var name = pair.split("=")[0].trim();
      if (!/^_ga/.test(name)) return;
      domains.forEach(function (domain) {
        document.cookie = name + "=; Max-Age=0; Path=/" + domain;
      });
    });
  }

  var started = false;
  function startAnalytics() {
    window["ga-disable-" + analyticsId] = false;
    if (started) return;
    started = true;
    window.dataLayer = window.dataLayer || [];
    window.gtag = function () {
      window.dataLayer.push(arguments);
    };
    window.gtag("js", new Date());
    window.gtag("config", analyticsId);
    var loader = document.createElement("script");
    loader.async = true;
    loader.src = loaderUrl;
    document.head.appendChild(loader);
  }

  function choose(choice) {
    saveChoice(choice);
    if (choice === "yes") {
      startAnalytics();
    } else {
      window["ga-disable-" + analyticsId] = true;
      removeAnalyticsCookies();
    }
  }

  var banner = document.querySelector("[data-cookie-banner]");
  var settings = document.querySelector("[data-cookie-settings]");

  if (banner && readChoice() === null && !settings) {
    var question = banner.querySelector("[data-cookie-question]");
    var confirmation = banner.querySelector("[data-cookie-confirmation]");
    var message = banner.querySelector("[data-cookie-message]");
    banner.hidden = false;
    banner.querySelectorAll("[data-consent]").forEach(function (button) {
      button.addEventListener("click", function () {
        var choice = button.getAttribute("data-consent");
        choose(choice);
        message.textContent =
          choice === "yes" ? "You\u2019ve accepted analytics cookies." : "You\u2019ve rejected analytics cookies.";
        question.hidden = true;
        confirmation.hidden = false;
        confirmation.focus();
      });
    });
    banner.querySelector("[data-cookie-hide]").addEventListener("click", function () {
      banner.hidden = true;
    });
  }

  if (settings) {
    var form = settings.querySelector("form");
    var saved = settings.querySelector("[data-cookie-saved]");
    settings.querySelectorAll("[data-needs-js]").forEach(function (element) {
      element.hidden = true;
    });
    form.hidden = false;
    var current = form.querySelector('input[name="analytics"][value="' + (readChoice() || "no") + '"]');
    if (current) current.checked = true;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var picked = form.querySelector('input[name="analytics"]:checked');
      choose(picked ? picked.value : "no");
      saved.hidden = false;
      saved.focus();
    });
  }

  if (readChoice() === "yes") startAnalytics();
})();

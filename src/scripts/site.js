// Progressive enhancements. The site works without this file.
(function () {
  "use strict";

  // The small-screen menu closes with Escape, from its button or any link in it, and hands focus back to its button.
  document.querySelectorAll("details.menu").forEach(function (menu) {
    menu.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !menu.open) return;
      menu.open = false;
      menu.querySelector("summary").focus();
    });
  });

  // Click-to-load video: nothing is requested from Vimeo until the visitor asks.
  document.querySelectorAll("[data-video-src]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = button.getAttribute("data-video-src") + "&autoplay=1";
      frame.title = button.getAttribute("data-video-title") || "Video";
      frame.allow = "autoplay; fullscreen; picture-in-picture";
      frame.setAttribute("allowfullscreen", "");
      var figure = button.closest("[data-video]");
      var wrapper = document.createElement("div");
      wrapper.className = "embed-container";
      wrapper.appendChild(frame);
      figure.replaceChildren(wrapper);
      frame.focus();
    });
  });
})();

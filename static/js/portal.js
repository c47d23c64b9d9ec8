/*
 * P2I Portal: small progressive enhancements. Every page works without this
 * file; it only folds the main menu on narrow screens and asks for
 * confirmation before destructive actions.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.add("js");

  function initMenu() {
    var toggle = document.querySelector("[data-nav-toggle]");
    var nav = document.getElementById("primary-nav");
    if (!toggle || !nav) {
      return;
    }
    toggle.hidden = false;
    toggle.setAttribute("aria-expanded", "false");

    function setOpen(open) {
      nav.classList.toggle("is-open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }

    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });

    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && nav.classList.contains("is-open")) {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  function initConfirmations() {
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement)) {
        return;
      }
      var question = form.getAttribute("data-confirm");
      if (question && !window.confirm(question)) {
        event.preventDefault();
      }
    });
  }

  function initMessages() {
    // Bring the first error message into view and to the attention of
    // screen-reader users after a form round trip.
    var error = document.querySelector(".form-errors, .errorlist");
    if (error && error.closest("main")) {
      var field = document.querySelector("[aria-invalid='true']");
      if (field && typeof field.focus === "function") {
        field.focus();
      }
    }
  }

  function ready(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  ready(function () {
    initMenu();
    initConfirmations();
    initMessages();
  });
})();

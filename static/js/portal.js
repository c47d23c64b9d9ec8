/*
 * P2I Portal: small progressive enhancements. Every page works without this
 * file; it turns the links that open the main menu and the search filters
 * on narrow screens into buttons and asks for confirmation before
 * destructive actions.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.add("js");

  function initDisclosures() {
    // The main menu and the search filters fold on narrow screens behind a
    // link to their panel (it opens the panel as the :target without this
    // script). Here the link becomes a button that opens and closes it.
    var toggles = document.querySelectorAll("a[data-disclosure][aria-controls]");
    Array.prototype.forEach.call(toggles, function (toggle) {
      var panel = document.getElementById(toggle.getAttribute("aria-controls"));
      if (!panel) {
        return;
      }

      function setOpen(open) {
        panel.classList.toggle("is-open", open);
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        // A panel that is the :target stays open in CSS: drop the fragment.
        if (!open && window.location.hash === "#" + panel.id) {
          window.history.replaceState(
            null, "", window.location.pathname + window.location.search
          );
        }
      }

      toggle.setAttribute("role", "button");
      setOpen(window.location.hash === "#" + panel.id);

      toggle.addEventListener("click", function (event) {
        event.preventDefault();
        setOpen(toggle.getAttribute("aria-expanded") !== "true");
      });
      // A button also answers the space bar.
      toggle.addEventListener("keydown", function (event) {
        if (event.key === " ") {
          event.preventDefault();
          toggle.click();
        }
      });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && panel.classList.contains("is-open") &&
            toggle.offsetParent !== null) {
          setOpen(false);
          toggle.focus();
        }
      });
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
    initDisclosures();
    initConfirmations();
    initMessages();
  });
})();

/*
 * The resource editor in the workspace: a live preview of the Markdown body and
 * fields that only matter for some kinds of resource. The form works without
 * this file (its "Preview" button renders the preview on the server).
 *
 * The preview HTML comes from the server, sanitised with nh3 (knowledge.markdown):
 * the browser never renders the editor's raw input.
 */
(function () {
  "use strict";

  var DELAY_MS = 400;

  function initPreview(form) {
    var source = form.querySelector("textarea[name='body']");
    var pane = document.getElementById("body-preview");
    var tokenInput = form.querySelector("input[name='csrfmiddlewaretoken']");
    if (!source || !pane || !tokenInput || !window.fetch) {
      return;
    }
    var url = pane.getAttribute("data-preview-url");
    var emptyText = pane.getAttribute("data-preview-empty") || "";
    var errorText = pane.getAttribute("data-preview-error") || "";
    var timer = null;
    var controller = null;
    var lastSent = null;

    function showText(text, className) {
      var p = document.createElement("p");
      p.className = className;
      p.textContent = text;
      pane.replaceChildren(p);
    }

    function update() {
      var body = source.value;
      if (body === lastSent) {
        return;
      }
      lastSent = body;
      if (!body.trim()) {
        showText(emptyText, "muted");
        return;
      }
      if (controller) {
        controller.abort();
      }
      controller = window.AbortController ? new AbortController() : null;
      pane.setAttribute("aria-busy", "true");
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
          "X-CSRFToken": tokenInput.value,
          "X-Requested-With": "fetch"
        },
        body: new URLSearchParams({ body: body }).toString(),
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("preview " + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          // Sanitised by the server (nh3); see the note at the top.
          pane.innerHTML = html;
          pane.removeAttribute("aria-busy");
        })
        .catch(function (error) {
          if (error && error.name === "AbortError") {
            return;
          }
          lastSent = null;
          pane.removeAttribute("aria-busy");
          showText(errorText, "alert alert--warning");
        });
    }

    source.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, DELAY_MS);
    });
    lastSent = source.value;
  }

  function initKindFields(form) {
    var kind = form.querySelector("select[name='kind']");
    var parts = form.querySelectorAll("[data-show-for-kind]");
    if (!kind || !parts.length) {
      return;
    }

    function apply() {
      parts.forEach(function (part) {
        var wanted = part.getAttribute("data-show-for-kind");
        // Keep a part visible while it shows an error, whatever the kind.
        var hasError = part.querySelector("[aria-invalid='true'], .errorlist");
        part.hidden = kind.value !== wanted && !hasError;
      });
    }

    kind.addEventListener("change", apply);
    apply();
  }

  function initFileSize() {
    // Warn before a long upload that the server would refuse anyway.
    var input = document.querySelector("input[type='file'][data-max-bytes]");
    if (!input) {
      return;
    }
    var max = parseInt(input.getAttribute("data-max-bytes"), 10);
    var message = input.getAttribute("data-too-large") || "";
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      input.setCustomValidity(file && file.size > max ? message : "");
      if (file && file.size > max) {
        input.reportValidity();
      }
    });
  }

  function ready(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  ready(function () {
    var form = document.querySelector("form[data-resource-editor]");
    if (form) {
      initPreview(form);
      initKindFields(form);
    }
    initFileSize();
  });
})();

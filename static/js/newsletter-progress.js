/* Sending progress: refreshes the counts every two seconds from the JSON endpoint
   until the issue is sent. Without JavaScript the page keeps its "Refresh" link. */
(function () {
  "use strict";
  var root = document.querySelector(".nl-progress[data-progress-url]");
  if (!root || root.hasAttribute("data-finished")) { return; }
  var url = root.getAttribute("data-progress-url");
  // gettext() comes from the JavaScript catalogue that base.html loads first.
  var labels = { done: gettext("done"), estimating: gettext("estimating…") };

  function set(field, value) {
    var el = root.querySelector('[data-field="' + field + '"]');
    if (!el) { return; }
    if (el.tagName === "PROGRESS") {
      el.value = value;
      el.textContent = value + " %";
    } else if (typeof value === "number") {
      // Counts grouped as the page's language writes them, as the server does
      // (Portugal's grouping, not Brazil's).
      var lang = document.documentElement.lang || "en";
      el.textContent = new Intl.NumberFormat(lang === "pt" ? "pt-PT" : lang).format(value);
    } else {
      el.textContent = value;
    }
  }

  function timeLeft(data) {
    if (data.finished) { return labels.done; }
    if (data.seconds_left === null) { return labels.estimating; }
    var s = data.seconds_left;
    if (s >= 90) {
      var minutes = Math.round(s / 60);
      return interpolate(ngettext("about %s minute", "about %s minutes", minutes), [minutes]);
    }
    return interpolate(ngettext("about %s second", "about %s seconds", s), [s]);
  }

  function tick() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (data) {
        ["queued", "sending", "sent", "failed", "skipped", "percent", "status_label"]
          .forEach(function (f) { set(f, data[f]); });
        set("time_left", timeLeft(data));
        if (!data.finished) { window.setTimeout(tick, 2000); }
      })
      .catch(function () { window.setTimeout(tick, 5000); });
  }
  window.setTimeout(tick, 2000);
})();

/* Sending progress: refreshes the counts every two seconds from the JSON endpoint
   until the issue is sent. Without JavaScript the page keeps its "Refresh" link. */
(function () {
  "use strict";
  var root = document.querySelector(".nl-progress[data-progress-url]");
  if (!root || root.hasAttribute("data-finished")) { return; }
  var url = root.getAttribute("data-progress-url");
  var labels = { done: "done", estimating: "estimating…" };

  function set(field, value) {
    var el = root.querySelector('[data-field="' + field + '"]');
    if (!el) { return; }
    if (el.tagName === "PROGRESS") {
      el.value = value;
      el.textContent = value + " %";
    } else {
      el.textContent = value;
    }
  }

  function timeLeft(data) {
    if (data.finished) { return labels.done; }
    if (data.seconds_left === null) { return labels.estimating; }
    var s = data.seconds_left;
    return s >= 90 ? "about " + Math.round(s / 60) + " min" : "about " + s + " s";
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

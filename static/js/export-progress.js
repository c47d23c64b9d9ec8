/* Reporting export: polls the job's JSON status every two seconds, moves the
   progress bar and shows the download link when the file is ready. Without
   JavaScript the page refreshes itself (meta refresh) and keeps its "Refresh" link. */
(function () {
  "use strict";
  var root = document.querySelector(".export-job[data-status-url]");
  if (!root || root.hasAttribute("data-finished")) { return; }
  var url = root.getAttribute("data-status-url");

  function field(name) { return root.querySelector('[data-field="' + name + '"]'); }

  function show(data) {
    var bar = field("progress");
    bar.value = data.progress;
    bar.textContent = data.progress + " %";
    field("percent").textContent = data.progress + " %";
    field("status_label").textContent = data.status_label;
    if (data.status === "failed") {
      var error = field("error");
      error.textContent = data.error;
      error.hidden = false;
    }
    if (data.download_url) {
      field("download_link").setAttribute("href", data.download_url);
      field("download").hidden = false;
    }
    if (data.finished) {
      root.setAttribute("data-finished", "");
      var refresh = root.querySelector("[data-refresh-link]");
      if (refresh) { refresh.hidden = true; }
    }
  }

  function tick() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (data) {
        show(data);
        if (!data.finished) { window.setTimeout(tick, 2000); }
      })
      .catch(function () { window.setTimeout(tick, 5000); });
  }
  window.setTimeout(tick, 1000);
})();

/* Events: show an event's time in the visitor's own time zone as well.
   No inline script (CSP allows only 'self'); without JS the event's zone shows. */
(function () {
  "use strict";
  function format(date, zone) {
    return new Intl.DateTimeFormat(undefined, {
      weekday: "long", day: "numeric", month: "long", year: "numeric",
      hour: "2-digit", minute: "2-digit", timeZone: zone
    }).format(date);
  }
  function init() {
    var here;
    if (typeof gettext !== "function") { return; }
    try { here = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    document.querySelectorAll("time[data-local-start]").forEach(function (el) {
      var zone = el.getAttribute("data-zone");
      if (!here || here === zone) { return; }
      var start = new Date(el.getAttribute("data-local-start"));
      var end = new Date(el.getAttribute("data-local-end"));
      if (isNaN(start) || isNaN(end)) { return; }
      var out = el.parentNode.querySelector("[data-local-time-for]");
      if (!out) { return; }
      var endText = new Intl.DateTimeFormat(undefined, {
        hour: "2-digit", minute: "2-digit", timeZone: here
      }).format(end);
      out.textContent = interpolate(gettext("Your time (%(zone)s): %(start)s–%(end)s"), {
        zone: here, start: format(start, here), end: endText
      }, true);
      out.hidden = false;
      out.style.display = "block";
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());

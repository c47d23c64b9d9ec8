/* Events: the page states an event's time in the event's own zone; this adds the
   time in the visitor's zone, written in the page's language, when the two differ.
   No inline script (CSP allows only 'self'); without JS the event's zone shows. */
(function () {
  "use strict";

  // The page's language, written as on the server: European English, Portugal's
  // Portuguese.
  var LOCALES = { en: "en-GB", pt: "pt-PT" };
  function locale() {
    var lang = document.documentElement.lang || "en";
    return LOCALES[lang] || lang;
  }

  var DAY_AND_TIME = {
    weekday: "long", day: "numeric", month: "long", year: "numeric",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23"
  };
  var TIME = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  var DAY = { year: "numeric", month: "2-digit", day: "2-digit" };

  function format(date, zone, options) {
    var all = { timeZone: zone };
    Object.keys(options).forEach(function (key) { all[key] = options[key]; });
    return new Intl.DateTimeFormat(locale(), all).format(date);
  }

  function show(el, here) {
    var zone = el.getAttribute("data-zone");
    var start = new Date(el.getAttribute("data-local-start"));
    var end = new Date(el.getAttribute("data-local-end"));
    var out = el.parentNode.querySelector("[data-local-time-for]");
    if (!out || isNaN(start) || isNaN(end)) { return; }
    var theirs;
    try {
      theirs = format(start, zone, DAY_AND_TIME) + format(end, zone, DAY_AND_TIME);
    } catch (e) {
      theirs = null;  // a zone this browser does not know: say the visitor's time
    }
    var mine = format(start, here, DAY_AND_TIME) + format(end, here, DAY_AND_TIME);
    // Another zone name on the same clock (Paris and Brussels) adds nothing.
    if (theirs === mine) { return; }
    var sameDay = format(start, here, DAY) === format(end, here, DAY);
    out.textContent = interpolate(gettext("Your time (%(zone)s): %(start)s–%(end)s"), {
      zone: here,
      start: format(start, here, DAY_AND_TIME),
      end: format(end, here, sameDay ? TIME : DAY_AND_TIME)
    }, true);
    out.hidden = false;
  }

  function init() {
    var here;
    if (typeof gettext !== "function" || typeof Intl === "undefined") { return; }
    try { here = new Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    if (!here) { return; }
    document.querySelectorAll("time[data-local-start]").forEach(function (el) {
      show(el, here);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());

/* Keeps "My visitors" current: fetches the list's fragment every few seconds. Without it, reload the page. */
(function () {
  "use strict";
  var list = document.getElementById("visits");
  if (!list || !window.fetch) { return; }
  var seconds = parseInt(list.getAttribute("data-refresh-seconds"), 10) || 25;
  var url = list.getAttribute("data-refresh-url");

  function refresh() {
    if (document.hidden) { return; }
    fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (response.status === 401) { window.location.reload(); return null; }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html === null) { return; }
        var parsed = new DOMParser().parseFromString(html, "text/html");
        list.replaceChildren.apply(list, Array.prototype.slice.call(parsed.body.childNodes));
      })
      .catch(function () { /* offline for a moment: try again next time */ });
  }

  setInterval(refresh, seconds * 1000);
  document.addEventListener("visibilitychange", refresh);
})();

/* The facilitator's page: fetch the page again when the check-in code changes and swap in the new
   code and the list of who is here. Without JavaScript the "Show a new code" link does the same. */
(function () {
  "use strict";
  var LIVE = ["fd-code-box", "fd-here-now"];
  var box = document.getElementById("fd-code-box");
  if (!box || !window.fetch || !window.DOMParser) { return; }
  function delay(element) {
    return (parseInt(element.getAttribute("data-refresh"), 10) || 30) * 1000 + 300;
  }
  function renew() {
    fetch(window.location.href, {credentials: "same-origin", headers: {"Accept": "text/html"}})
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        var next = 5000;
        if (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          LIVE.forEach(function (id) {
            var fresh = page.getElementById(id), old = document.getElementById(id);
            if (fresh && old) { old.innerHTML = fresh.innerHTML; }
            if (fresh && id === "fd-code-box") { next = delay(fresh); }
          });
        }
        window.setTimeout(renew, next);
      })
      .catch(function () { window.setTimeout(renew, 5000); });
  }
  window.setTimeout(renew, delay(box));
})();

/* Pupil screen: follow the teacher by polling a small JSON endpoint (ETag: 304 when unchanged).
   A new stop, a new question, pause or the end reload the page (the server renders it);
   a new pointed hotspot is highlighted in place and announced in the live region. */
(function () {
  "use strict";
  var script = document.getElementById("fd-pupil-script");
  var stateNode = document.getElementById("fd-state");
  if (!script || !stateNode || !window.fetch) { return; }
  var state = JSON.parse(stateNode.textContent);
  var url = script.getAttribute("data-poll-url");
  var every = Math.max(1, parseInt(script.getAttribute("data-poll-seconds"), 10) || 2) * 1000;
  var announce = script.getAttribute("data-announce");
  var etag = '"' + state.version + '"';

  function highlight(id) {
    var label = "";
    document.querySelectorAll(".fd-hotspot").forEach(function (item) {
      var on = item.getAttribute("data-hotspot") === id;
      item.classList.toggle("fd-pointed", on);
      var badge = item.querySelector(".fd-pointed-badge");
      if (badge) { badge.hidden = !on; }
      if (on) {
        item.querySelector("details").open = true;
        label = item.querySelector(".fd-hotspot-label").textContent;
      }
    });
    var live = document.getElementById("fd-live");
    live.textContent = id && label ? announce + " " + label : "";
  }

  function apply(next) {
    var reload = next.status !== state.status || next.scene !== state.scene ||
      next.question !== state.question || next.paused !== state.paused;
    if (reload) { window.location.reload(); return false; }
    if (next.pointed !== state.pointed) { highlight(next.pointed); }
    state = next;
    return true;
  }

  function tick() {
    fetch(url, { headers: { "If-None-Match": etag, "Accept": "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (response.status === 304) { return null; }
        if (response.status === 410 || response.status === 404) { window.location.reload(); return null; }
        if (!response.ok) { return null; }
        etag = response.headers.get("ETag") || etag;
        return response.json();
      })
      .then(function (next) {
        if (next && !apply(next)) { return; }
        if (state.status !== "ended") { window.setTimeout(tick, every); }
      })
      .catch(function () { window.setTimeout(tick, every * 2); });
  }
  if (state.status !== "ended") { window.setTimeout(tick, every); }
})();

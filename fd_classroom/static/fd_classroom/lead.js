/* Lead page: refresh the arrivals and the pooled answers every few seconds. */
(function () {
  "use strict";
  var script = document.getElementById("fd-lead-script");
  if (!script || !window.fetch) { return; }
  var url = script.getAttribute("data-status-url");

  function render(data) {
    var list = document.getElementById("fd-arrived");
    if (list && list.children.length !== data.arrived.length) {
      list.textContent = "";
      data.arrived.forEach(function (name) {
        var item = document.createElement("li");
        item.textContent = name;
        list.appendChild(item);
      });
      document.getElementById("fd-arrived-count").textContent = String(data.arrived.length);
    }
    var box = document.getElementById("fd-answers");
    if (box && data.question && box.getAttribute("data-question") === data.question.key) {
      document.getElementById("fd-answered").textContent = String(data.question.answered);
      data.question.counts.forEach(function (count, index) {
        var cell = box.querySelector('[data-option="' + index + '"]');
        if (cell) { cell.textContent = String(count); }
      });
    }
  }

  function tick() {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) { render(data); } window.setTimeout(tick, 3000); })
      .catch(function () { window.setTimeout(tick, 6000); });
  }
  window.setTimeout(tick, 3000);
})();

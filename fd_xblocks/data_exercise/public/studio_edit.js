/* fd_data_exercise Studio editor: save and live preview of the expected answer per parameter value. */
function FdDataExerciseEditor(runtime, element) {
  "use strict";
  var root = element.querySelector ? element : element[0];
  var form = root.querySelector(".fd-dx-editor");
  var state = JSON.parse(form.querySelector(".fd-dx-editor-state").textContent);
  var status = form.querySelector(".fd-dx-editor-status");
  var preview = form.querySelector(".fd-dx-preview");

  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function values() {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name) { return; }
      var value = field.value;
      if (field.getAttribute("data-json")) {
        try { value = value.trim() ? JSON.parse(value) : (field.name === "hints" ? [] : {}); }
        catch (e) { throw new Error(field.name); }
      } else if (field.getAttribute("data-number")) {
        value = Number(value.replace(",", "."));
      }
      data[field.name] = value;
    });
    return data;
  }
  function send(url) {
    var data;
    try { data = values(); } catch (e) { status.textContent = "JSON: " + e.message; return Promise.resolve(null); }
    return fetch(url, {method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf()}, body: JSON.stringify(data)})
      .then(function (r) { return r.json(); })
      .then(function (body) { status.textContent = body.error ? body.error + (body.field ? " (" + body.field + ")" : "") : ""; return body; });
  }
  form.querySelector(".fd-dx-preview-button").addEventListener("click", function () {
    send(state.previewUrl).then(function (body) {
      if (!body || body.error) { return; }
      preview.textContent = "";
      var table = document.createElement("table");
      table.className = "fd-dx-table";
      body.answers.forEach(function (row) {
        var tr = table.insertRow();
        [row.param, row.answer || row.problem, String(row.rows)].forEach(function (text) { tr.insertCell().textContent = text; });
      });
      preview.appendChild(table);
    });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    send(state.saveUrl).then(function (body) {
      if (body && body.result === "success" && runtime.notify) { runtime.notify("save", {state: "end"}); }
    });
  });
}

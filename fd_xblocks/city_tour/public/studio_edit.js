/* The tour editor: sends the form to the save or preview handler and shows the server's verdict. */
function FdCityTourEditor(runtime, element) {
  "use strict";
  var root = element.querySelector ? element : element[0];
  var state = JSON.parse(root.querySelector(".fd-tour-editor__state").textContent);
  var form = root.querySelector(".fd-tour-editor__form");
  var status = root.querySelector("[data-role=status]");
  var preview = root.querySelector("[data-role=preview]");

  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function values() {
    return {display_name: form.display_name.value, intro: form.intro.value, scenes: form.scenes.value,
            completion_share: parseFloat(form.completion_share.value), weight: parseFloat(form.weight.value)};
  }
  function send(url) {
    return fetch(url, {method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf()}, body: JSON.stringify(values())})
      .then(function (r) { return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.error || r.statusText); }
        return body;
      }); });
  }
  function fail(error) { status.textContent = state.strings.error.replace("{message}", error.message); }
  root.querySelector("[data-action=check]").addEventListener("click", function () {
    send(state.previewUrl).then(function (body) {
      preview.innerHTML = body.html; /* rendered by the server from sanitised content */
      status.textContent = state.strings.checked;
    }).catch(fail);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    send(state.saveUrl).then(function () {
      status.textContent = state.strings.saved;
      if (runtime.notify) { runtime.notify("save", {state: "end"}); }
    }).catch(fail);
  });
}

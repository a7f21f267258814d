/* Studio editor of a "spot the scam" message: one row per part, a preview drawn by the server
   from the unsaved values, save through the block's own (course-team only) handler. */
function FdMessageInspectorEditor(runtime, element) {
  "use strict";
  var root = element.querySelector ? element : element[0];
  if (root.dataset.fdMiReady) { return; }  // a page may run the same initialiser twice
  root.dataset.fdMiReady = "1";
  var form = root.querySelector(".fd-mi-editor-form");
  var list = root.querySelector(".fd-mi-editor-parts");
  var template = root.querySelector(".fd-mi-part-template");
  var errorEl = root.querySelector(".fd-mi-editor-error");
  var preview = root.querySelector(".fd-mi-preview");
  var state = JSON.parse(root.querySelector(".fd-mi-state").textContent);
  var MESSAGE_FIELDS = ["channel", "sender_name", "sender_address", "subject", "received", "context",
                        "expected_action", "action_explanation"];

  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function notify(name, data) { if (runtime.notify) { runtime.notify(name, data); } }

  function addPart(part) {
    var item = template.content.firstElementChild.cloneNode(true);
    Array.prototype.forEach.call(item.querySelectorAll("[data-name]"), function (input) {
      var value = part[input.dataset.name];
      if (value !== undefined && value !== null && value !== "") { input.value = value; }
    });
    item.dataset.id = part.id || "";
    list.appendChild(item);
    return item;
  }

  function fill() {
    form.elements.display_name.value = state.display_name || "";
    form.elements.weight.value = state.weight;
    form.elements.attempts_allowed.value = state.attempts_allowed;
    form.elements.digcomp_competences.value = (state.digcomp_competences || []).join(", ");
    MESSAGE_FIELDS.forEach(function (name) {
      if (state.message[name] !== undefined) { form.elements[name].value = state.message[name]; }
    });
    (state.message.parts || []).forEach(addPart);
    if (!list.children.length) { addPart({role: "plain", zone: "body"}); }
  }

  function collect() {
    var message = {};
    MESSAGE_FIELDS.forEach(function (name) { message[name] = form.elements[name].value; });
    message.parts = Array.prototype.map.call(list.children, function (item, index) {
      var part = {id: item.dataset.id || ("p" + (index + 1))};
      Array.prototype.forEach.call(item.querySelectorAll("[data-name]"), function (input) {
        part[input.dataset.name] = input.value;
      });
      return part;
    });
    return {
      display_name: form.elements.display_name.value,
      weight: Number(form.elements.weight.value || 0),
      attempts_allowed: parseInt(form.elements.attempts_allowed.value || "0", 10),
      digcomp_competences: form.elements.digcomp_competences.value,
      message: message
    };
  }

  function showError(text, field) {
    errorEl.textContent = text || "";
    if (field) {
      var match = /^parts\[(\d+)\]$/.exec(field);
      var target = match ? list.children[Number(match[1])] : form.elements[field];
      if (target && target.querySelector) { target = target.querySelector("textarea, input") || target; }
      if (target && target.focus) { target.setAttribute("aria-invalid", "true"); target.focus(); }
    }
  }

  function post(handler, data) {
    return fetch(runtime.handlerUrl(root, handler), {method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf()}, body: JSON.stringify(data)})
      .then(function (r) { return r.json().then(function (body) { return {ok: r.ok, body: body}; }); });
  }

  list.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    var item = button.closest("li");
    if (button.hasAttribute("data-remove")) {
      item.remove();
    } else if (button.dataset.move === "-1" && item.previousElementSibling) {
      list.insertBefore(item, item.previousElementSibling);
      button.focus();
    } else if (button.dataset.move === "1" && item.nextElementSibling) {
      list.insertBefore(item.nextElementSibling, item);
      button.focus();
    }
  });
  root.querySelector(".fd-mi-add").addEventListener("click", function () {
    addPart({role: "plain", zone: "body"}).querySelector("textarea").focus();
  });
  root.querySelector(".fd-mi-cancel").addEventListener("click", function () { notify("cancel", {}); });
  root.querySelector(".fd-mi-preview-button").addEventListener("click", function () {
    errorEl.textContent = "";
    post("studio_preview", collect()).then(function (r) {
      if (!r.ok) { showError(r.body.error, r.body.field); return; }
      preview.innerHTML = r.body.html;
      preview.focus();
    });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    errorEl.textContent = "";
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (n) { n.removeAttribute("aria-invalid"); });
    notify("save", {state: "start"});
    post("studio_save", collect()).then(function (r) {
      if (!r.ok) { notify("error", {title: r.body.error, message: r.body.error}); showError(r.body.error, r.body.field); return; }
      notify("save", {state: "end"});
    });
  });
  fill();
}

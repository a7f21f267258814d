/* Studio editor of the video pill. The form works without this script (every button posts it);
   the script does the same in the page: adds and removes checkpoints and options, shows the fields
   of the chosen kind, and saves through the same handler asking for JSON. */
function FdVideoPillEditor(runtime, element) {
  "use strict";
  var host = element && element.jquery ? element[0] : element;
  var root = host.querySelector(".fd-pill-editor");
  if (!root || root.getAttribute("data-ready")) { return; }
  root.setAttribute("data-ready", "1");
  var S = JSON.parse(root.getAttribute("data-state")).strings;
  var form = root.querySelector("form");
  var errorEl = root.querySelector(".fd-pill-editor__error");
  var statusEl = root.querySelector(".fd-pill-editor__status");
  var list = form.querySelector("[data-checkpoints]");
  var count = form.querySelector("[data-checkpoint-count]");
  var each = function (nodes, fn) { Array.prototype.forEach.call(nodes, fn); };
  root.querySelector(".fd-pill-editor__cancel").hidden = false;

  function fmt(text, p) { return text.replace(/\{(\w+)\}/g, function (m, k) { return p[k] !== undefined ? p[k] : m; }); }
  function fromTemplate(name, values) {
    var html = form.querySelector("[data-template=" + name + "]").innerHTML;
    Object.keys(values).forEach(function (k) { html = html.split(k).join(values[k]); });
    var holder = document.createElement("template");
    holder.innerHTML = html.trim();
    return holder.content.firstElementChild;
  }
  function setText(node, number) { node.textContent = fmt(S[node.getAttribute("data-text")], {number: number}); }
  function renumber() {
    each(list.querySelectorAll("[data-row=checkpoint]"), function (cp, i) {
      each(cp.querySelectorAll("[data-text]"), function (n) { if (!n.closest("[data-option]")) { setText(n, i + 1); } });
      each(cp.querySelectorAll("[data-option]"), function (option, j) {
        each(option.querySelectorAll("[data-text]"), function (n) { setText(n, j + 1); });
      });
    });
  }
  function syncKind(cp) {
    var kind = cp.querySelector("[data-kind]").value;
    cp.querySelector("[data-for-kind=choice]").hidden = kind === "truefalse";
    cp.querySelector("[data-for-kind=truefalse]").hidden = kind !== "truefalse";
    each(cp.querySelectorAll("[data-correct]"), function (box) { box.type = kind === "multiple" ? "checkbox" : "radio"; });
  }
  function addOption(cp) {
    var counter = cp.querySelector("[data-option-count]");
    var j = parseInt(counter.value, 10) || 0;
    counter.value = j + 1;
    var option = fromTemplate("option", {__I__: cp.getAttribute("data-index"), __J__: j, __M__: ""});
    cp.querySelector("[data-options]").appendChild(option);
    syncKind(cp);
    renumber();
    option.querySelector("input").focus();
  }
  function addCheckpoint() {
    var i = parseInt(count.value, 10) || 0;
    count.value = i + 1;
    var cp = fromTemplate("checkpoint", {__I__: i, __N__: ""});
    list.appendChild(cp);
    syncKind(cp);
    renumber();
    cp.querySelector("textarea").focus();
  }
  function remove(button) {
    var option = button.closest("[data-option]");
    var cp = button.closest("[data-row=checkpoint]");
    var next;
    if (option) {
      next = option.nextElementSibling || option.previousElementSibling;
      option.remove();
      next = next ? next.querySelector("input") : cp.querySelector("[data-add-option]");
    } else {
      next = cp.nextElementSibling || cp.previousElementSibling;
      cp.remove();
      next = next ? next.querySelector("textarea") : form.querySelector("[data-add-checkpoint]");
    }
    renumber();
    next.focus();
  }

  each(list.querySelectorAll("[data-row=checkpoint]"), syncKind);
  form.addEventListener("change", function (e) {
    if (e.target.hasAttribute("data-kind")) { syncKind(e.target.closest("[data-row=checkpoint]")); }
  });
  form.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("button[name=fd_action]");
    if (!button || button.value === "save") { return; }
    e.preventDefault();
    if (button.value === "add_checkpoint") { addCheckpoint(); } else if (button.hasAttribute("data-add-option")) {
      addOption(button.closest("[data-row=checkpoint]"));
    } else { remove(button); }
  });

  var sources = form.elements.sources;
  var duration = form.elements.duration;
  sources.addEventListener("change", function () {
    var first = sources.value.trim().split(/\s+/)[0];
    if (!first || duration.value) { return; }
    var probe = document.createElement("video");
    probe.preload = "metadata";
    probe.onloadedmetadata = function () { if (!duration.value) { duration.value = Math.round(probe.duration * 10) / 10; } };
    probe.src = first;
  });

  function showError(message, fieldName) {
    errorEl.textContent = message;
    errorEl.hidden = false;
    errorEl.focus();
    var target = fieldName && form.querySelector("[name=" + fieldName + "]");
    if (target) { target.setAttribute("aria-invalid", "true"); }
  }
  function notify(name, data) { if (runtime.notify) { runtime.notify(name, data); } }
  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  root.querySelector(".fd-pill-editor__cancel").addEventListener("click", function () { notify("cancel", {}); });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    each(form.querySelectorAll("[aria-invalid]"), function (n) { n.removeAttribute("aria-invalid"); });
    errorEl.hidden = true;
    var data = new FormData(form);
    data.set("fd_action", "save");
    statusEl.textContent = S.saving;
    notify("save", {state: "start"});
    fetch(form.action, {method: "POST", credentials: "same-origin", body: data,
      headers: {"Accept": "application/json", "X-CSRFToken": csrf()}})
      .then(function (r) { return r.json().then(function (j) { return {ok: r.ok, body: j}; }); })
      .then(function (r) {
        if (!r.ok) { statusEl.textContent = ""; notify("error", {title: r.body.error, message: r.body.error}); showError(r.body.error, r.body.field); return; }
        statusEl.textContent = S.saved;
        notify("save", {state: "end"});
      }).catch(function () { statusEl.textContent = ""; showError(S.networkError); });
  });
}

/* Studio editor of the video pill: builds the same JSON the OLX import validates. */
function FdVideoPillEditor(runtime, element) {
  "use strict";
  var host = element && element.jquery ? element[0] : element;
  var root = host.querySelector(".fd-pill-editor");
  if (!root || root.getAttribute("data-ready")) { return; }
  root.setAttribute("data-ready", "1");
  var state = JSON.parse(root.getAttribute("data-state"));
  var S = state.strings;
  var v = state.values;
  var form = root.querySelector("form");
  var errorEl = root.querySelector(".fd-pill-editor__error");
  var statusEl = root.querySelector(".fd-pill-editor__status");
  var count = 0;
  // Without this script the form posts its own fields (tracks as numbered rows, checkpoints as text);
  // with it, rows of fields replace those parts and the editor saves through JSON.
  Array.prototype.forEach.call(root.querySelectorAll("[data-fallback]"), function (n) { n.remove(); });
  Array.prototype.forEach.call(root.querySelectorAll("[data-add], .fd-pill-editor__cancel"), function (n) {
    n.hidden = false;
  });

  function field(name) { return form.elements[name]; }
  function fmt(text, p) { return text.replace(/\{(\w+)\}/g, function (m, k) { return p[k] !== undefined ? p[k] : m; }); }
  function clock(t) { t = Math.round(t * 1000) / 1000; var m = Math.floor(t / 60); var s = t - m * 60; return m + ":" + (s < 10 ? "0" : "") + s; }
  function seconds(text) {
    text = String(text).trim();
    if (!text) { return null; }
    var parts = text.split(":");
    var ok = parts.every(function (p) { return /^\d+(\.\d+)?$/.test(p); }) && parts.length <= 3;
    if (!ok) { throw new Error(fmt(S.badTime, {value: text})); }
    return parts.reduce(function (acc, p) { return acc * 60 + parseFloat(p); }, 0);
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function labelled(labelText, control) {
    var p = el("p");
    var id = "fdpe-x" + (++count);
    control.id = id;
    p.appendChild(el("label", {"for": id}, labelText));
    p.appendChild(control);
    return p;
  }
  function removeButton(row) {
    var b = el("button", {type: "button"}, S.remove);
    b.addEventListener("click", function () { row.remove(); });
    return b;
  }

  function addTrack(kind, item) {
    var rows = form.querySelector("[data-tracks=" + kind + "] .fd-pill-editor__rows");
    var row = el("div", {"class": "fd-pill-editor__row", "data-row": kind});
    var lang = el("input", {name: "lang", maxlength: "20", size: "6"});
    lang.value = item.lang || "";
    var text = el("textarea", {name: "text", rows: "4"});
    text.value = item.text || "";
    var file = el("input", {type: "file", accept: ".vtt,.srt,text/vtt"});
    file.addEventListener("change", function () {
      if (file.files[0]) { file.files[0].text().then(function (t) { text.value = t; }); }
    });
    row.appendChild(labelled(S.language, lang));
    row.appendChild(labelled(S.caption_text, text));
    row.appendChild(labelled(S.upload, file));
    row.appendChild(removeButton(row));
    rows.appendChild(row);
  }

  function addCheckpoint(cp) {
    var rows = form.querySelector(".fd-pill-editor__checkpoints .fd-pill-editor__rows");
    var row = el("fieldset", {"class": "fd-pill-editor__row", "data-row": "checkpoint"});
    row.appendChild(el("legend", {}, fmt(S.checkpoint, {number: rows.children.length + 1})));
    row.setAttribute("data-id", cp.id || "");
    var time = el("input", {name: "time", size: "8"});
    time.value = cp.time !== undefined ? clock(cp.time) : "";
    var kind = el("select", {name: "kind"});
    ["single", "multiple", "truefalse"].forEach(function (k) { kind.appendChild(el("option", {value: k}, S[k])); });
    kind.value = cp.kind || "single";
    var question = el("textarea", {name: "question", rows: "2"});
    question.value = cp.question || "";
    var options = el("textarea", {name: "options", rows: "3"});
    options.value = (cp.options || []).map(function (o) { return (o.correct ? "*" : "") + o.text; }).join("\n");
    var answer = el("select", {name: "answer"});
    answer.appendChild(el("option", {value: "true"}, S["true"]));
    answer.appendChild(el("option", {value: "false"}, S["false"]));
    answer.value = cp.answer === false ? "false" : "true";
    var good = el("textarea", {name: "feedback_correct", rows: "2"});
    good.value = cp.feedback_correct || "";
    var bad = el("textarea", {name: "feedback_incorrect", rows: "2"});
    bad.value = cp.feedback_incorrect || "";
    var review = el("input", {name: "review_from", size: "8"});
    review.value = cp.review_from !== null && cp.review_from !== undefined ? clock(cp.review_from) : "";
    var optionsRow = labelled(S.options, options);
    var answerRow = labelled(S.answer, answer);
    var sync = function () { optionsRow.hidden = kind.value === "truefalse"; answerRow.hidden = kind.value !== "truefalse"; };
    kind.addEventListener("change", sync);
    [labelled(S.time, time), labelled(S.kind, kind), labelled(S.question, question), optionsRow, answerRow,
      labelled(S.feedback_correct, good), labelled(S.feedback_incorrect, bad), labelled(S.review_from, review),
      removeButton(row)].forEach(function (n) { row.appendChild(n); });
    sync();
    rows.appendChild(row);
  }

  function collectTracks(kind) {
    return Array.prototype.map.call(form.querySelectorAll("[data-row=" + kind + "]"), function (row) {
      return {lang: row.querySelector("[name=lang]").value.trim(), text: row.querySelector("[name=text]").value};
    });
  }
  function collectCheckpoints() {
    return Array.prototype.map.call(form.querySelectorAll("[data-row=checkpoint]"), function (row) {
      var get = function (n) { return row.querySelector("[name=" + n + "]").value; };
      var cp = {time: seconds(get("time")), kind: get("kind"), question: get("question"),
        feedback_correct: get("feedback_correct"), feedback_incorrect: get("feedback_incorrect"),
        review_from: seconds(get("review_from"))};
      if (row.getAttribute("data-id")) { cp.id = row.getAttribute("data-id"); }
      if (cp.kind === "truefalse") { cp.answer = get("answer") === "true"; } else {
        cp.options = get("options").split("\n").filter(function (l) { return l.trim(); }).map(function (l) {
          l = l.trim();
          return {text: l.replace(/^\*\s*/, ""), correct: l.charAt(0) === "*"};
        });
      }
      return cp;
    });
  }
  function collectChapters() {
    var text = field("chapters").value;
    if (/^\s*WEBVTT/.test(text)) { return text; }
    return text.split("\n").filter(function (l) { return l.trim(); }).map(function (l) {
      var m = l.trim().match(/^(\S+)\s+(.+)$/);
      if (!m) { throw new Error(fmt(S.badTime, {value: l.trim()})); }
      return {start: seconds(m[1]), title: m[2]};
    });
  }
  function collect() {
    return {
      display_name: field("display_name").value,
      description: field("description").value,
      sources: field("sources").value.split("\n").filter(function (l) { return l.trim(); }).map(function (l) {
        var parts = l.trim().split(/\s+/);
        return {src: parts[0], label: parts.slice(1).join(" ")};
      }),
      hls_url: field("hls_url").value.trim(),
      youtube_id: field("youtube_id").value.trim(),
      poster: field("poster").value.trim(),
      duration: parseFloat(field("duration").value.replace(",", ".")),
      captions: collectTracks("captions"),
      descriptions: collectTracks("descriptions"),
      chapters: collectChapters(),
      checkpoints: collectCheckpoints(),
      completion_threshold: parseFloat(field("threshold").value) / 100,
      weight: parseFloat(field("weight").value),
      show_transcript: field("show_transcript").checked,
      digcomp_competences: Array.prototype.filter.call(form.querySelectorAll("[name=digcomp]"), function (c) {
        return c.checked;
      }).map(function (c) { return c.value; })
    };
  }
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

  field("display_name").value = v.display_name;
  field("description").value = v.description;
  field("sources").value = v.sources.map(function (s) { return (s.src + " " + (s.label || "")).trim(); }).join("\n");
  field("hls_url").value = v.hls_url;
  field("youtube_id").value = v.youtube_id;
  field("poster").value = v.poster;
  field("duration").value = v.duration || "";
  field("chapters").value = v.chapters.map(function (c) { return clock(c.start) + " " + c.title; }).join("\n");
  field("threshold").value = Math.round(v.completion_threshold * 100);
  field("weight").value = v.weight;
  field("show_transcript").checked = v.show_transcript;
  Array.prototype.forEach.call(form.querySelectorAll("[name=digcomp]"), function (c) {
    c.checked = v.digcomp_competences.indexOf(c.value) > -1;
  });
  v.captions.forEach(function (t) { addTrack("captions", t); });
  v.descriptions.forEach(function (t) { addTrack("descriptions", t); });
  v.checkpoints.forEach(addCheckpoint);

  field("sources").addEventListener("change", function () {
    var first = field("sources").value.trim().split(/\s+/)[0];
    if (!first || field("duration").value) { return; }
    var probe = document.createElement("video");
    probe.preload = "metadata";
    probe.onloadedmetadata = function () { if (!field("duration").value) { field("duration").value = Math.round(probe.duration * 10) / 10; } };
    probe.src = first;
  });
  form.addEventListener("click", function (e) {
    var add = e.target.getAttribute && e.target.getAttribute("data-add");
    if (add === "checkpoint") { addCheckpoint({}); } else if (add) { addTrack(add, {}); }
  });
  root.querySelector(".fd-pill-editor__cancel").addEventListener("click", function () { notify("cancel", {}); });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (n) { n.removeAttribute("aria-invalid"); });
    errorEl.hidden = true;
    var data;
    try { data = collect(); } catch (err) { showError(err.message); return; }
    statusEl.textContent = S.saving;
    notify("save", {state: "start"});
    fetch(state.saveUrl, {method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf()}, body: JSON.stringify(data)})
      .then(function (r) { return r.json().then(function (j) { return {ok: r.ok, body: j}; }); })
      .then(function (r) {
        if (!r.ok) { statusEl.textContent = ""; notify("error", {title: r.body.error, message: r.body.error}); showError(r.body.error, r.body.field); return; }
        statusEl.textContent = S.saved;
        notify("save", {state: "end"});
      }).catch(function () { statusEl.textContent = ""; showError(S.networkError); });
  });
}

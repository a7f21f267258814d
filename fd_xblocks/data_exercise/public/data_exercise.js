/* fd_data_exercise: the table through the table_rows handler, answers and hints as JSON. */
function FdDataExercise(runtime, element) {
  "use strict";
  var root = element.querySelector ? element : element[0];
  var box = root.querySelector(".fd-dx");
  if (!box) { return; }
  var stateNode = box.querySelector(".fd-dx-state");
  var state = JSON.parse(stateNode.textContent);
  var form = box.querySelector(".fd-dx-query");
  var status = box.querySelector(".fd-dx-status");
  var table = box.querySelector(".fd-dx-table");
  var pages = box.querySelector(".fd-dx-pages");
  var answerForm = box.querySelector(".fd-dx-answer");
  var feedback = box.querySelector(".fd-dx-feedback");
  var hintsBox = box.querySelector(".fd-dx-hints");
  var page = 1;

  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function post(url, body) {
    return fetch(url, {method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf()}, body: JSON.stringify(body)})
      .then(function (r) { return r.json().then(function (data) { data._status = r.status; return data; }); });
  }
  function query() {
    var params = new URLSearchParams();
    if (form) {
      new FormData(form).forEach(function (value, key) { if (value !== "") { params.append(key, value); } });
    }
    params.set("page", String(page));
    return params;
  }
  function sortLabel(column) {
    var th = table.querySelector('th a[data-column="' + CSS.escape(column) + '"]');
    return th ? th.parentNode.getAttribute("aria-sort") : "none";
  }
  function draw(data) {
    if (data.error) { status.textContent = data.error; return; }
    var headRow = table.tHead.rows[0];
    var focusedColumn = document.activeElement && document.activeElement.getAttribute("data-column");
    headRow.textContent = "";
    data.columns.forEach(function (col) {
      var th = el("th", {scope: "col", "aria-sort": col.sort});
      if (col.numeric) { th.className = "fd-dx-num"; }
      var link = el("a", {href: "#", "class": "fd-dx-sort", "data-column": col.name}, col.name);
      th.appendChild(link);
      headRow.appendChild(th);
    });
    var body = table.tBodies[0];
    body.textContent = "";
    data.rows.forEach(function (row) {
      var tr = el("tr");
      row.forEach(function (cell) {
        var td = el("td", cell.numeric ? {"class": "fd-dx-num"} : {}, cell.text);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    status.textContent = data.total ? format(state.strings.rows, {first: data.first, last: data.last, total: data.total})
      : state.strings.none;
    pages.textContent = "";
    if (data.page > 1) { pages.appendChild(el("a", {href: "#", "class": "fd-dx-page", "data-page": data.page - 1}, state.strings.previous)); }
    pages.appendChild(el("span", {}, format(state.strings.page, {page: data.page, pages: data.pages})));
    if (data.page < data.pages) { pages.appendChild(el("a", {href: "#", "class": "fd-dx-page", "data-page": data.page + 1}, state.strings.next)); }
    if (focusedColumn) {
      var again = table.querySelector('a[data-column="' + CSS.escape(focusedColumn) + '"]');
      if (again) { again.focus(); }
    }
  }
  function load() {
    return fetch(state.tableUrl + "?" + query().toString(), {credentials: "same-origin"})
      .then(function (r) { return r.json(); }).then(draw)
      .catch(function () { status.textContent = state.strings.error; });
  }
  if (form) {
    form.addEventListener("submit", function (event) { event.preventDefault(); page = 1; load(); });
  }
  if (table) {
    table.addEventListener("click", function (event) {
      var link = event.target.closest("a.fd-dx-sort");
      if (!link) { return; }
      event.preventDefault();
      var column = link.getAttribute("data-column");
      form.elements.sort.value = column;
      form.elements.dir.value = sortLabel(column) === "ascending" ? "desc" : "asc";
      page = 1;
      load();
    });
  }
  if (pages) {
    pages.addEventListener("click", function (event) {
      var link = event.target.closest("a.fd-dx-page");
      if (!link) { return; }
      event.preventDefault();
      page = parseInt(link.getAttribute("data-page"), 10);
      load().then(function () { status.focus && table.parentNode.focus(); });
    });
  }
  function showFeedback(data) {
    feedback.textContent = "";
    if (data.error) { feedback.appendChild(el("p", {"class": "fd-dx-verdict fd-dx-error"}, data.error)); return; }
    feedback.appendChild(el("p", {"class": "fd-dx-verdict fd-dx-" + data.verdict}, data.message));
    if (data.attempts_left !== null && data.attempts_left !== undefined) {
      feedback.appendChild(el("p", {"class": "fd-dx-attempts"}, format(state.strings.attempts, {left: data.attempts_left})));
    }
    feedback.appendChild(el("p", {"class": "fd-dx-score"}, format(state.strings.score, {score: Math.round(data.best_score * 100)})));
    if (data.solution) {
      var div = el("div", {"class": "fd-dx-solution"});
      div.appendChild(el("p", {}, format(state.strings.solution, {value: data.solution.value, rows: data.solution.rows})));
      var list = el("ul");
      data.solution.filters.forEach(function (part) { list.appendChild(el("li", {}, part)); });
      div.appendChild(list);
      feedback.appendChild(div);
    }
    if (data.finished) {
      answerForm.querySelectorAll("input, button").forEach(function (node) { node.disabled = true; });
    }
  }
  if (answerForm) {
    answerForm.hidden = false;
    answerForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var hint = event.submitter && event.submitter.value === "hint";
      if (hint) {
        post(state.hintUrl, {}).then(function (data) {
          if (data.error) { showFeedback(data); return; }
          var div = el("div", {"class": "fd-dx-hint"});
          div.appendChild(el("strong", {}, format(state.strings.hint, {number: data.number}) + " "));
          var text = el("span");
          text.innerHTML = data.text;  /* sanitised by the server (nh3) when the author saved it */
          div.appendChild(text);
          hintsBox.appendChild(div);
          var button = answerForm.querySelector(".fd-dx-hint-button");
          if (data.next_cost === null) { button.remove(); answerForm.elements.answer.focus(); }
          else { button.textContent = format(state.strings.hintButton, {cost: data.next_cost}); }
        }).catch(function () { showFeedback({error: state.strings.error}); });
        return;
      }
      post(state.answerUrl, {answer: answerForm.elements.answer.value}).then(showFeedback)
        .catch(function () { showFeedback({error: state.strings.error}); });
    });
  }
}

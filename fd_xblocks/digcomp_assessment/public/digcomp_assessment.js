/* DigComp self-assessment block: sends each answer to the block's handlers and shows what comes next.
   The server renders every panel (question, results), so this file only moves HTML and focus. */
function DigCompAssessmentBlock(runtime, element) {
  "use strict";
  var root = element.querySelector ? element : element[0];
  var body = root.querySelector(".fd-assess-body");
  var status = root.querySelector(".fd-assess-status");

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function show(html) {
    body.innerHTML = html;
    status.textContent = "";
    var target = body.querySelector("[role=alert], legend, h2, h3");
    if (target) {
      target.setAttribute("tabindex", "-1");
      target.focus();
    }
  }

  function call(handler, payload) {
    return fetch(runtime.handlerUrl(root, handler), {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken()},
      body: JSON.stringify(payload || {})
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) {
          throw new Error(data.error || response.statusText);
        }
        show(data.html);
      });
    }).catch(function (error) {
      status.textContent = error.message;
    });
  }

  body.addEventListener("submit", function (event) {
    var form = event.target;
    event.preventDefault();
    if (form.classList.contains("fd-question")) {
      var chosen = form.querySelector("input[name=value]:checked");
      call("answer", {
        item_id: form.querySelector("input[name=item_id]").value,
        version: form.querySelector("input[name=version]").value,
        value: chosen ? chosen.value : null
      });
    } else if (form.classList.contains("fd-submit")) {
      call("submit");
    } else if (form.classList.contains("fd-start")) {
      call("begin_attempt");
    } else if (form.classList.contains("fd-restart")) {
      call("restart");
    }
  });
}

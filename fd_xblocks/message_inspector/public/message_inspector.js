/* "Spot the scam": turns each markable part into a toggle button (aria-pressed) and checks the
   answer without reloading the page. Without this script the same form posts and works. */
function FdMessageInspector(runtime, element) {
  "use strict";
  var root = element.querySelector ? element : element[0];

  if (root.dataset.fdMiReady) { return; }  // a page may run the same initialiser twice
  root.dataset.fdMiReady = "1";
  function csrfToken(form) {
    var field = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    if (field && field.value) { return field.value; }
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function block() { return root.querySelector(".fd-mi"); }
  function live() { return root.querySelector(".fd-mi-live"); }

  function enhance() {
    var parts = root.querySelectorAll("label.fd-mi-part");
    Array.prototype.forEach.call(parts, function (label) {
      var box = label.querySelector("input.fd-mi-check");
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className + " fd-mi-toggle";
      button.setAttribute("aria-pressed", box.checked ? "true" : "false");
      button.innerHTML = label.querySelector(".fd-mi-text").innerHTML;
      box.hidden = true;
      button.addEventListener("click", function () {
        box.checked = !box.checked;
        button.setAttribute("aria-pressed", box.checked ? "true" : "false");
      });
      label.parentNode.insertBefore(box, label);
      label.parentNode.replaceChild(button, label);
    });
    var form = root.querySelector("form.fd-mi-form");
    if (form) { form.addEventListener("submit", submit); }
  }

  function show(html, focusResult) {
    var holder = document.createElement("div");
    holder.innerHTML = html;
    block().replaceWith(holder.firstElementChild);
    enhance();
    var target = focusResult ? root.querySelector(".fd-mi-result") : root.querySelector(".fd-mi-toggle, .fd-mi-how");
    if (target) {
      if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
      target.focus();
    }
  }

  function submit(event) {
    var form = event.target;
    var again = event.submitter && event.submitter.value === "again";
    event.preventDefault();
    var payload = {};
    if (!again) {
      var chosen = form.querySelector("input[name=action]:checked");
      if (!chosen) {
        live().textContent = form.querySelector(".fd-mi-actions legend").textContent;
        form.querySelector("input[name=action]").focus();
        return;
      }
      payload = {
        action: chosen.value,
        marked: Array.prototype.map.call(form.querySelectorAll("input.fd-mi-check:checked"), function (box) {
          return box.value;
        })
      };
    }
    fetch(runtime.handlerUrl(root, again ? "try_again" : "inspect_submit"), {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken(form)},
      body: JSON.stringify(payload)
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data.error || response.statusText); }
        show(data.html, !again);
      });
    }).catch(function (error) {
      live().textContent = error.message;
    });
  }

  enhance();
}

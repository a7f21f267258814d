/* The city tour: turns the text tour into a guided tour, one stop at a time.
 * Without this script the block is a complete text tour with plain form posts. */
function FdCityTour(runtime, element) {
  "use strict";
  var root = element.querySelector ? element : element[0];
  var tour = root.querySelector(".fd-tour");
  var stateNode = root.querySelector(".fd-tour__state");
  if (!tour || !stateNode) { return; }
  var state = JSON.parse(stateNode.textContent);
  var S = state.strings;
  var live = tour.querySelector("[data-role=progress]");
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var viewerModules = null;
  var viewer = null;

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? values[k] : m; });
  }
  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function post(url, data) {
    return fetch(url, {method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf()}, body: JSON.stringify(data)})
      .then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) { throw new Error(body.error || r.statusText); }
          return body;
        });
      });
  }
  function announce(text) { live.textContent = text; }
  function scenes() { return Array.prototype.slice.call(tour.querySelectorAll(".fd-tour__scene")); }
  function sceneData(id) {
    for (var i = 0; i < state.scenes.length; i++) { if (state.scenes[i].id === id) { return state.scenes[i]; } }
    return null;
  }
  function indexOf(id) { return state.scenes.indexOf(sceneData(id)); }

  function applyProgress(body) {
    state.visited = body.visited; state.found = body.found; state.completed = body.completed;
    tour.querySelectorAll(".fd-tour__stop").forEach(function (li) {
      var done = state.visited.indexOf(li.getAttribute("data-stop")) >= 0;
      li.classList.toggle("is-visited", done);
    });
    var summary = body.summary;
    [["stops", summary.stops], ["answers", summary.answers], ["finds", summary.finds],
     ["completion", summary.completion]].forEach(function (pair) {
      var node = tour.querySelector("[data-role=summary-" + pair[0] + "]");
      if (node) { node.textContent = pair[1]; }
    });
  }

  function show(id, options) {
    options = options || {};
    var target = null;
    scenes().forEach(function (article) {
      var on = article.getAttribute("data-scene") === id;
      article.hidden = !on;
      if (on) { target = article; }
    });
    if (!target) { return; }
    tour.querySelector("[data-role=summary]").hidden = true;
    state.current = id;
    tour.querySelectorAll(".fd-tour__stops a").forEach(function (a) {
      if (a.getAttribute("data-go") === id) { a.setAttribute("aria-current", "step"); }
      else { a.removeAttribute("aria-current"); }
    });
    var data = sceneData(id);
    var number = indexOf(id) + 1;
    if (options.focus !== false) { target.focus({preventScroll: false}); }
    if (state.preview) { return; }
    post(state.visitUrl, {scene: id}).then(function (body) {
      applyProgress(body);
      announce(fill(S.arrived, {number: number, total: state.scenes.length, title: data.title}) + " " +
               body.progress + (body.completed && !options.wasComplete ? ". " + S.complete : ""));
    }).catch(function (error) { announce(fill(S.error, {message: error.message})); });
    if (data.kind === "360") { openViewer(target, data, options.yaw); } else { closeViewer(); }
  }

  function showSummary() {
    scenes().forEach(function (article) { article.hidden = true; });
    closeViewer();
    var summary = tour.querySelector("[data-role=summary]");
    summary.hidden = false;
    summary.focus();
    announce(S.summary);
  }

  /* ---- the 360° viewer (Photo Sphere Viewer, loaded the first time a 360° stop is shown) ---- */
  function loadViewer() {
    if (!viewerModules) {
      state.viewer.css.forEach(function (href) {
        var link = document.createElement("link");
        link.rel = "stylesheet"; link.href = href; document.head.appendChild(link);
      });
      viewerModules = Promise.all(state.viewer.js.map(function (src) { return import(src); }));
    }
    return viewerModules;
  }
  function closeViewer() {
    if (viewer) { viewer.destroy(); viewer = null; }
    tour.querySelectorAll("[data-role=viewer]").forEach(function (box) { box.hidden = true; box.innerHTML = ""; });
  }
  function degrees(value) { return (value || 0) + "deg"; }
  function openViewer(article, data, yaw) {
    closeViewer();
    var box = article.querySelector("[data-role=viewer]");
    var image = article.querySelector(".fd-tour__image");
    loadViewer().then(function (modules) {
      if (state.current !== data.id) { return; }
      var core = modules[0], markers = modules[1];
      box.hidden = false;
      box.setAttribute("role", "application");
      box.setAttribute("tabindex", "0");
      box.setAttribute("aria-label", fill(S.viewer, {title: data.title}));
      viewer = new core.Viewer({
        container: box, panorama: image.currentSrc || image.src,
        defaultYaw: degrees(yaw !== undefined && yaw !== null ? yaw : data.startYaw), defaultPitch: 0,
        navbar: ["zoom", "move", "fullscreen"], mousewheel: false, keyboard: false, loadingTxt: "",
        moveInertia: !reduceMotion,
        plugins: [[markers.MarkersPlugin, {markers: data.hotspots.map(function (h, i) {
          return {id: h.id, position: {yaw: degrees(h.yaw), pitch: degrees(h.pitch)},
                  html: "<span class='fd-tour__marker fd-tour__marker--" + h.kind + "'>" + (i + 1) + "</span>",
                  tooltip: h.label, anchor: "center center"};
        })}]]
      });
      box.setAttribute("data-ready", "true");
      viewer.getPlugin(markers.MarkersPlugin).addEventListener("select-marker", function (e) {
        activateHotspot(e.marker.id);
      });
    }).catch(function () {
      box.hidden = true;
      article.querySelector(".fd-tour__caption").textContent = S.viewerFailed;
    });
  }
  function pan(event) {
    if (!viewer) { return; }
    var step = 0.2, pos = viewer.getPosition();
    var moves = {ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step]};
    var move = moves[event.key];
    if (!move) { return; }
    event.preventDefault();
    viewer.rotate({yaw: pos.yaw + move[0], pitch: Math.max(-1.5, Math.min(1.5, pos.pitch + move[1]))});
  }

  /* ---- hotspots ---- */
  function activateHotspot(id) {
    var item = tour.querySelector("#" + CSS.escape(state.uid + "-h-" + id));
    if (!item) { return; }
    var details = item.querySelector("details");
    if (details) { details.open = true; }
    var find = item.querySelector("[data-form=find]");
    if (find) { submitFind(find); }
    var goto = item.querySelector("[data-form=go] button");
    item.focus();
    if (goto) { goto.focus(); }
  }
  function submitFind(form) {
    var id = form.querySelector("[name=hotspot]").value;
    post(state.visitUrl, {found: id}).then(function (body) {
      applyProgress(body);
      form.hidden = true;
      var label = form.parentNode.querySelector(".fd-tour__find-state");
      label.textContent = fill(S.found, {label: form.parentNode.querySelector("p").textContent.replace(/^[^:]*:\s*/, "")});
      announce(label.textContent);
    }).catch(function (error) { announce(fill(S.error, {message: error.message})); });
  }
  function submitAnswer(form) {
    var chosen = Array.prototype.map.call(form.querySelectorAll("[name=option]:checked"),
      function (input) { return parseInt(input.value, 10); });
    var feedback = form.querySelector("[data-role=feedback]");
    post(state.answerUrl, {hotspot: form.getAttribute("data-hotspot"), answer: chosen}).then(function (body) {
      applyProgress(body);
      feedback.classList.toggle("is-right", body.correct);
      feedback.innerHTML = "";
      var verdict = document.createElement("p");
      var strong = document.createElement("strong");
      strong.textContent = body.verdict; verdict.appendChild(strong);
      feedback.appendChild(verdict);
      var text = document.createElement("div");
      text.innerHTML = body.feedback; /* sanitised by the server (nh3) */
      feedback.appendChild(text);
    }).catch(function (error) { feedback.textContent = error.message; });
  }

  tour.addEventListener("submit", function (event) {
    var form = event.target;
    var kind = form.getAttribute("data-form");
    if (!kind || state.preview && kind !== "answer") { if (state.preview) { event.preventDefault(); } return; }
    event.preventDefault();
    if (kind === "go") {
      var then = form.querySelector("[name=then]");
      if (then) { showSummary(); return; }
      var hotspot = form.querySelector("[name=seen]") && form.closest(".fd-tour__hotspot");
      var target = form.querySelector("[name=scene]").value;
      var arrive = null;
      if (hotspot) {
        var sceneId = form.closest(".fd-tour__scene").getAttribute("data-scene");
        sceneData(sceneId).hotspots.forEach(function (h) {
          if (h.id === hotspot.id.slice((state.uid + "-h-").length)) { arrive = h.arriveYaw; }
        });
      }
      show(target, {yaw: arrive, wasComplete: state.completed});
    } else if (kind === "find") { submitFind(form); } else if (kind === "answer") { submitAnswer(form); }
  });
  tour.addEventListener("click", function (event) {
    var go = event.target.closest("[data-go]");
    var action = event.target.closest("[data-action]");
    var pin = event.target.closest("[data-pin]");
    if (go) { event.preventDefault(); show(go.getAttribute("data-go"), {wasComplete: state.completed}); }
    else if (action && action.tagName !== "BUTTON" || action && action.type === "button") {
      event.preventDefault();
      if (action.getAttribute("data-action") === "home") { show(state.scenes[0].id, {wasComplete: state.completed}); }
      else { showSummary(); }
    } else if (pin) { event.preventDefault(); activateHotspot(pin.getAttribute("data-pin")); }
  });
  tour.addEventListener("keydown", function (event) {
    if (event.target.getAttribute && event.target.getAttribute("data-role") === "viewer") { pan(event); }
  });

  tour.classList.add("is-guided");
  tour.querySelector("[data-role=tools]").hidden = false;
  show(state.current || state.scenes[0].id, {focus: false, wasComplete: state.completed});
}

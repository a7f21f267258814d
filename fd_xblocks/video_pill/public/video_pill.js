/* Video pill player: accessible controls, transcript, checkpoints and honest progress reports. */
function FdVideoPill(runtime, element) {
  "use strict";
  var host = element && element.jquery ? element[0] : element;
  var root = host.classList && host.classList.contains("fd-pill") ? host : host.querySelector(".fd-pill");
  if (!root || root.getAttribute("data-ready")) { return; }
  root.setAttribute("data-ready", "1");
  var state = JSON.parse(root.querySelector(".fd-pill__state").textContent);
  var S = state.strings;
  var $ = function (sel) { return root.querySelector(sel); };
  var statusEl = $(".fd-pill__status");
  var controls = $(".fd-pill__controls");
  var playBtn = controls.querySelector("[data-action=play]");
  var seek = $(".fd-pill__seek");
  var timeEl = $(".fd-pill__time");
  var speedSel = $(".fd-pill__speed");
  var ccSel = $(".fd-pill__cc");
  var transcript = $(".fd-pill__transcript");
  var cueList = $(".fd-pill__cues");
  var panel = $(".fd-pill__checkpoint");
  var captionLine = $(".fd-pill__caption-line");
  var pending = [];
  var segStart = null;
  var lastT = 0;
  var reportTimer = null;
  var shown = {};
  var describing = false;
  var captionChosen = false;
  var cues = {captions: [], descriptions: []};
  var activeDescription = null;
  var currentCheckpoint = null;

  function fmt(text, params) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return params[k] !== undefined ? params[k] : m; });
  }
  function clock(t) {
    t = Math.max(0, Math.floor(t || 0));
    return Math.floor(t / 60) + ":" + ("0" + (t % 60)).slice(-2);
  }
  function announce(text) {
    statusEl.textContent = "";
    window.setTimeout(function () { statusEl.textContent = text; }, 60);
  }
  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function post(url, body, keepalive) {
    return fetch(url, {
      method: "POST", credentials: "same-origin", keepalive: !!keepalive,
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf()},
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (j) { return {ok: r.ok, status: r.status, body: j}; });
    });
  }
  function track(name, fields) {
    fields = fields || {};
    fields.code = state.code;
    post(state.eventUrl, {event_type: name, event: fields}).catch(function () {});
  }

  var media = state.code === "youtube" ? FdVideoPillMedia.youtube($(".fd-pill__youtube"))
    : FdVideoPillMedia.html5($("video"), state.hlsJsUrl);
  controls.hidden = false;
  // Without JavaScript the transcript is always shown; the player opens it only if the author asked.
  if (transcript && transcript.hasAttribute("data-closed")) { transcript.hidden = true; }

  /* ---- captions and transcript (our normalised WebVTT, fetched once per language) ---- */
  // Each track is fetched once; the page already holds the transcript's cues of its language.
  var fetched = {};
  if (cueList && state.transcriptLanguage) {
    fetched["captions:" + state.transcriptLanguage] = Promise.resolve(
      Array.prototype.map.call(cueList.querySelectorAll(".fd-pill__cue"), function (b) {
        return {start: parseFloat(b.getAttribute("data-seek")), end: parseFloat(b.getAttribute("data-end")),
                text: b.lastChild.textContent};
      }));
  }
  function load(kind, lang) {
    var url = state.tracks[kind][lang];
    if (!url) { cues[kind] = []; return Promise.resolve([]); }
    var key = kind + ":" + lang;
    if (!fetched[key]) {
      fetched[key] = fetch(url, {credentials: "same-origin"}).then(function (r) { return r.text(); })
        .then(function (text) { return FdVideoPillMedia.parseVtt(text); });
    }
    return fetched[key].then(function (list) { cues[kind] = list; return list; });
  }
  function buildTranscript(list) {
    if (!cueList) { return; }
    cueList.textContent = "";
    list.forEach(function (cue) {
      var li = document.createElement("li");
      var b = document.createElement("button");
      b.type = "button";
      b.className = "fd-pill__cue";
      b.setAttribute("data-seek", cue.start);
      b.textContent = cue.text;
      var t = document.createElement("span");
      t.className = "fd-pill__sr";
      t.textContent = fmt(S.at, {time: clock(cue.start)}) + ": ";
      b.insertBefore(t, b.firstChild);
      li.appendChild(b);
      cueList.appendChild(li);
    });
  }
  function setCaptions(lang, quiet) {
    media.showCaptions(lang);
    var transcriptLang = lang || (ccSel && ccSel.options.length > 1 ? ccSel.options[1].value : "");
    if (transcriptLang) {
      load("captions", transcriptLang).then(function (list) {
        if (cueList && cueList.getAttribute("data-lang") !== transcriptLang) {
          buildTranscript(list);
          cueList.setAttribute("data-lang", transcriptLang);
        }
      });
    }
    if (!quiet) {
      announce(lang ? fmt(S.captionsOn, {language: ccSel.options[ccSel.selectedIndex].text}) : S.captionsOff);
      track(lang ? "edx.video.closed_captions.shown" : "edx.video.closed_captions.hidden",
            {current_time: media.time(), language: lang});
    }
  }
  function highlight(t) {
    var list = cues.captions;
    var index = -1;
    for (var i = 0; i < list.length; i++) { if (t >= list[i].start && t < list[i].end) { index = i; break; } }
    if (captionLine) { captionLine.textContent = ccSel && ccSel.value && index > -1 ? list[index].text : ""; }
    if (!cueList) { return; }
    var old = cueList.querySelector("[aria-current]");
    var now = index > -1 ? cueList.children[index] : null;
    if (old && old !== now) { old.removeAttribute("aria-current"); }
    if (now && old !== now) {
      now.setAttribute("aria-current", "true");
      if (!transcript.hidden && !transcript.contains(document.activeElement)) {
        cueList.scrollTop = now.offsetTop - cueList.offsetTop - 20;
      }
    }
  }
  function describe(t) {
    if (!describing) { return; }
    var cue = cues.descriptions.find(function (c) { return t >= c.start && t < c.end; });
    if (!cue || cue === activeDescription) { return; }
    activeDescription = cue;
    $(".fd-pill__described").textContent = cue.text;
    if (window.speechSynthesis && window.SpeechSynthesisUtterance) {
      var u = new window.SpeechSynthesisUtterance(cue.text);
      u.lang = state.descriptionLanguage;
      var resumed = false;
      var resume = function () { if (!resumed) { resumed = true; media.play(); } };
      media.pause();
      u.onend = resume;
      // Some browsers never end an utterance (no voice installed): do not leave the video paused.
      window.setTimeout(resume, Math.max(2500, cue.text.length * 90));
      window.speechSynthesis.speak(u);
    }
  }

  /* ---- honest progress: only intervals actually played are reported ---- */
  function closeSegment(end) {
    if (segStart !== null && end > segStart) { pending.push([segStart, end]); }
    segStart = null;
  }
  function showProgress(body) {
    var text = body.completed ? S.complete : fmt(S.watchedPercent, {percent: Math.floor(body.coverage * 100)});
    $(".fd-pill__progress-text").textContent = text;
    $(".fd-pill__progress progress").value = Math.floor(body.coverage * 100);
    if (body.completed && !state.completed) { state.completed = true; announce(S.complete); }
  }
  var inflight = Promise.resolve();
  function send(keepalive) {
    var sent = pending;
    pending = [];
    return post(state.progressUrl, {
      intervals: sent, position: media.time(), speed: media.rate(), caption_language: ccSel ? ccSel.value : "",
      caption_chosen: captionChosen
    }, keepalive).then(function (r) {
      if (r.ok) { showProgress(r.body); }
    }).catch(function () { pending = sent.concat(pending); announce(S.networkError); });
  }
  function report(keepalive) {
    if (!media.paused() && segStart !== null) { var t = media.time(); closeSegment(t); segStart = t; }
    // One report at a time: the server merges each into the stored intervals.
    inflight = inflight.then(function () { return send(keepalive); });
    return inflight;
  }

  /* ---- checkpoints ---- */
  function openCheckpoint(cp) {
    currentCheckpoint = cp;
    shown[cp.id] = true;
    media.pause();
    var form = panel.querySelector("form");
    panel.querySelector(".fd-pill__cp-question").innerHTML = cp.question;
    var box = panel.querySelector(".fd-pill__cp-options");
    box.textContent = "";
    cp.options.forEach(function (text, i) {
      var id = root.id + "-cp-" + cp.id + "-" + i;
      var p = document.createElement("p");
      var input = document.createElement("input");
      input.type = cp.kind === "multiple" ? "checkbox" : "radio";
      input.name = root.id + "-answer";
      input.value = i;
      input.id = id;
      var label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = text;
      p.appendChild(input);
      p.appendChild(label);
      box.appendChild(p);
    });
    form.hidden = false;
    panel.querySelector(".fd-pill__cp-feedback").textContent = "";
    panel.querySelector("[data-action=review]").hidden = true;
    panel.hidden = false;
    announce(fmt(S.checkpoint, {time: clock(cp.time)}));
    panel.querySelector(".fd-pill__cp-title").focus();
  }
  function closeCheckpoint(resume) {
    panel.hidden = true;
    currentCheckpoint = null;
    playBtn.focus();
    if (resume) { media.play(); }
  }
  panel.querySelector("form").addEventListener("submit", function (e) {
    e.preventDefault();
    var chosen = Array.prototype.filter.call(panel.querySelectorAll("input"), function (i) { return i.checked; })
      .map(function (i) { return parseInt(i.value, 10); });
    var feedback = panel.querySelector(".fd-pill__cp-feedback");
    if (!chosen.length) { feedback.textContent = S.chooseAnswer; return; }
    var cp = currentCheckpoint;
    // The server accepts an answer once the watched intervals reach the question: send them first.
    inflight.then(function () { return post(state.answerUrl, {checkpoint: cp.id, answer: chosen}); }).then(function (r) {
      if (!r.ok) { feedback.textContent = r.body.error; return; }
      cp.answered = true;
      cp.correct = r.body.correct;
      feedback.innerHTML = "";
      var strong = document.createElement("strong");
      strong.textContent = r.body.correct ? S.correct : S.incorrect;
      feedback.appendChild(strong);
      var more = document.createElement("div");
      more.innerHTML = r.body.feedback || "";
      feedback.appendChild(more);
      var review = panel.querySelector("[data-action=review]");
      if (r.body.review_from !== null && r.body.review_from !== undefined) {
        review.textContent = fmt(S.review, {time: clock(r.body.review_from)});
        review.setAttribute("data-seek", r.body.review_from);
        review.hidden = false;
      }
    }).catch(function () { feedback.textContent = S.networkError; });
  });
  panel.querySelector("[data-action=continue]").addEventListener("click", function () { closeCheckpoint(true); });
  panel.querySelector("[data-action=review]").addEventListener("click", function (e) {
    var to = parseFloat(e.currentTarget.getAttribute("data-seek"));
    track("seek_video", {old_time: media.time(), new_time: to, type: "onCheckpointReview"});
    if (currentCheckpoint) { delete shown[currentCheckpoint.id]; }
    media.seek(to);
    closeCheckpoint(true);
  });
  panel.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { e.stopPropagation(); closeCheckpoint(false); }
  });

  /* ---- media events ---- */
  function metadataLoaded() {
    if (state.position > 1) { media.seek(state.position); announce(fmt(S.resumed, {time: clock(state.position)})); }
    media.rate(state.speed);
    track("load_video", {});
  }
  if (media.el.readyState >= 1) { metadataLoaded(); } else { media.on("loadedmetadata", metadataLoaded); }
  media.on("playing", function () {
    segStart = media.time();
    lastT = segStart;
    playBtn.setAttribute("aria-label", S.pause);
    playBtn.firstChild.textContent = "\u275A\u275A";
    track("play_video", {currentTime: Math.min(segStart, state.duration)});
    if (!reportTimer) { report(); reportTimer = window.setInterval(report, 10000); }
  });
  function stopped(name) {
    return function () {
      closeSegment(lastT);
      playBtn.setAttribute("aria-label", S.play);
      playBtn.firstChild.textContent = "\u25B6";
      window.clearInterval(reportTimer);
      reportTimer = null;
      track(name, {currentTime: media.time()});
      report();
    };
  }
  media.on("pause", stopped("pause_video"));
  media.on("ended", stopped("stop_video"));
  media.on("seeking", function () { closeSegment(lastT); });
  media.on("seeked", function () { lastT = media.time(); if (!media.paused()) { segStart = lastT; } });
  media.on("timeupdate", function () {
    var t = media.time();
    if (segStart !== null && (t < lastT || t - lastT > 1.5 * media.rate() + 1)) {
      closeSegment(lastT);
      segStart = media.paused() ? null : t;
    } else if (!media.paused()) {
      state.checkpoints.forEach(function (cp) {
        if (!cp.correct && !shown[cp.id] && lastT < cp.time && t >= cp.time && !currentCheckpoint) {
          closeSegment(cp.time);
          openCheckpoint(cp);
        }
      });
    }
    lastT = t;
    if (seekFrom === null) { seek.value = Math.floor(t); }
    seek.setAttribute("aria-valuetext", fmt(S.positionValue, {time: clock(t), total: clock(state.duration)}));
    timeEl.textContent = clock(t) + " / " + clock(state.duration);
    highlight(t);
    describe(t);
  });

  /* ---- controls ---- */
  function toggle() { if (media.paused()) { media.play(); announce(S.playing); } else { media.pause(); announce(S.paused); } }
  function jump(to, type) {
    to = Math.max(0, Math.min(to, state.duration));
    track("seek_video", {old_time: Math.min(media.time(), state.duration), new_time: to, type: type});
    media.seek(to);
    announce(fmt(S.at, {time: clock(to)}));
  }
  function setSpeed(value) {
    var old = media.rate();
    media.rate(value);
    speedSel.value = String(value);
    announce(fmt(S.speedIs, {speed: speedSel.options[speedSel.selectedIndex].text}));
    track("speed_change_video", {current_time: media.time(), old_speed: old, new_speed: value});
  }
  function toggleTranscript() {
    if (!transcript) { return; }
    transcript.hidden = !transcript.hidden;
    controls.querySelector("[data-action=transcript]").setAttribute("aria-expanded", String(!transcript.hidden));
    announce(transcript.hidden ? S.transcriptHidden : S.transcriptShown);
    track(transcript.hidden ? "hide_transcript" : "show_transcript", {current_time: media.time()});
  }
  var actions = {
    play: toggle,
    back: function () { jump(media.time() - 5, "onKeyboardSeek"); },
    forward: function () { jump(media.time() + 5, "onKeyboardSeek"); },
    mute: function () {
      var m = media.muted(!media.muted());
      controls.querySelector("[data-action=mute]").setAttribute("aria-pressed", String(m));
      announce(m ? S.muted : S.unmuted);
    },
    transcript: toggleTranscript,
    describe: function () {
      describing = !describing;
      controls.querySelector("[data-action=describe]").setAttribute("aria-pressed", String(describing));
      if (describing) { load("descriptions", state.descriptionLanguage); }
      announce(describing ? S.describing : S.notDescribing);
    },
    fullscreen: function () {
      var stage = $(".fd-pill__stage");
      if (document.fullscreenElement) { document.exitFullscreen(); } else if (stage.requestFullscreen) { stage.requestFullscreen(); }
    }
  };
  controls.addEventListener("click", function (e) {
    var b = e.target.closest("[data-action]");
    if (b && actions[b.getAttribute("data-action")]) { actions[b.getAttribute("data-action")](); }
  });
  var seekFrom = null;
  seek.addEventListener("input", function () {
    // Scrubbing (mouse or keys) moves the video at once; one seek_video event when it settles.
    if (seekFrom === null) { seekFrom = Math.min(media.time(), state.duration); }
    media.seek(parseFloat(seek.value));
  });
  seek.addEventListener("change", function () {
    var to = parseFloat(seek.value);
    track("seek_video", {old_time: seekFrom === null ? media.time() : seekFrom, new_time: to, type: "onSlideSeek"});
    seekFrom = null;
    media.seek(to);
    announce(fmt(S.at, {time: clock(to)}));
  });
  speedSel.addEventListener("change", function () { setSpeed(parseFloat(speedSel.value)); });
  if (ccSel) {
    ccSel.addEventListener("change", function () {
      // The learner's own pick: saved at once, and kept whatever the site's language later.
      captionChosen = true;
      setCaptions(ccSel.value, false);
      report();
    });
  }
  var qualitySel = $(".fd-pill__quality");
  if (qualitySel) {
    qualitySel.addEventListener("change", function () {
      // Another file of the same video: carry on from the same moment, playing if it was.
      var at = media.time();
      var wasPlaying = !media.paused();
      var video = media.el;
      closeSegment(lastT);
      video.src = qualitySel.value;
      video.addEventListener("loadedmetadata", function once() {
        video.removeEventListener("loadedmetadata", once);
        media.seek(at);
        media.rate(parseFloat(speedSel.value));
        if (wasPlaying) { media.play(); }
      });
    });
  }
  root.addEventListener("click", function (e) {
    var b = e.target.closest(".fd-pill__cue, .fd-pill__link");
    if (b) { e.preventDefault(); jump(parseFloat(b.getAttribute("data-seek")), b.classList.contains("fd-pill__cue") ? "onCaptionSeek" : "onChapterSeek"); }
  });
  root.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || !panel.hidden) { return; }
    var tag = e.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || (tag === "BUTTON" && (e.key === " " || e.key === "Enter"))) { return; }
    var speeds = Array.prototype.map.call(speedSel.options, function (o) { return parseFloat(o.value); });
    var i = speeds.indexOf(media.rate());
    var keys = {
      " ": toggle, k: toggle, j: actions.back, ArrowLeft: actions.back, l: actions.forward, ArrowRight: actions.forward,
      m: actions.mute, t: toggleTranscript, f: actions.fullscreen,
      "<": function () { if (i > 0) { setSpeed(speeds[i - 1]); } },
      ">": function () { if (i < speeds.length - 1) { setSpeed(speeds[i + 1]); } },
      c: function () {
        if (!ccSel) { return; }
        ccSel.selectedIndex = ccSel.value ? 0 : Math.max(1, state.defaultCaptionIndex || 1);
        setCaptions(ccSel.value, false);
      }
    };
    if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && (pending.length || segStart !== null)) { report(true); }
  });

  if (ccSel) { setCaptions(ccSel.value, true); }
}

/* Video pill: the media adapters (HTML5 <video> with lazy HLS, YouTube privacy-enhanced embed)
 * behind one small interface, and the parser of our normalised WebVTT. Used by video_pill.js. */
var FdVideoPillMedia = (function () {
  "use strict";
  function html5Media(video, hlsJsUrl) {
    var hls = video.getAttribute("data-hls");
    if (hls && !video.querySelector("source")) {
      if (video.canPlayType("application/vnd.apple.mpegurl")) {
        video.src = hls;
      } else {
        var script = document.createElement("script");
        script.src = hlsJsUrl;
        script.onload = function () {
          var player = new window.Hls();
          player.loadSource(hls);
          player.attachMedia(video);
        };
        document.head.appendChild(script);
      }
    }
    video.removeAttribute("controls");
    return {
      el: video,
      time: function () { return video.currentTime; },
      seek: function (t) { video.currentTime = Math.max(0, Math.min(t, video.duration || t)); },
      play: function () { var p = video.play(); if (p && p.catch) { p.catch(function () {}); } },
      pause: function () { video.pause(); },
      paused: function () { return video.paused; },
      rate: function (r) { if (r) { video.playbackRate = r; } return video.playbackRate; },
      muted: function (m) { if (m !== undefined) { video.muted = m; } return video.muted; },
      on: function (name, fn) { video.addEventListener(name, fn); },
      showCaptions: function (lang) {
        Array.prototype.forEach.call(video.textTracks, function (t) {
          if (t.kind === "captions" || t.kind === "subtitles") {
            t.mode = t.language === lang ? "showing" : "disabled";
          }
        });
      }
    };
  }

  function youtubeMedia(box) {
    var player = null;
    var listeners = {};
    var poll = null;
    var fire = function (name) { (listeners[name] || []).forEach(function (fn) { fn(); }); };
    var api = {
      el: box,
      time: function () { return player && player.getCurrentTime ? player.getCurrentTime() : 0; },
      seek: function (t) { if (player) { player.seekTo(t, true); fire("seeked"); } },
      play: function () { if (player) { player.playVideo(); } },
      pause: function () { if (player) { player.pauseVideo(); } },
      paused: function () { return !player || player.getPlayerState() !== 1; },
      rate: function (r) { if (r && player) { player.setPlaybackRate(r); } return player ? player.getPlaybackRate() : 1; },
      muted: function (m) {
        if (player && m !== undefined) { if (m) { player.mute(); } else { player.unMute(); } }
        return player ? player.isMuted() : false;
      },
      on: function (name, fn) { (listeners[name] = listeners[name] || []).push(fn); },
      showCaptions: function () {}
    };
    var mount = document.createElement("div");
    box.textContent = "";
    box.appendChild(mount);
    var start = function () {
      player = new window.YT.Player(mount, {
        host: "https://www.youtube-nocookie.com", videoId: box.getAttribute("data-youtube-id"),
        playerVars: {rel: 0, playsinline: 1, controls: 0, disablekb: 1},
        events: {
          onReady: function () { fire("loadedmetadata"); },
          onStateChange: function (e) {
            window.clearInterval(poll);
            if (e.data === 1) { fire("playing"); poll = window.setInterval(function () { fire("timeupdate"); }, 250); }
            if (e.data === 2) { fire("pause"); }
            if (e.data === 0) { fire("ended"); }
          }
        }
      });
    };
    if (window.YT && window.YT.Player) { start(); } else {
      var previous = window.onYouTubeIframeAPIReady;
      window.onYouTubeIframeAPIReady = function () { if (previous) { previous(); } start(); };
      var s = document.createElement("script");
      s.src = "https://www.youtube.com/iframe_api";
      document.head.appendChild(s);
    }
    return api;
  }

  function parseVtt(text) {
    var out = [];
    text.split(/\n\n+/).forEach(function (block) {
      var lines = block.split("\n");
      var i = lines.findIndex(function (l) { return l.indexOf("-->") > -1; });
      if (i < 0) { return; }
      var times = lines[i].split("-->").map(function (x) {
        var p = x.trim().split(" ")[0].split(":").map(parseFloat);
        return p.length === 3 ? p[0] * 3600 + p[1] * 60 + p[2] : p[0] * 60 + p[1];
      });
      out.push({start: times[0], end: times[1], text: lines.slice(i + 1).join(" ").replace(/<[^>]*>/g, "")});
    });
    return out;
  }
  return {html5: html5Media, youtube: youtubeMedia, parseVtt: parseVtt};
}());

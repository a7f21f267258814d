"""The YouTube mode in Chromium, with the remote YouTube player replaced by a stand-in.

YouTube is a remote host the tests cannot run, so ``window.YT`` is a small fake that plays in
real time (or, to prove the server's check, eight times faster than possible). Everything
else — our player, its progress reports, the handlers, completion — is real.
"""
import time

import pytest
from completion.models import BlockCompletion
from django.urls import reverse
from selenium.webdriver.common.by import By

from .conftest import PILL_OLX, write_course

pytestmark = pytest.mark.browser

FAKE_YOUTUBE = """
window.YT = {Player: function (mount, options) {
  var t = 0, state = -1, rate = 1, muted = false, timer = null, boost = %(boost)s, end = %(duration)s;
  window.__yt = {videoId: options.videoId, host: options.host};
  var change = function (s) { state = s; options.events.onStateChange({data: s}); };
  this.getCurrentTime = function () { return t; };
  this.getPlayerState = function () { return state; };
  this.getPlaybackRate = function () { return rate; };
  this.setPlaybackRate = function (r) { rate = r; };
  this.isMuted = function () { return muted; };
  this.mute = function () { muted = true; };
  this.unMute = function () { muted = false; };
  this.seekTo = function (s) { t = s; };
  this.playVideo = function () {
    if (state === 1) { return; }
    change(1);
    timer = setInterval(function () {
      t = Math.min(end, t + 0.25 * rate * boost);
      if (t >= end) { clearInterval(timer); change(0); }
    }, 250);
  };
  this.pauseVideo = function () { clearInterval(timer); change(2); };
  setTimeout(function () { options.events.onReady({}); }, 10);
}};
"""


@pytest.fixture
def youtube_pill(browser, live_server, login, transactional_db, tmp_path, django_user_model):
    """``open(boost)``: a 20-second YouTube pill opened by an enrolled learner, played by the fake."""
    from fd_core.platform import platform
    from sandbox.courses import import_course
    from sandbox.enrollment import enroll

    course = import_course(write_course(tmp_path / "course", PILL_OLX.read_text(encoding="utf-8")))
    key = course.course_key.make_usage_key("fd_video_pill", "pill")
    block = platform().get_block(key)
    block.sources, block.youtube_id, block.duration, block.checkpoints = [], "dQw4w9WgXcQ", 20.0, []
    block.save()
    user = django_user_model.objects.create_user("luca", "luca@example.org", "pw")
    enroll(user, course)
    login(browser, live_server, user)
    unit_key = course.course_key.make_usage_key("vertical", "u1")
    unit = reverse("sandbox:unit", args=[str(course.course_key), str(unit_key)])
    scripts = []

    def open_page(boost):
        scripts.append(browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                                               {"source": FAKE_YOUTUBE % {"boost": boost, "duration": 20}}))
        browser.get(live_server.url + unit)
        browser.find_element(By.CSS_SELECTOR, ".fd-pill[data-ready]")
        return user, key

    yield open_page
    for script in scripts:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})


def watched(user, key):
    from sandbox.runtime import SandboxRuntime

    return SandboxRuntime(user, key.course_key).get_block(key).watched


def play_at_double_speed(browser, keyboard, wait_for):
    keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, "[data-action=play]"))
    keyboard.press(">", 4)
    keyboard.enter()
    wait_for(lambda: browser.execute_script("return window.__yt && window.__yt.videoId") == "dQw4w9WgXcQ")
    assert browser.execute_script("return window.__yt.host") == "https://www.youtube-nocookie.com"


def test_a_youtube_pill_completes_when_watched(browser, keyboard, wait_for, youtube_pill):
    user, key = youtube_pill(boost=1)
    play_at_double_speed(browser, keyboard, wait_for)
    wait_for(lambda: browser.find_element(By.CSS_SELECTOR, ".fd-pill__caption-line").text, message="caption line")
    wait_for(lambda: "Completata" in browser.find_element(By.CSS_SELECTOR, ".fd-pill__progress-text").text,
             timeout=40, message="completion shown")
    assert BlockCompletion.objects.get(user=user, block_key=key).completion == 1.0
    assert sum(end - start for start, end in watched(user, key)) >= 18


def test_a_player_running_faster_than_possible_completes_nothing(browser, keyboard, wait_for, youtube_pill):
    user, key = youtube_pill(boost=8)  # 16 media seconds per second at "2x": impossible
    play_at_double_speed(browser, keyboard, wait_for)
    wait_for(lambda: browser.execute_script("return document.querySelector('[data-action=play]')"
                                            ".getAttribute('aria-label')") == "Riproduci", message="the end")
    time.sleep(2)  # the last report travels
    assert not BlockCompletion.objects.filter(user=user, block_key=key).exists()
    assert watched(user, key) == []  # the report claiming 20 s in about 1 s was refused

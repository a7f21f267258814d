"""The pill in headless Chromium, driven by the keyboard: real playback, checkpoints, completion, axe-core."""
import time

import pytest
from completion.models import BlockCompletion
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from sandbox.models import BlockScore, TrackingLogEntry
from tests.helpers.pills import pill_timeline

from .conftest import PILL_OLX, write_course

pytestmark = pytest.mark.browser
TIMELINE = pill_timeline(PILL_OLX)

# The right answers of the demo pill's checkpoints, by id (option indexes).
RIGHT = {"commercial-use": [0], "machine-readable": [0], "truly-open": [0, 1]}


@pytest.fixture
def course(transactional_db, tmp_path):
    from sandbox.courses import import_course

    return import_course(write_course(tmp_path / "course", PILL_OLX.read_text(encoding="utf-8")))


@pytest.fixture
def pill_page(browser, live_server, login, course, django_user_model):
    """A signed-in, enrolled learner on the unit with the pill, its player script running."""
    from sandbox.enrollment import enroll

    user = django_user_model.objects.create_user("sara", "sara@example.org", "pw")
    enroll(user, course)
    login(browser, live_server, user)
    unit = course.course_key.make_usage_key("vertical", "u1")
    browser.get(live_server.url + reverse("sandbox:unit", args=[str(course.course_key), str(unit)]))
    browser.find_element(By.CSS_SELECTOR, ".fd-pill[data-ready]")
    return user, course.course_key.make_usage_key("fd_video_pill", "pill")


def video(browser, expression):
    return browser.execute_script(f"const v = document.querySelector('.fd-pill__video'); return {expression};")


def watched(pill, user):
    from sandbox.runtime import SandboxRuntime

    return SandboxRuntime(user, pill.course_key).get_block(pill).watched


def find(browser, selector):
    return browser.find_element(By.CSS_SELECTOR, selector)


def answer_checkpoint(browser, keyboard, wait_for, chosen):
    """Answer the open checkpoint with the keyboard only; return the feedback text."""
    panel = find(browser, ".fd-pill__checkpoint")
    previous = find(browser, ".fd-pill__cp-feedback").text
    inputs = panel.find_elements(By.CSS_SELECTOR, "input")
    if inputs[0].get_attribute("type") == "radio":  # one tab stop per group; arrows choose
        current = next((n for n, i in enumerate(inputs) if i.is_selected()), 0)
        keyboard.tab_to(inputs[current])
        step = Keys.ARROW_DOWN if chosen[0] > current else Keys.ARROW_UP
        keyboard.press(step, abs(chosen[0] - current))
        keyboard.space()
        assert [i.is_selected() for i in inputs].index(True) == chosen[0]
    else:
        for index in chosen:
            keyboard.tab_to(inputs[index])
            if not inputs[index].is_selected():
                keyboard.space()
    keyboard.tab_to(find(browser, ".fd-pill__cp-check"))
    keyboard.enter()
    return wait_for(lambda: find(browser, ".fd-pill__cp-feedback").text not in ("", previous)
                    and find(browser, ".fd-pill__cp-feedback").text, message="checkpoint feedback")


def test_watching_with_the_keyboard_completes_only_after_ninety_percent(browser, keyboard, wait_for, axe_violations,
                                                                        pill_page):
    user, pill = pill_page
    assert axe_violations(browser) == []
    assert video(browser, "v.hasAttribute('controls')") is False  # our labelled controls replace the native ones
    wait_for(lambda: video(browser, "[...v.textTracks].some(t => t.language === 'it' && t.mode === 'showing')"),
             message="Italian captions showing")
    play = find(browser, "[data-action=play]")
    assert play.get_attribute("aria-label") == "Riproduci"
    keyboard.tab_to(play)
    for _ in range(4):
        keyboard.press(">")  # 0.75 1 1.25 1.5 1.75 2: four steps up from 1x
    wait_for(lambda: find(browser, ".fd-pill__status").text == "Velocità 2x", message="speed announced")
    keyboard.enter()
    wait_for(lambda: video(browser, "!v.paused && v.currentTime > 0.5"), message="playback")
    assert play.get_attribute("aria-label") == "Pausa"

    answered = []
    deadline = time.monotonic() + 150
    while "Completata" not in find(browser, ".fd-pill__progress-text").text:
        where = video(browser, "v.currentTime")
        assert time.monotonic() < deadline, f"not complete; at {where}s; watched {watched(pill, user)}"
        panel = find(browser, ".fd-pill__checkpoint")
        if panel.is_displayed():
            assert video(browser, "v.paused")
            checkpoint = browser.execute_script(
                "return JSON.parse(document.querySelector('.fd-pill__state').textContent).checkpoints"
                ".find(c => Math.abs(c.time - document.querySelector('.fd-pill__video').currentTime) < 1).id")
            assert browser.switch_to.active_element == find(browser, ".fd-pill__cp-title")  # focus on the question
            if checkpoint == "machine-readable":
                assert axe_violations(browser) == []
                assert answer_checkpoint(browser, keyboard, wait_for, [1]).startswith("Non proprio.")
                review = find(browser, "[data-action=review]")
                since = TIMELINE.clock(TIMELINE.checkpoints["machine-readable"]["review_from"])
                assert review.is_displayed() and review.text == f"Rivedi la spiegazione (da {since})"
            assert answer_checkpoint(browser, keyboard, wait_for, RIGHT[checkpoint]).startswith("Giusto!")
            answered.append(checkpoint)
            keyboard.tab_to(find(browser, "[data-action=continue]"))
            keyboard.enter()
            wait_for(lambda: not video(browser, "v.paused"), message="playback resumed")
            if checkpoint != "truly-open":
                assert not BlockCompletion.objects.filter(user=user, block_key=pill).exists()
        time.sleep(0.2)

    assert answered == ["commercial-use", "machine-readable", "truly-open"]
    assert video(browser, "v.currentTime") > 0.9 * TIMELINE.duration - 1
    completion = wait_for(lambda: BlockCompletion.objects.filter(user=user, block_key=pill).first())
    assert completion.completion == 1.0
    score = BlockScore.objects.get(user=user, usage_key=pill)
    assert (score.earned, score.possible) == (2.0, 3.0)  # the first answer counts: one was wrong at first


def test_a_dragged_playhead_does_not_complete(browser, keyboard, wait_for, pill_page):
    user, pill = pill_page
    keyboard.tab_to(find(browser, "[data-action=play]"))
    keyboard.enter()
    wait_for(lambda: video(browser, "v.currentTime > 1"), message="playback")
    keyboard.tab_to(find(browser, ".fd-pill__seek"))
    keyboard.press("k")  # pause
    keyboard.tab_to(find(browser, ".fd-pill__seek"))
    keyboard.press(Keys.END)  # drag the playhead to the end
    keyboard.tab_to(find(browser, "[data-action=play]"))
    keyboard.enter()
    wait_for(lambda: video(browser, "v.ended"), timeout=20, message="the end of the video")
    progress = wait_for(lambda: "Guardato" in find(browser, ".fd-pill__progress-text").text
                        and find(browser, ".fd-pill__progress-text").text, message="progress report")
    assert int(progress.split(":")[1].strip(" %")) < 20
    time.sleep(1)
    assert not BlockCompletion.objects.filter(user=user, block_key=pill).exists()


def test_the_transcript_and_chapters_work_with_the_keyboard(browser, keyboard, wait_for, axe_violations, pill_page):
    user, _pill = pill_page
    toggle = find(browser, "[data-action=transcript]")
    assert toggle.get_attribute("aria-expanded") == "false"
    keyboard.tab_to(toggle)
    keyboard.enter()
    assert toggle.get_attribute("aria-expanded") == "true"
    cues = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".fd-pill__cue"), message="transcript cues")
    assert len(cues) == len(TIMELINE.cues) and "portale open data" in cues[3].text
    cue, chapter = TIMELINE.cues[3]["start"], TIMELINE.chapters[3]["start"]
    keyboard.tab_to(cues[3])
    keyboard.enter()
    wait_for(lambda: find(browser, ".fd-pill__status").text == f"A {TIMELINE.clock(cue)}", message="the seek announced")
    chapters = browser.find_elements(By.CSS_SELECTOR, ".fd-pill__chapters a")
    keyboard.tab_to(chapters[3])
    keyboard.enter()
    wait_for(lambda: find(browser, ".fd-pill__status").text == f"A {TIMELINE.clock(chapter)}",
             message="the chapter jump announced")
    def two_seeks():
        events = list(TrackingLogEntry.objects.filter(name="seek_video", user_id=user.pk).order_by("id")
                      .values_list("event", flat=True))
        return events if len(events) >= 2 else None

    seeks = wait_for(two_seeks, message="two seek events")
    assert [(e["type"], e["new_time"]) for e in seeks] == [("onCaptionSeek", cue), ("onChapterSeek", chapter)]
    assert axe_violations(browser) == []


def test_captions_key_and_audio_description(browser, keyboard, wait_for, pill_page):
    user, _pill = pill_page
    play = find(browser, "[data-action=play]")
    keyboard.tab_to(play)
    keyboard.press("c")
    wait_for(lambda: find(browser, ".fd-pill__status").text == "Sottotitoli disattivati", message="captions off")
    assert video(browser, "[...v.textTracks].every(t => t.kind !== 'captions' || t.mode !== 'showing')")
    keyboard.press("c")
    wait_for(lambda: find(browser, ".fd-pill__status").text == "Sottotitoli attivi: Italiano", message="captions on")
    describe = find(browser, "[data-action=describe]")
    keyboard.tab_to(describe)
    keyboard.enter()
    assert describe.get_attribute("aria-pressed") == "true"
    keyboard.tab_to(play)
    keyboard.enter()
    wait_for(lambda: "Schermata: Che cosa sono gli open data?" in
             browser.find_element(By.CSS_SELECTOR, ".fd-pill__described").get_attribute("textContent"),
             message="the first slide described")
    wait_for(lambda: video(browser, "!v.paused && v.currentTime > 1"), timeout=20, message="playback goes on")
    shown = TrackingLogEntry.objects.filter(name="edx.video.closed_captions.shown", user_id=user.pk)
    assert wait_for(lambda: shown.exists(), message="captions event") and shown.first().event["language"] == "it"

"""Captions follow the interface language, even after the learner's player saved another choice."""
import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

from tests.helpers.browser import choose_language
from tests.video_pill.conftest import PILL_OLX, write_course

pytestmark = pytest.mark.browser


def test_switching_the_site_to_english_gives_english_captions(transactional_db, tmp_path, browser, live_server,
                                                             login, django_user_model, keyboard, wait_for):
    from sandbox.courses import import_course
    from sandbox.enrollment import enroll
    from sandbox.runtime import SandboxRuntime

    course = import_course(write_course(tmp_path / "course", PILL_OLX.read_text(encoding="utf-8")))
    user = django_user_model.objects.create_user("giulia", "giulia@example.org", "pw")
    enroll(user, course)
    pill = SandboxRuntime(user, course.course_key).get_block(course.course_key.make_usage_key("fd_video_pill", "pill"))
    pill.caption_language = "it"  # what the player saved with her last progress report, on the Italian site
    pill.save()
    login(browser, live_server, user)
    unit = course.course_key.make_usage_key("vertical", "u1")
    browser.get(live_server.url + reverse("sandbox:unit", args=[str(course.course_key), str(unit)]))
    keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, "button[name=language][value=en]"))
    choose_language(browser, "en", keyboard.enter)
    browser.find_element(By.CSS_SELECTOR, ".fd-pill[data-ready]")
    assert browser.find_element(By.CSS_SELECTOR, ".fd-pill__cc").get_attribute("value") == "en"
    wait_for(lambda: browser.execute_script(
        "return [...document.querySelector('video').textTracks]"
        ".some(t => t.language === 'en' && t.mode === 'showing')"),
        message="English captions showing")


def _play_until_reported(browser, keyboard, wait_for, watched_word):
    """Play a moment (the player reports when playback starts) and pause again."""
    browser.find_element(By.CSS_SELECTOR, ".fd-pill[data-ready]")
    keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, "[data-action=play]"))
    keyboard.enter()
    wait_for(lambda: watched_word in browser.find_element(By.CSS_SELECTOR, ".fd-pill__progress-text").text,
             message="a progress report")
    keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, "[data-action=play]"))
    keyboard.enter()


def test_a_caption_language_chosen_in_the_player_holds_when_the_site_changes_language(
        transactional_db, tmp_path, browser, live_server, login, django_user_model, keyboard, wait_for):
    from selenium.webdriver.support.ui import Select

    from sandbox.courses import import_course
    from sandbox.enrollment import enroll

    course = import_course(write_course(tmp_path / "course", PILL_OLX.read_text(encoding="utf-8")))
    user = django_user_model.objects.create_user("luca", "luca@example.org", "pw")
    enroll(user, course)
    login(browser, live_server, user)
    unit = live_server.url + reverse("sandbox:unit", args=[
        str(course.course_key), str(course.course_key.make_usage_key("vertical", "u1"))])
    browser.get(unit)  # the Italian site: Italian captions by default; he picks English to practise it
    browser.find_element(By.CSS_SELECTOR, ".fd-pill[data-ready]")
    menu = browser.find_element(By.CSS_SELECTOR, ".fd-pill__cc")
    assert menu.get_attribute("value") == "it"
    keyboard.tab_to(menu)
    Select(menu).select_by_value("en")
    _play_until_reported(browser, keyboard, wait_for, "Guardato")

    for language, watched_word in (("en", "Watched"), ("it", "Guardato")):  # the site in English, then Italian
        keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, f"button[name=language][value={language}]"))
        choose_language(browser, language, keyboard.enter)
        _play_until_reported(browser, keyboard, wait_for, watched_word)  # each visit reports what it showed
        browser.get(unit)
        browser.find_element(By.CSS_SELECTOR, ".fd-pill[data-ready]")
        assert browser.find_element(By.CSS_SELECTOR, ".fd-pill__cc").get_attribute("value") == "en", language
        wait_for(lambda: browser.execute_script(
            "return [...document.querySelector('video').textTracks]"
            ".some(t => t.language === 'en' && t.mode === 'showing')"), message="English captions showing")


def test_the_audio_description_follows_the_site_language(transactional_db, tmp_path, browser, live_server, login,
                                                         django_user_model, keyboard):
    import json

    from sandbox.courses import import_course
    from sandbox.enrollment import enroll

    course = import_course(write_course(tmp_path / "course", PILL_OLX.read_text(encoding="utf-8")))
    user = django_user_model.objects.create_user("sara", "sara@example.org", "pw")
    enroll(user, course)
    login(browser, live_server, user)
    unit = reverse("sandbox:unit", args=[str(course.course_key),
                                         str(course.course_key.make_usage_key("vertical", "u1"))])
    for language in ("it", "en"):
        if language == "en":
            keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, "button[name=language][value=en]"))
            choose_language(browser, "en", keyboard.enter)
        browser.get(live_server.url + unit)
        pill = browser.find_element(By.CSS_SELECTOR, ".fd-pill[data-ready]")
        state = json.loads(pill.get_attribute("data-state") or browser.execute_script(
            "return document.querySelector('.fd-pill script[type=\"application/json\"]').textContent"))
        assert state["descriptionLanguage"] == language
        assert set(state["tracks"]["descriptions"]) == {"it", "en"}

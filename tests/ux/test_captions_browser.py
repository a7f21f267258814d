"""Captions follow the interface language, even after the learner's player saved another choice."""
import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

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
    keyboard.enter()
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    browser.find_element(By.CSS_SELECTOR, ".fd-pill[data-ready]")
    assert browser.find_element(By.CSS_SELECTOR, ".fd-pill__cc").get_attribute("value") == "en"
    wait_for(lambda: browser.execute_script(
        "return [...document.querySelector('video').textTracks]"
        ".some(t => t.language === 'en' && t.mode === 'showing')"),
        message="English captions showing")

"""With JavaScript off the pill still offers its transcript, chapters and downloads in the page."""
import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

from tests.video_pill.conftest import PILL_OLX, write_course

pytestmark = pytest.mark.browser


@pytest.fixture
def pill_unit(transactional_db, tmp_path, django_user_model):
    from sandbox.courses import import_course
    from sandbox.enrollment import enroll

    course = import_course(write_course(tmp_path / "course", PILL_OLX.read_text(encoding="utf-8")))
    user = django_user_model.objects.create_user("nojs", "nojs@example.org", "pw")
    enroll(user, course)
    unit = course.course_key.make_usage_key("vertical", "u1")
    return user, reverse("sandbox:unit", args=[str(course.course_key), str(unit)])


@pytest.fixture
def no_javascript(browser):
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    yield browser
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_without_javascript_the_transcript_chapters_and_downloads_are_there(pill_unit, no_javascript, live_server,
                                                                          login, axe_violations):
    user, url = pill_unit
    login(no_javascript, live_server, user)
    no_javascript.get(live_server.url + url)
    assert no_javascript.find_elements(By.CSS_SELECTOR, ".fd-pill[data-ready]") == []  # no script ran
    transcript = no_javascript.find_element(By.CSS_SELECTOR, ".fd-pill__transcript")
    assert transcript.is_displayed()
    lines = [cue.text for cue in transcript.find_elements(By.CSS_SELECTOR, ".fd-pill__cue")]
    assert len(lines) > 5 and all(lines)
    downloads = no_javascript.find_elements(By.CSS_SELECTOR, ".fd-pill__downloads a")
    assert downloads and all(link.is_displayed() for link in downloads)
    chapter = no_javascript.find_element(By.CSS_SELECTOR, ".fd-pill__chapters a")
    assert "#t=" in chapter.get_attribute("href")  # opens the video file at the chapter
    # axe-core needs scripts: allow them again; the page's own scripts were skipped and stay so.
    no_javascript.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    assert axe_violations(no_javascript) == []
    assert no_javascript.find_elements(By.CSS_SELECTOR, ".fd-pill[data-ready]") == []


def test_with_javascript_the_captions_are_fetched_once(pill_unit, browser, live_server, login, wait_for):
    user, url = pill_unit
    login(browser, live_server, user)
    browser.get(live_server.url + url)
    browser.find_element(By.CSS_SELECTOR, ".fd-pill[data-ready]")
    wait_for(lambda: browser.execute_script(
        "return [...document.querySelector('video').textTracks].some(t => t.mode === 'showing' && t.cues"
        " && t.cues.length)"), message="captions showing")
    fetched = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/captions/'))")
    assert len(fetched) == 1, fetched
    assert browser.find_element(By.CSS_SELECTOR, ".fd-pill__transcript").is_displayed() is False  # closed by default

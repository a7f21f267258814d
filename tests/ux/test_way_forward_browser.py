"""A way forward on every page: completion marks and "continue" in the outline, the last unit leads
back to the outline, the results page leads on to the pills or the next level, the badge just
earned and back to the course. In real Chromium, Italian, at 320 px, with axe-core."""
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from selenium.webdriver.common.by import By

from .conftest import OPEN_DATA
from .test_phone_browser import WIDE

pytestmark = pytest.mark.browser


@pytest.fixture
def courses(transactional_db, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    call_command("load_demo", "--no-app-data", stdout=io.StringIO(), stderr=io.StringIO())
    from django.contrib.auth import get_user_model
    from opaque_keys.edx.keys import CourseKey

    from sandbox.course_progress import ordered_units
    from sandbox.models import Course

    course = Course.objects.get(course_key=CourseKey.from_string(OPEN_DATA))
    return {"learner": get_user_model().objects.get(username="learner"), "course": course,
            "units": ordered_units(course), "outline": reverse("sandbox:course_outline", args=[OPEN_DATA])}


def _complete(user, unit):
    from completion.models import BlockCompletion

    from sandbox.course_progress import _counts_for_completion

    leaves = [leaf for leaf in unit.children.all() if _counts_for_completion(leaf.block_type)]
    for leaf in leaves:
        BlockCompletion.objects.submit_completion(user=user, block_key=leaf.usage_key, completion=1.0)
    return leaves


def _at_phone_width(browser):
    browser.set_window_size(320, 800)
    try:
        return browser.execute_script(WIDE)
    finally:
        from tests.helpers.browser import WINDOW_SIZE

        browser.set_window_size(*WINDOW_SIZE)


def test_the_outline_marks_completed_units_and_continues_where_the_learner_left_off(
        courses, browser, live_server, login, axe_violations):
    first, second = courses["units"][:2]
    assert _complete(courses["learner"], first)
    login(browser, live_server, courses["learner"])
    browser.get(live_server.url + courses["outline"])
    items = {item.find_element(By.TAG_NAME, "a").text: item.text for item in
             browser.find_elements(By.CSS_SELECTOR, "nav[aria-label='Struttura del corso'] li")}
    assert "Completata" in items[first.display_name]
    assert "Completata" not in items[second.display_name]
    assert "0 attività fatte su" in items[second.display_name]
    resume = browser.find_element(By.CSS_SELECTOR, ".resume a")
    assert resume.text == f"Continua da dove avevi lasciato: {first.display_name}"
    assert axe_violations(browser) == []
    assert _at_phone_width(browser) == []
    resume.click()
    assert browser.find_element(By.TAG_NAME, "h1").text == first.display_name


def test_a_new_learner_is_invited_to_start_with_the_first_unit(courses, browser, live_server, login):
    login(browser, live_server, courses["learner"])
    browser.get(live_server.url + courses["outline"])
    start = browser.find_element(By.CSS_SELECTOR, ".resume a")
    assert start.text == f"Inizia il corso: {courses['units'][0].display_name}"
    assert not browser.find_elements(By.CSS_SELECTOR, ".unit-done")
    start.click()
    assert browser.find_element(By.TAG_NAME, "h1").text == courses["units"][0].display_name


def test_units_lead_to_the_next_one_and_the_last_back_to_the_outline(courses, browser, live_server, login,
                                                                     axe_violations):
    login(browser, live_server, courses["learner"])
    first, second, last = courses["units"][0], courses["units"][1], courses["units"][-1]
    browser.get(live_server.url + reverse("sandbox:unit", args=[OPEN_DATA, str(first.usage_key)]))
    browser.find_element(By.CSS_SELECTOR, ".unit-nav").find_element(By.PARTIAL_LINK_TEXT, "Successiva").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == second.display_name
    browser.get(live_server.url + reverse("sandbox:unit", args=[OPEN_DATA, str(last.usage_key)]))
    back = browser.find_element(By.CSS_SELECTOR, ".unit-nav").find_element(By.PARTIAL_LINK_TEXT, "Ultima unità")
    assert back.text == "Ultima unità: torna alla struttura del corso"
    assert axe_violations(browser) == []
    back.click()
    assert browser.current_url.endswith(courses["outline"])


def test_a_full_score_suggests_the_next_level_the_badge_just_earned_and_the_course(
        courses, browser, live_server, login, axe_violations):
    """Short form, every answer right: the next level is the full questionnaire; the DigComp badge
    of the demo (area 1 at level 3) was awarded by the attempt; the course is the one it was taken in."""
    from opaque_keys.edx.keys import CourseKey

    from tests.assessment.conftest import take

    call_command("fd_badges_demo", stdout=io.StringIO(), stderr=io.StringIO())
    attempt = take(courses["learner"], self_value="4", pick="correct", course_key=CourseKey.from_string(OPEN_DATA))
    login(browser, live_server, courses["learner"])
    browser.get(live_server.url + reverse("fd_assessment:results", args=[attempt.pk]))
    results = browser.find_element(By.CSS_SELECTOR, ".fd-results")
    assert "Punteggio pieno: ottimo lavoro!" in results.text
    assert not results.find_elements(By.CSS_SELECTOR, ".fd-recommendations")
    next_level = results.find_element(By.CSS_SELECTOR, ".fd-next-level a")
    assert next_level.text.startswith("Prova il questionario completo")
    badge = results.find_element(By.CSS_SELECTOR, ".fd-earned a")
    assert badge.text.startswith("Il tuo nuovo badge: ")
    back = results.find_element(By.CSS_SELECTOR, ".fd-back-to-course a")
    assert back.text == f"Torna al corso “{courses['course'].display_name}”"
    # the order of the way forward: next level, then the badge, then the course
    order = browser.execute_script(
        "return [...document.querySelectorAll('.fd-next-level a, .fd-earned a, .fd-back-to-course a')]"
        ".map(a => a.closest('p, ul').className);")
    assert order == ["fd-next-level", "fd-earned", "fd-back-to-course"]
    assert axe_violations(browser) == []
    assert _at_phone_width(browser) == []
    badge.click()
    assert "/fd/badges/awards/" in browser.current_url
    browser.back()
    browser.find_element(By.CSS_SELECTOR, ".fd-back-to-course a").click()
    assert browser.current_url.endswith(courses["outline"])


def test_a_score_below_full_lists_the_pills_then_the_course(courses, browser, live_server, login):
    from opaque_keys.edx.keys import CourseKey

    from tests.assessment.conftest import take

    attempt = take(courses["learner"], self_value="1", pick="wrong", course_key=CourseKey.from_string(OPEN_DATA))
    login(browser, live_server, courses["learner"])
    browser.get(live_server.url + reverse("fd_assessment:results", args=[attempt.pk]))
    results = browser.find_element(By.CSS_SELECTOR, ".fd-results")
    assert "in cui puoi crescere di più" in results.text
    assert results.find_elements(By.CSS_SELECTOR, ".fd-recommendations li")
    assert not results.find_elements(By.CSS_SELECTOR, ".fd-next-level, .fd-earned")
    assert results.find_element(By.CSS_SELECTOR, ".fd-back-to-course a").text.startswith("Torna al corso")

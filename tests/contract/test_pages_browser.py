"""The sandbox's own pages in headless Chromium: keyboard only, Italian and English, axe-core clean."""
import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

from sandbox.enrollment import enroll
from tests.helpers.browser import choose_language

pytestmark = pytest.mark.browser


@pytest.fixture
def course(transactional_db, probe_blocks):
    from sandbox.courses import import_course

    from .conftest import OLX

    return import_course(OLX)


def test_a_visitor_signs_in_with_the_keyboard_and_reaches_a_unit(browser, live_server, keyboard, axe_violations,
                                                                  course, django_user_model):
    user = django_user_model.objects.create_user("lucia", "lucia@example.org", "firenze2026")
    enroll(user, course)
    browser.get(live_server.url + "/")
    assert axe_violations(browser) == []
    assert keyboard.tab().text == "Vai al contenuto"
    keyboard.tab_to(browser.find_element(By.LINK_TEXT, "Accedi"))
    keyboard.enter()
    keyboard.tab_to(browser.find_element(By.ID, "id_username"))
    browser.switch_to.active_element.send_keys("lucia")
    keyboard.tab()
    browser.switch_to.active_element.send_keys("firenze2026")
    keyboard.enter()
    assert "Accesso come lucia" in browser.find_element(By.TAG_NAME, "header").text
    keyboard.tab_to(browser.find_element(By.LINK_TEXT, "Probe course"))
    keyboard.enter()
    assert axe_violations(browser) == []
    keyboard.tab_to(browser.find_element(By.LINK_TEXT, "First unit"))
    keyboard.enter()
    assert browser.find_element(By.CSS_SELECTOR, "h1").text == "First unit"
    assert browser.find_element(By.CSS_SELECTOR, ".probe .who").text == "lucia"
    assert axe_violations(browser) == []


def test_english_is_one_keypress_away(browser, live_server, keyboard, course):
    browser.get(live_server.url + reverse("sandbox:course_outline", args=[str(course.course_key)]))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "it"
    keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, "button[name=language][value=en]"))
    choose_language(browser, "en", keyboard.enter)
    assert browser.find_element(By.LINK_TEXT, "Sign in to enrol in this course.")

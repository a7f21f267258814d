"""Headless Chromium, keyboard only: the short form on the standalone page and the block in a unit."""
import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from sandbox.enrollment import enroll

from .conftest import OLX

pytestmark = pytest.mark.browser
WEAK = ("2.3", "2.6")


@pytest.fixture
def browser_course(transactional_db, pill_block):
    from sandbox.courses import import_course

    return import_course(OLX)


def _answer_current_question(browser, keyboard):
    """Choose with the keyboard: weak self-ratings for 2.3 and 2.6, 'I don't know' on knowledge items."""
    form = browser.find_element(By.CSS_SELECTOR, "form.fd-question")
    item_id = form.get_attribute("data-item")
    competence = form.find_element(By.CSS_SELECTOR, ".fd-competence").text.split()[0]
    first = form.find_element(By.CSS_SELECTOR, "input[type=radio]")
    keyboard.tab_to(first)
    if item_id.startswith("self-"):
        keyboard.space()  # "I can't do this yet"
        if competence not in WEAK:
            keyboard.press(Keys.ARROW_DOWN, 3)  # "confidently and I help others"
        expected = "0" if competence in WEAK else "3"
    else:
        keyboard.press(Keys.ARROW_UP)  # wraps to the last option: "Non lo so"
        expected = "x"
    assert browser.switch_to.active_element.get_attribute("value") == expected
    submit = keyboard.tab()
    assert submit.get_attribute("type") == "submit"
    keyboard.enter()
    WebDriverWait(browser, 10).until(expected_conditions.staleness_of(form))  # the next question replaced it
    return item_id


def test_short_form_by_keyboard_gives_chart_and_recommendations(browser, live_server, login, keyboard,
                                                                axe_violations, browser_course):
    login(browser, live_server, "anna")
    browser.get(live_server.url + reverse("fd_assessment:home"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Quanto sei digitale?"
    assert axe_violations(browser) == []
    keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, ".fd-start-form button[type=submit]"))
    keyboard.enter()
    assert axe_violations(browser) == []
    seen = []
    while browser.find_elements(By.CSS_SELECTOR, "form.fd-question"):
        seen.append(_answer_current_question(browser, keyboard))
        assert len(seen) < 30
    assert 18 <= len(seen) <= 25 and len(set(seen)) == len(seen)
    keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, "form.fd-submit button"))
    keyboard.enter()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Il tuo profilo di competenze digitali"
    chart = browser.find_element(By.CSS_SELECTOR, "figure.fd-chart svg")
    assert chart.get_attribute("role") == "img"
    bars = chart.find_elements(By.CSS_SELECTOR, "rect.fd-bar")
    assert len(bars) == 26  # 5 areas + 21 competences
    assert all(bar.size["width"] >= 0 for bar in bars) and max(bar.size["width"] for bar in bars) > 0
    table = browser.find_element(By.CSS_SELECTOR, "table.fd-table")
    assert "2.6 Gestire l'identità digitale" in table.text
    links = browser.find_elements(By.CSS_SELECTOR, ".fd-recommendations a")
    assert "Entrare con SPID" in [link.text for link in links]
    keyboard.tab_to(next(link for link in links if link.text == "Entrare con SPID"))
    assert axe_violations(browser) == []


def test_block_in_a_unit_is_answered_with_the_keyboard(browser, live_server, login, keyboard, axe_violations,
                                                       browser_course):
    user = login(browser, live_server, "marta")
    enroll(user, browser_course)
    unit = browser_course.course_key.make_usage_key("vertical", "self-check")
    browser.get(live_server.url + reverse("sandbox:unit", args=[str(browser_course.course_key), str(unit)]))
    assert axe_violations(browser) == []
    keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, ".fd-assess form.fd-start button"))
    keyboard.enter()
    first = _wait(browser, "form.fd-question")
    first_id = first.get_attribute("data-item")
    assert browser.switch_to.active_element.tag_name == "legend"  # focus moved to the new question
    assert axe_violations(browser) == []
    _answer_current_question(browser, keyboard)
    _wait(browser, f"form.fd-question:not([data-item='{first_id}'])")
    progress = browser.find_element(By.CSS_SELECTOR, ".fd-assess .fd-progress").text
    assert progress.startswith("1 ")
    answered = 1
    while browser.find_elements(By.CSS_SELECTOR, ".fd-assess form.fd-question"):
        _answer_current_question(browser, keyboard)
        answered += 1
        assert answered < 20
    keyboard.tab_to(_wait(browser, ".fd-assess form.fd-submit button"))
    keyboard.enter()
    chart = _wait(browser, ".fd-assess figure.fd-chart svg")
    assert len(chart.find_elements(By.CSS_SELECTOR, "rect.fd-bar")) == 2 + 10  # areas 2 and 4 of this block
    assert browser.switch_to.active_element.tag_name == "h3"  # focus on the results heading
    assert axe_violations(browser) == []
    from completion.models import BlockCompletion

    block = browser_course.course_key.make_usage_key("fd_digcomp_assessment", "self-check")
    assert BlockCompletion.objects.get(user=user, block_key=block).completion == 1.0


def _wait(browser, selector, timeout=10):
    return WebDriverWait(browser, timeout).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, selector)))

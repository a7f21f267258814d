"""A learner in headless Chromium, keyboard only: filters the table, takes a hint, answers, reads the feedback.
The page passes axe-core, and at 320 px only the table's own labelled region scrolls sideways."""
import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from .conftest import COURSE_DIR

pytestmark = pytest.mark.browser


def open_unit(browser, live_server, login, name):
    from sandbox.courses import import_course
    from sandbox.enrollment import enroll

    course = import_course(COURSE_DIR)
    user = login(browser, live_server, "elena")
    enroll(user, course)
    unit = course.course_key.make_usage_key("vertical", name)
    browser.get(live_server.url + reverse("sandbox:unit", args=[str(course.course_key), str(unit)]))
    return course, user


def test_keyboard_only_filter_hint_answer_and_feedback(transactional_db, browser, live_server, login, keyboard,
                                                      wait_for, axe_violations):
    from sandbox.runtime import SandboxRuntime

    course, user = open_unit(browser, live_server, login, "esercizio-metadati")
    key = course.course_key.make_usage_key("fd_data_exercise", "esercizio-metadati")
    block = SandboxRuntime(user, course.course_key).get_block(key)
    dataset = block.dataset()
    province = block.learner_params(dataset)["provincia"]
    expected = int(block.expected(dataset, {"provincia": province})["value"])
    assert province in browser.find_element(By.CSS_SELECTOR, ".fd-dx-question").text

    column = browser.find_element(By.CSS_SELECTOR, "select[name=column]")
    keyboard.tab_to(column)
    wanted = "Denominazione dell'Unità territoriale sovracomunale (valida a fini statistici)"
    for _press in range(30):  # arrow keys on the focused select, as a keyboard user does
        if column.get_attribute("value") == wanted:
            break
        keyboard.press(Keys.ARROW_DOWN)
    assert column.get_attribute("value") == wanted
    keyboard.tab().send_keys(province)
    keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, ".fd-dx-query button[type=submit]"))
    keyboard.enter()
    status = browser.find_element(By.CSS_SELECTOR, ".fd-dx-status")
    wait_for(lambda: f"di {expected}" in status.text, message="the live region counts the filtered rows")
    assert status.get_attribute("role") == "status"
    rows = browser.find_elements(By.CSS_SELECTOR, ".fd-dx-table tbody tr")
    assert rows and all(province in row.text for row in rows)

    keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, ".fd-dx-hint-button"))
    keyboard.enter()
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".fd-dx-hints .fd-dx-hint"), message="the first hint")

    answer = browser.find_element(By.CSS_SELECTOR, "input[name=answer]")
    keyboard.tab_to(answer)
    answer.send_keys(str(expected + 5))
    answer.send_keys(Keys.ENTER)
    feedback = browser.find_element(By.CSS_SELECTOR, ".fd-dx-feedback")
    wait_for(lambda: "Tentativi rimasti: 2" in feedback.text, message="feedback on a wrong answer")
    answer.clear()
    answer.send_keys(str(expected))
    answer.send_keys(Keys.ENTER)
    wait_for(lambda: "Giusto!" in feedback.text, message="feedback on the right answer")
    assert province in feedback.text and "90%" in feedback.text  # the hint cost 10%
    assert axe_violations(browser) == []


def test_sorting_by_keyboard_sets_aria_sort(transactional_db, browser, live_server, login, keyboard, wait_for):
    open_unit(browser, live_server, login, "esercizio-progetto")
    header = browser.find_element(By.XPATH, "//th[.//a[@data-column='totale']]")
    keyboard.tab_to(header.find_element(By.TAG_NAME, "a"))
    keyboard.enter()
    wait_for(lambda: browser.find_element(By.XPATH, "//th[.//a[@data-column='totale']]").get_attribute("aria-sort")
             == "ascending", message="aria-sort ascending")
    first = browser.find_element(By.CSS_SELECTOR, ".fd-dx-table tbody tr").text
    assert "Capraia Isola" in first  # the smallest municipality of Tuscany


def test_narrow_screen_scrolls_only_inside_the_table_region(transactional_db, browser, live_server, login,
                                                           axe_violations):
    browser.set_window_size(320, 800)
    try:
        open_unit(browser, live_server, login, "esercizio-metadati")
        width = browser.execute_script("return document.documentElement.scrollWidth")
        viewport = browser.execute_script("return document.documentElement.clientWidth")
        widest = browser.execute_script(
            "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > "
            "document.documentElement.clientWidth + 1 && !e.closest('.fd-dx-scroll')).slice(0, 8)"
            ".map(e => e.tagName + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().width))")
        assert width <= viewport, widest
        region = browser.find_element(By.CSS_SELECTOR, ".fd-dx-scroll")
        assert region.get_attribute("tabindex") == "0" and region.get_attribute("role") == "region"
        assert browser.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", region)
        assert axe_violations(browser) == []
    finally:
        browser.set_window_size(1280, 900)

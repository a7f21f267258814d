"""The tour in real Chromium: keyboard only to the end, with JavaScript off, axe-core, 320 px wide."""
import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.city_tour.conftest import COURSE_DIR

pytestmark = pytest.mark.browser


@pytest.fixture
def tour_page(transactional_db, browser, live_server, login):
    """An enrolled pupil on the tour's unit page; returns (course, user, url)."""
    from sandbox.courses import import_course
    from sandbox.enrollment import enroll

    course = import_course(COURSE_DIR)
    user = login(browser, live_server, "bianca")
    enroll(user, course)
    unit = course.course_key.make_usage_key("vertical", "smart-city-tour-unit")
    return course, user, live_server.url + reverse("sandbox:unit", args=[str(course.course_key), str(unit)])


def tour_state(course, user):
    from sandbox.runtime import SandboxRuntime

    key = course.course_key.make_usage_key("fd_city_tour", "firenze-smart-city")
    return SandboxRuntime(user, course.course_key).get_block(key)


def visible_scene(browser):
    scenes = [s for s in browser.find_elements(By.CSS_SELECTOR, ".fd-tour__scene") if s.is_displayed()]
    return scenes[0].get_attribute("data-scene") if len(scenes) == 1 else None


def loaded(browser, name):
    return browser.execute_script(
        "var name = arguments[0]; return performance.getEntriesByType('resource').some(function (e) {"
        " return e.name.indexOf(name) >= 0; });", name)


def test_a_keyboard_only_tour_to_the_end(tour_page, browser, keyboard, wait_for, axe_violations):
    course, user, url = tour_page
    browser.get(url)
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".fd-tour.is-guided"), message="the guided tour")
    wait_for(lambda: visible_scene(browser) == "fibra", message="only the first stop shown")
    assert not loaded(browser, "psv-core.module.js")  # a flat stop needs no viewer
    assert axe_violations(browser) == []

    # The first question, answered with the keyboard.
    scene = browser.find_element(By.CSS_SELECTOR, '[data-scene="fibra"]')
    options = scene.find_elements(By.CSS_SELECTOR, "[name=option]")
    keyboard.tab_to(options[0])  # a radio group is one Tab stop; the arrows choose within it
    keyboard.press(Keys.ARROW_DOWN)
    assert options[1].is_selected()
    keyboard.tab_to(scene.find_element(By.CSS_SELECTOR, ".fd-tour__question button"))
    keyboard.enter()
    feedback = scene.find_element(By.CSS_SELECTOR, "[data-role=feedback]")
    wait_for(lambda: "300 km" in feedback.text, message="the feedback")

    ids = [s["id"] for s in tour_state(course, user).scenes]
    for number, scene_id in enumerate(ids):
        scene = browser.find_element(By.CSS_SELECTOR, f'[data-scene="{scene_id}"]')
        keyboard.tab_to(scene.find_element(By.CSS_SELECTOR, ".fd-tour__next button"))
        keyboard.enter()
        if number + 1 < len(ids):
            wait_for(lambda n=ids[number + 1]: visible_scene(browser) == n, message=f"stop {ids[number + 1]}")
            progress = browser.find_element(By.CSS_SELECTOR, "[data-role=progress]")
            wait_for(lambda n=number, p=progress: f" {n + 2} " in p.text, message="the announced progress")
    summary = browser.find_element(By.CSS_SELECTOR, "[data-role=summary]")
    wait_for(lambda: summary.is_displayed() and "9" in summary.text, message="the summary")
    assert browser.switch_to.active_element == summary
    assert loaded(browser, "psv-core.module.js")  # 360° stops were shown on the way
    assert all("cdn" not in src for src in browser.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; });"))
    block = wait_for(lambda: (b := tour_state(course, user)).completed and set(b.visited) == set(ids) and b,
                     message="every stop saved")
    assert block.answers["fibra-domanda"]["correct"] is True
    assert axe_violations(browser) == []


def test_the_tour_without_javascript(tour_page, browser, keyboard, wait_for, axe_violations):
    course, user, url = tour_page
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(url)
        scenes = browser.find_elements(By.CSS_SELECTOR, ".fd-tour__scene")
        assert len(scenes) == 9 and all(scene.is_displayed() for scene in scenes)
        assert "Vedi i fili che brillano?" in browser.find_element(By.CSS_SELECTOR, ".fd-tour").text
        # Answer a multiple-choice question by a form post.
        form = browser.find_element(By.CSS_SELECTOR, '[data-hotspot="lampioni-domanda"]')
        for option in form.find_elements(By.CSS_SELECTOR, "[name=option]")[:2]:
            option.click()
        form.find_element(By.CSS_SELECTOR, "button").click()
        wait_for(lambda: "#fd-tour-" in browser.current_url, message="back on the unit page")
        form = browser.find_element(By.CSS_SELECTOR, '[data-hotspot="lampioni-domanda"]')
        assert "Giusto!" in form.find_element(By.CSS_SELECTOR, "[data-role=feedback]").text
        # Read stop by stop with the "next stop" buttons, to the summary.
        for scene_id in [s["id"] for s in tour_state(course, user).scenes]:
            scene = browser.find_element(By.CSS_SELECTOR, f'[data-scene="{scene_id}"]')
            button = scene.find_element(By.CSS_SELECTOR, ".fd-tour__next button")
            before = browser.current_url
            button.click()
            wait_for(lambda b=before, s=scene_id: browser.current_url != b or s == "anagrafe", message="the next stop")
        wait_for(lambda: browser.current_url.endswith("-summary"), message="the summary")
        assert "9 tappe su 9" in browser.find_element(By.CSS_SELECTOR, "[data-role=summary]").text
        assert tour_state(course, user).completed
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    # axe-core needs JavaScript: check the same text layout (every stop shown, no guided mode).
    browser.get(url)
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".fd-tour.is-guided"), message="the page")
    browser.execute_script("var t = document.querySelector('.fd-tour'); t.classList.remove('is-guided');"
                           "t.querySelectorAll('[hidden]').forEach(function (n) { n.hidden = false; });"
                           "t.querySelector('[data-role=tools]').hidden = true;"
                           "t.querySelectorAll('[data-role=viewer]').forEach(function (n) { n.hidden = true; });")
    assert axe_violations(browser) == []


def test_320_pixels_wide_has_no_horizontal_scroll(tour_page, browser, wait_for, axe_violations):
    course, user, url = tour_page
    browser.set_window_size(320, 800)
    try:
        browser.get(url)
        wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".fd-tour.is-guided"), message="the guided tour")
        for scene_id in ("fibra", "fontanello"):
            browser.find_element(By.CSS_SELECTOR, f'.fd-tour__stops [data-go="{scene_id}"]').click()
            wait_for(lambda s=scene_id: visible_scene(browser) == s, message=scene_id)
            width = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth];")
            assert width[0] <= width[1], scene_id
        assert axe_violations(browser) == []
    finally:
        browser.set_window_size(1280, 900)


def test_a_360_stop_opens_the_viewer_and_the_arrow_keys_pan(tour_page, browser, keyboard, wait_for):
    course, user, url = tour_page
    browser.get(url)
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".fd-tour.is-guided"), message="the guided tour")
    browser.find_element(By.CSS_SELECTOR, '.fd-tour__stops [data-go="fontanello"]').click()
    scene = browser.find_element(By.CSS_SELECTOR, '[data-scene="fontanello"]')
    box = scene.find_element(By.CSS_SELECTOR, "[data-role=viewer]")
    caption = scene.find_element(By.CSS_SELECTOR, ".fd-tour__caption")
    outcome = wait_for(lambda: ("ready" if box.get_attribute("data-ready") else None)
                       or ("failed" if "360" in caption.text and "non si può" in caption.text else None),
                       timeout=40, message="the 360° viewer or its fallback")
    assert outcome == "ready"  # headless Chromium renders WebGL in software
    assert box.get_attribute("aria-label").startswith("Vista a 360°")
    marker = wait_for(lambda: box.find_elements(By.CSS_SELECTOR, ".fd-tour__marker"), timeout=20,
                      message="the hotspot markers")[0]
    keyboard.tab_to(box)

    def marker_x():
        return browser.execute_script("return arguments[0].getBoundingClientRect().left;", marker)

    before = marker_x()
    keyboard.press(Keys.ARROW_RIGHT, times=3)
    wait_for(lambda: abs(marker_x() - before) > 5, message="the view turned with the arrow keys")

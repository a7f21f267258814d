"""The browser fixtures: headless Chromium, signing in, keyboard driving and axe-core."""
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.urls("tests.infra.pages")]


def test_axe_finds_the_known_violations_of_a_bad_page(browser, live_server, axe_violations):
    browser.get(live_server.url + "/infra/bad/")
    found = {violation["id"]: violation for violation in axe_violations(browser)}
    assert {"html-has-lang", "image-alt", "button-name"} <= set(found)
    assert found["image-alt"]["impact"] == "critical"
    assert found["image-alt"]["targets"] == ["img"]
    assert all(v["impact"] in ("serious", "critical") for v in found.values())


def test_axe_finds_nothing_on_a_good_page(browser, live_server, axe_violations):
    browser.get(live_server.url + "/infra/good/")
    assert axe_violations(browser) == []


def test_browser_speaks_italian(browser, live_server):
    # What the browser asks for (the sandbox itself ignores Accept-Language until a visitor switches).
    browser.get(live_server.url + "/infra/whoami/")
    assert browser.execute_script("return navigator.languages;")[0] == "it"
    assert browser.get_window_size() == {"width": 1280, "height": 900}


def test_login_signs_the_browser_in(browser, live_server, login):
    browser.get(live_server.url + "/infra/whoami/")
    assert browser.find_element("id", "user").text == "anonymous"
    user = login(browser, live_server, "teacher")
    browser.get(live_server.url + "/infra/whoami/")
    assert browser.find_element("id", "user").text == user.username == "teacher"


def test_sign_in_does_not_leak_into_the_next_test(chromium_session, browser, live_server, login):
    login(browser, live_server, "learner")
    browser.get(live_server.url + "/infra/whoami/")
    assert browser.find_element("id", "user").text == "learner"
    chromium_session.reset()  # what the fixture does after each test
    browser.get(live_server.url + "/infra/whoami/")
    assert browser.find_element("id", "user").text == "anonymous"


def test_keyboard_reaches_and_operates_controls(browser, live_server, keyboard):
    browser.get(live_server.url + "/infra/keyboard/")
    assert keyboard.tab().get_attribute("id") == "first"
    checkbox = keyboard.tab()
    assert checkbox.get_attribute("id") == "agree"
    keyboard.space()
    assert checkbox.is_selected()
    assert keyboard.shift_tab().get_attribute("id") == "first"
    button = browser.find_element("id", "go")
    assert keyboard.tab_to(button) == 2
    keyboard.enter()
    assert browser.find_element("id", "out").text == "premuto"

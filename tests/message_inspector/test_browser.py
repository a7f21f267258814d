"""In real Chromium: marking with the keyboard and by touch on a phone, without JavaScript, axe-core, XSS."""
import json

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from .conftest import GENUINE, SCAM, handler_url, unit_url, usage

SIGN_TEXTS = ("+39 351 482 7730", "hai diritto a un rimborso", "entro 24 ore", "inps-rimborsi-online.info/dati")


def wait_for_result(browser):
    return WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".fd-mi-result") or None)[0]


def no_horizontal_scroll(browser):
    return browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth;")


def test_marking_with_the_keyboard_alone(browser, live_server, login, keyboard, axe_violations, learner, mi_course):
    login(browser, live_server, learner)
    browser.get(live_server.url + unit_url(mi_course, SCAM))
    toggles = WebDriverWait(browser, 20).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "button.fd-mi-toggle") or None)
    assert len(toggles) == 4 and all(t.get_attribute("aria-pressed") == "false" for t in toggles)
    assert axe_violations(browser) == []
    for toggle in toggles:
        if any(text in toggle.text for text in SIGN_TEXTS):
            keyboard.tab_to(toggle)
            keyboard.space()
            assert toggle.get_attribute("aria-pressed") == "true"
    # A radio group is one Tab stop; the arrow keys choose within it.
    keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, "input[name=action][value=trust]"))
    keyboard.press(Keys.ARROW_DOWN, 2)
    assert browser.find_element(By.CSS_SELECTOR, "input[name=action][value=report]").is_selected()
    keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, ".fd-mi-check-button"))
    keyboard.enter()
    result = wait_for_result(browser)
    assert "Bravo: tutto giusto!" in result.text and "La fretta ti spinge" in result.text
    assert keyboard.focused() == result
    assert axe_violations(browser) == []


def test_marking_by_touch_on_a_360_px_phone(browser, live_server, login, axe_violations, learner, mi_course):
    login(browser, live_server, learner)
    browser.set_window_size(360, 780)
    try:
        browser.get(live_server.url + unit_url(mi_course, GENUINE))
        toggles = WebDriverWait(browser, 20).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "button.fd-mi-toggle") or None)
        assert no_horizontal_scroll(browser)
        for target in [*toggles, *browser.find_elements(By.CSS_SELECTOR, ".fd-mi-choice, .fd-mi-check-button")]:
            size = target.size
            assert size["height"] >= 24 and size["width"] >= 24, (target.text, size)
        toggles[0].click()
        assert toggles[0].get_attribute("aria-pressed") == "true"
        toggles[0].click()
        assert toggles[0].get_attribute("aria-pressed") == "false"
        browser.find_element(By.CSS_SELECTOR, "input[name=action][value=trust]").click()
        browser.find_element(By.CSS_SELECTOR, ".fd-mi-check-button").click()
        result = wait_for_result(browser)
        assert "Bravo: tutto giusto!" in result.text
        assert no_horizontal_scroll(browser) and axe_violations(browser) == []
        browser.set_window_size(320, 700)
        assert no_horizontal_scroll(browser)
    finally:
        browser.set_window_size(1280, 900)


def test_without_javascript_the_message_and_its_explanations_work(browser, live_server, login, learner, mi_course):
    login(browser, live_server, learner)
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(live_server.url + unit_url(mi_course, SCAM))
        assert not browser.find_elements(By.CSS_SELECTOR, "button.fd-mi-toggle")
        boxes = browser.find_elements(By.CSS_SELECTOR, "input.fd-mi-check")
        assert len(boxes) == 4
        for box in boxes:
            label = box.find_element(By.XPATH, "..")
            if "entro 24 ore" in label.text or "inps-rimborsi" in label.text:
                label.click()
        browser.find_element(By.CSS_SELECTOR, "input[name=action][value=ignore]").click()
        browser.find_element(By.CSS_SELECTOR, ".fd-mi-check-button").click()
        result = wait_for_result(browser)
        assert "Hai trovato 2 segnali su 4." in result.text and "Scelta migliore:" in result.text
        assert "Il link non porta al sito dell'INPS" in result.text
        browser.find_element(By.CSS_SELECTOR, ".fd-mi-again").click()
        WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "input.fd-mi-check"))
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>'


def test_author_markup_runs_nowhere(browser, live_server, login, client, author, learner, mi_course):
    client.force_login(author)
    edit = {"display_name": "T" + PAYLOAD, "weight": 1, "attempts_allowed": 0, "digcomp_competences": [],
            "message": {"channel": "email", "sender_name": PAYLOAD, "sender_address": PAYLOAD, "subject": PAYLOAD,
                        "received": PAYLOAD, "context": PAYLOAD, "expected_action": "report",
                        "action_explanation": PAYLOAD + '<a href="javascript:window.__xss=1">x</a>',
                        "parts": [{"id": "a", "text": PAYLOAD, "role": "sign", "sign": "link",
                                   "href": "https://example.org/?q=\"><script>window.__xss=1</script>",
                                   "explanation": PAYLOAD},
                                  {"id": "b", "text": PAYLOAD, "role": "genuine", "explanation": PAYLOAD}]}}
    response = client.post(handler_url(usage(mi_course, SCAM), "studio_save"), json.dumps(edit),
                           content_type="application/json")
    assert response.status_code == 200, response.content
    login(browser, live_server, learner)
    browser.get(live_server.url + unit_url(mi_course, SCAM))
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "button.fd-mi-toggle"))
    browser.find_elements(By.CSS_SELECTOR, "button.fd-mi-toggle")[0].click()
    browser.find_element(By.CSS_SELECTOR, "input[name=action][value=report]").click()
    browser.find_element(By.CSS_SELECTOR, ".fd-mi-check-button").click()
    wait_for_result(browser)
    for link in browser.find_elements(By.CSS_SELECTOR, ".fd-mi a"):
        assert not (link.get_attribute("href") or "").startswith("javascript:")
    assert browser.execute_script("return window.__xss === undefined;")
    assert "<script>" in browser.find_element(By.CSS_SELECTOR, ".fd-mi-screen").text


@pytest.mark.parametrize("language", ["it", "en"])
def test_the_studio_editor_is_accessible(browser, live_server, login, axe_violations, author, mi_course, language):
    from django.urls import reverse

    login(browser, live_server, author)
    browser.get(live_server.url + reverse("sandbox:course_list"))
    browser.add_cookie({"name": "django_language", "value": language})
    key = usage(mi_course, SCAM)
    browser.get(live_server.url + reverse("sandbox:studio", args=[str(mi_course.course_key), str(key)]))
    WebDriverWait(browser, 20).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".fd-mi-editor-part")) == 7)
    assert axe_violations(browser) == []
    browser.find_element(By.CSS_SELECTOR, ".fd-mi-preview-button").click()
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".fd-mi-preview .fd-mi-result"))
    assert axe_violations(browser) == []

"""The award page: the credential's scrollable text is reachable and scrollable with the keyboard."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

pytestmark = pytest.mark.browser


def test_the_credential_text_scrolls_with_the_keyboard(demo, browser, live_server, login, keyboard, axe_violations,
                                                       wait_for):
    login(browser, live_server, demo["learner"])
    browser.get(live_server.url + demo["award"])
    summary = browser.find_element(By.XPATH, "//summary[contains(., 'Mostra la credenziale')]")
    keyboard.tab_to(summary)
    keyboard.enter()
    credential = browser.find_element(By.CSS_SELECTOR, "details[open] pre")
    assert credential.get_attribute("aria-label") == "Credenziale (JSON)"
    assert browser.execute_script("return arguments[0].scrollHeight > arguments[0].clientHeight", credential)
    keyboard.tab_to(credential)
    keyboard.press(Keys.PAGE_DOWN)
    wait_for(lambda: browser.execute_script("return arguments[0].scrollTop", credential) > 0,
             message="the credential scrolled")
    assert axe_violations(browser) == []

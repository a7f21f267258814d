"""Badge pages in Chromium: keyboard only, axe-core finds no serious or critical violation."""
import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

pytestmark = [pytest.mark.browser]


def test_badge_page_verify_button_by_keyboard(browser, live_server, keyboard, axe_violations, signed_award, login):
    login(browser, live_server, signed_award.user)
    browser.get(live_server.url + reverse("fd_badges:award_page", kwargs={"uuid": signed_award.uuid}))
    assert axe_violations(browser) == []
    assert browser.find_element(By.PARTIAL_LINK_TEXT, "LinkedIn").get_attribute("href").startswith(
        "https://www.linkedin.com/profile/add?")
    keyboard.tab_to(browser.find_element(By.XPATH, "//button[normalize-space()='Verifica questo badge']"))
    keyboard.enter()
    status = browser.find_element(By.CSS_SELECTOR, "[role=status] .status-ok")
    assert status.text.startswith("Verificato")
    assert axe_violations(browser) == []


def test_verify_page_explains_a_tampered_badge(browser, live_server, keyboard, axe_violations, signed_award):
    import json

    credential = dict(signed_award.credential, name="Laurea in open data")
    browser.get(live_server.url + reverse("fd_badges:verify"))
    assert axe_violations(browser) == []
    textarea = browser.find_element(By.ID, "credential")
    keyboard.tab_to(textarea)
    browser.execute_script("arguments[0].value = arguments[1];", textarea, json.dumps(credential))
    keyboard.tab_to(browser.find_element(By.XPATH, "//button[normalize-space()='Verifica']"))
    keyboard.enter()
    message = browser.find_element(By.CSS_SELECTOR, "[role=status] .status-bad").text
    assert "alterata" in message
    assert axe_violations(browser) == []


def test_my_badges_and_bulk_award_pages_are_accessible(browser, live_server, axe_violations, signed_award, staff,
                                                       login):
    login(browser, live_server, signed_award.user)
    browser.get(live_server.url + reverse("fd_badges:my_badges"))
    assert signed_award.badge_class.name_it in browser.page_source
    assert axe_violations(browser) == []
    login(browser, live_server, staff)
    browser.get(live_server.url + reverse("fd_badges:bulk_award", kwargs={"slug": signed_award.badge_class.slug}))
    assert browser.find_element(By.ID, "csv_file")
    assert axe_violations(browser) == []

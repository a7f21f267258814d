"""Badge pages in Chromium: keyboard only, axe-core finds no serious or critical violation."""
import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

from tests.helpers.browser import choose_language

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
    assert "cambiato la credenziale" in message
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


WIDE = """
const width = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth <= width) return [];
return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1)
  .slice(-3).map(e => `${e.tagName}.${e.className}`);"""


@pytest.mark.parametrize(("language", "copy", "copied"), [("it", "Copia il link", "Il link è copiato."),
                                                           ("en", "Copy link", "The link is copied.")])
def test_award_page_leads_with_the_achievement_and_copies_its_link_by_keyboard(
        language, copy, copied, browser, live_server, keyboard, axe_violations, signed_award, login):
    login(browser, live_server, signed_award.user)
    page = reverse("fd_badges:award_page", kwargs={"uuid": signed_award.uuid})
    browser.get(live_server.url + page)
    if language == "en":
        choose_language(browser, "en", browser.find_element(By.XPATH, "//button[@lang='en']").click)
    main = browser.find_element(By.ID, "main").text
    name = getattr(signed_award.badge_class, f"name_{language}")
    assert browser.find_element(By.TAG_NAME, "h1").text == name
    # What the person achieved comes before the technical details; the DID sits in its own section.
    assert main.index(name) < main.index(signed_award.badge_class.issuer.did)
    technical = browser.find_element(By.CSS_SELECTOR, "section.technical")
    assert signed_award.badge_class.issuer.did in technical.text
    assert signed_award.badge_class.issuer.did not in browser.find_element(By.CSS_SELECTOR, ".badge-card").text
    assert browser.find_element(By.CSS_SELECTOR, "figure.qr svg[role=img] title").get_attribute("textContent")
    mail = browser.find_element(By.CSS_SELECTOR, "a[href^='mailto:']").get_attribute("href")
    assert "subject=" in mail and "body=" in mail
    assert axe_violations(browser) == []
    keyboard.tab_to(browser.find_element(By.XPATH, f"//button[normalize-space()='{copy}']"))
    keyboard.enter()
    status = browser.find_element(By.ID, "copy-status")
    assert status.text == copied
    # The whole address is selected in the field, so the copy took the page's URL.
    selected = browser.execute_script(
        "const f = document.getElementById('page-url'); return f.value.substring(f.selectionStart, f.selectionEnd)")
    assert selected.endswith(page)
    assert axe_violations(browser) == []


@pytest.mark.parametrize("language", ["it", "en"])
def test_award_page_at_320_px_does_not_scroll_sideways(language, browser, live_server, signed_award):
    browser.set_window_size(320, 800)
    try:
        browser.get(live_server.url + reverse("fd_badges:award_page", kwargs={"uuid": signed_award.uuid}))
        if language == "en":
            choose_language(browser, "en", browser.find_element(By.XPATH, "//button[@lang='en']").click)
        assert browser.execute_script(WIDE) == []
    finally:
        browser.set_window_size(1280, 900)


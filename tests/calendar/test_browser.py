"""Real Chromium: a citizen on a 360 px phone finds a session, registers, adds it to the calendar and
cancels; a facilitator shows the rotating code and an attendee's phone checks in; axe on every page."""
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from tests.helpers.browser import WINDOW_SIZE, Chromium, next_page

from .conftest import make_session

pytestmark = pytest.mark.browser


def _no_horizontal_scroll(driver):
    return driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth;")


def _page_ok(driver, axe_violations):
    assert _no_horizontal_scroll(driver), driver.current_url
    assert axe_violations(driver) == [], driver.current_url


@pytest.fixture
def phone(browser):
    browser.set_window_size(360, 800)
    yield browser
    browser.set_window_size(*WINDOW_SIZE)


def test_on_a_phone_find_register_add_to_calendar_and_cancel(phone, live_server, login, axe_violations):
    from fd_calendar.models import Registration

    make_session(title="Truffe online", topics="online_safety", kind="bus")
    session = make_session(title="Il Fascicolo sanitario", topics="health_record", capacity=3)
    user = login(phone, live_server, "cittadina")
    phone.get(live_server.url + "/fd/calendar/")
    assert phone.execute_script("return window.innerWidth;") <= 360
    _page_ok(phone, axe_violations)
    Select(phone.find_element(By.ID, "id_topic")).select_by_value("health_record")
    next_page(phone, phone.find_element(By.CSS_SELECTOR, ".fd-filters button[type=submit]").click)
    titles = [item.text for item in phone.find_elements(By.CSS_SELECTOR, ".fd-card h3")]
    assert titles == ["Il Fascicolo sanitario"]
    _page_ok(phone, axe_violations)
    next_page(phone, phone.find_element(By.LINK_TEXT, "Il Fascicolo sanitario").click)
    assert "3 / 3" in phone.find_element(By.CSS_SELECTOR, ".fd-facts").text
    _page_ok(phone, axe_violations)
    next_page(phone, phone.find_element(By.XPATH, "//button[normalize-space()='Iscriviti con un clic']").click)
    assert "Hai un posto." in phone.find_element(By.ID, "main").text
    assert "2 / 3" in phone.find_element(By.CSS_SELECTOR, ".fd-facts").text
    _page_ok(phone, axe_violations)
    assert Registration.objects.get(user=user).status == "confirmed"

    ics = phone.find_element(By.LINK_TEXT, "Aggiungi al mio calendario").get_attribute("href")
    with urllib.request.urlopen(ics) as response:
        assert response.headers["Content-Type"].startswith("text/calendar")
        assert f"UID:{session.uuid}@".encode() in response.read()

    next_page(phone, phone.find_element(By.LINK_TEXT, "Le mie iscrizioni").click)
    _page_ok(phone, axe_violations)
    next_page(phone, phone.find_element(By.LINK_TEXT, "Annulla la mia iscrizione").click)
    _page_ok(phone, axe_violations)
    next_page(phone, phone.find_element(By.XPATH, "//button[normalize-space()='Sì, annulla la mia iscrizione']").click)
    assert "La tua iscrizione è annullata" in phone.find_element(By.ID, "main").text
    _page_ok(phone, axe_violations)
    assert Registration.objects.get(user=user).status == "cancelled"


def test_a_guest_registers_on_a_phone_without_an_account(phone, live_server, axe_violations):
    session = make_session(title="SPID in biblioteca", capacity=1)
    phone.get(f"{live_server.url}/fd/calendar/session/{session.uuid}/")
    # Empty: told what to fix.
    next_page(phone, phone.find_element(By.XPATH, "//form[contains(@class,'fd-guest')]//button").click)
    told = phone.find_element(By.ID, "main").text
    assert "Controlla il modulo" in told and "obbligatorio" in told
    _page_ok(phone, axe_violations)
    phone.find_element(By.ID, "id_first_name").send_keys("Lucia")
    phone.find_element(By.ID, "id_phone").send_keys("055 123 4567")
    phone.find_element(By.ID, "id_consent").click()
    next_page(phone, phone.find_element(By.XPATH, "//form[contains(@class,'fd-guest')]//button").click)
    assert "Grazie, Lucia: hai un posto." in phone.find_element(By.ID, "main").text
    _page_ok(phone, axe_violations)


@pytest.fixture
def attendee_phone():
    chromium = Chromium()
    chromium.driver.set_window_size(360, 800)
    yield chromium.driver
    chromium.quit()


def test_qr_check_in_with_two_browsers(browser, attendee_phone, live_server, login, axe_violations, facilitator,
                                      wait_for):
    from fd_calendar.booking import register_user
    from fd_calendar.models import CheckIn

    session = make_session(title="pagoPA al Quartiere 5")
    attendee = login(attendee_phone, live_server, "partecipante")
    register_user(session, attendee)
    login(browser, live_server, facilitator)
    browser.get(f"{live_server.url}/fd/calendar/session/{session.uuid}/run/")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.fd-qr")
    _page_ok(browser, axe_violations)
    encoded = browser.find_element(By.ID, "fd-check-in-url").get_attribute("href")
    assert "/check-in?code=" in encoded

    attendee_phone.get(encoded)
    assert "La tua presenza è registrata" in attendee_phone.find_element(By.ID, "main").text
    _page_ok(attendee_phone, axe_violations)
    attendee_phone.get(encoded)
    assert "già registrata" in attendee_phone.find_element(By.ID, "main").text
    assert CheckIn.objects.filter(session=session, user=attendee).count() == 1

    # The page renews the code by itself (a script; without it, the "Show a new code" link).
    wait_for(lambda: "1 persona presente" in browser.find_element(By.ID, "fd-here-now").text, timeout=45,
             message="the facilitator's page to show the check-in")
    assert browser.find_element(By.ID, "fd-check-in-url").get_attribute("href") != encoded
    browser.find_element(By.ID, "id_people").send_keys("3")
    next_page(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Aggiungi al conteggio']").click)
    assert "3 senza account" in browser.find_element(By.ID, "main").text

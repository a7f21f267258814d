"""In Chromium on a 360 px phone: a guest books a slot and cancels it; a facilitator marks one done."""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By

from .conftest import drain, open_every_day

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(browser):
    browser.set_window_size(360, 800)
    yield browser
    browser.set_window_size(1280, 900)


@pytest.fixture
def place(transactional_db):
    from fd_progress.models import FacilitationPoint

    point = FacilitationPoint.objects.create(name="Biblioteca Villa Bandini", district="Quartiere 3 Gavinana-Galluzzo",
                                             organisation="Comune di Firenze")
    open_every_day(point)
    return point


def fits_the_screen(driver):
    return driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth;")


def check_page(driver, axe_violations):
    assert fits_the_screen(driver), driver.current_url
    assert axe_violations(driver) == [], driver.current_url


def test_a_guest_books_a_slot_on_a_phone_and_cancels_it(phone, live_server, place, axe_violations, wait_for):
    from fd_assistance.models import Booking

    phone.get(live_server.url + "/fd/assistance/")
    check_page(phone, axe_violations)
    phone.find_element(By.LINK_TEXT, "Biblioteca Villa Bandini").click()
    assert phone.find_element(By.TAG_NAME, "h1").text == "Biblioteca Villa Bandini"
    check_page(phone, axe_violations)
    first = phone.find_element(By.CSS_SELECTOR, ".fd-slots a")
    first_href = first.get_attribute("href")
    first.click()
    check_page(phone, axe_violations)

    phone.find_element(By.CSS_SELECTOR, "input[value=app_io]").click()
    phone.find_element(By.NAME, "first_name").send_keys("Teresa")
    phone.find_element(By.NAME, "phone").send_keys("340 7654321")
    phone.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    wait_for(lambda: phone.find_elements(By.CSS_SELECTOR, ".fd-errors"), message="the form with its error")
    # Forgot the consent: told so, and what she wrote is still there.
    assert "obbligatorio" in phone.find_element(By.CSS_SELECTOR, ".fd-errors").text
    assert phone.find_element(By.NAME, "first_name").get_attribute("value") == "Teresa"
    check_page(phone, axe_violations)
    phone.find_element(By.NAME, "consent").click()
    phone.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    wait_for(lambda: "/booking/" in phone.current_url, message="the confirmation page")

    assert phone.find_element(By.CSS_SELECTOR, "[role=status]").text == "Il tuo orario è prenotato."
    check_page(phone, axe_violations)
    booking = Booking.objects.get()
    assert (booking.first_name, booking.topic, booking.status) == ("Teresa", "app_io", "booked")

    phone.find_element(By.CSS_SELECTOR, "a.fd-link").click()
    check_page(phone, axe_violations)
    phone.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    wait_for(lambda: Booking.objects.filter(status="cancelled").exists(), message="the booking cancelled")
    assert phone.find_element(By.TAG_NAME, "h1").text == "Prenotazione annullata"
    check_page(phone, axe_violations)
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    # The time is offered again.
    phone.find_element(By.LINK_TEXT, "Prenota un altro orario").click()
    assert phone.find_element(By.CSS_SELECTOR, ".fd-slots a").get_attribute("href") == first_href


def test_the_facilitator_marks_a_booking_done_and_the_hours_are_counted(browser, live_server, login, place,
                                                                       axe_violations, django_user_model, wait_for):
    from fd_assistance import bookings
    from fd_assistance.models import Booking
    from fd_progress.api import progress_of
    from fd_progress.models import Target

    today = timezone.localdate()
    target = Target.objects.create(title_it="Ore di assistenza", title_en="Assistance hours",
                                   metric="assistance_hours", period_start=today - timedelta(days=30),
                                   deadline=today + timedelta(days=60), goal=100)
    citizen = django_user_model.objects.create_user("cittadino", first_name="Piero")
    start = timezone.make_aware(timezone.datetime.combine(today + timedelta(days=1),
                                                          timezone.datetime.min.time().replace(hour=10)))
    booking = bookings.book(place.pk, start, "pagopa", "Pagare la TARI", user=citizen)
    # The day of the appointment comes: it is today (hours count on the day the help is given).
    start -= timedelta(days=1)
    Booking.objects.filter(pk=booking.pk).update(start=start, end=start + timedelta(minutes=30), active_slot=start)
    staff = django_user_model.objects.create_user("facilitatrice", is_staff=True)
    login(browser, live_server, staff)
    browser.set_window_size(360, 800)
    browser.get(f"{live_server.url}/fd/assistance/agenda/?point={place.pk}&day={start.date().isoformat()}")
    check_page(browser, axe_violations)
    assert "Piero" in browser.find_element(By.CSS_SELECTOR, ".fd-bookings").text
    minutes = browser.find_element(By.NAME, "minutes")
    assert minutes.get_attribute("value") == "30"
    minutes.clear()
    minutes.send_keys("60")
    browser.find_element(By.CSS_SELECTOR, "button[value=done]").click()
    wait_for(lambda: not browser.find_elements(By.CSS_SELECTOR, "button[value=done]"), message="the agenda again")
    assert "Fatto (60 minuti)" in browser.find_element(By.CSS_SELECTOR, ".fd-bookings").text
    check_page(browser, axe_violations)
    drain()
    assert progress_of([target])[0].value == Decimal("1.00")

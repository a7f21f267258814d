"""A teacher and three pupils in real Chromium: the pupils follow, answers pool, pages are accessible."""
import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from tests.helpers.browser import Chromium

from .conftest import COURSE_KEY, USAGE_KEY

PUPILS = 3


@pytest.fixture
def pupils():
    browsers = [Chromium() for _ in range(PUPILS)]
    for item in browsers:
        item.driver.set_window_size(320, 800)
    yield [item.driver for item in browsers]
    for item in browsers:
        item.quit()


def _text(driver, selector):
    """The element's text, or "" while it is missing or the page is reloading under us."""
    try:
        found = driver.find_elements(By.CSS_SELECTOR, selector)
        return found[0].text if found else ""
    except StaleElementReferenceException:
        return ""


def _no_horizontal_scroll(driver):
    return driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth;")


def test_teacher_leads_three_pupils(browser, pupils, live_server, login, axe_violations, wait_for, tour):
    from django.contrib.auth import get_user_model

    from fd_classroom import api
    from fd_classroom.models import ClassSession, Pupil, School, TeacherRole

    teacher = login(browser, live_server, "maestra")
    TeacherRole.objects.create(user=teacher)
    school = School.objects.create(name="Scuola Vittorino da Feltre")
    started = api.start_class(teacher=teacher, course_key=COURSE_KEY, usage_key=USAGE_KEY, tour=tour,
                              school_id=school.pk)

    browser.get(live_server.url + started["lead_url"])
    assert browser.find_element(By.ID, "fd-class-code").text == started["code"]
    assert browser.find_elements(By.CSS_SELECTOR, "svg.fd-qr")
    assert axe_violations(browser) == []

    for number, pupil in enumerate(pupils):
        pupil.get(live_server.url + started["join_url"])
        if number == 0:
            assert axe_violations(pupil) == []
        assert pupil.find_element(By.ID, "fd-code").get_attribute("value") == started["code"]
        pupil.find_element(By.CSS_SELECTOR, ".fd-join button[type=submit]").click()
        wait_for(lambda p=pupil: "La fibra sotto la città" in _text(p, "h1"), message="pupil on stop 1")
    nicknames = [_text(pupil, ".fd-me strong") for pupil in pupils]
    assert len(set(nicknames)) == PUPILS and all(nicknames)
    assert pupils[0].execute_script("return window.innerWidth;") <= 320
    assert _no_horizontal_scroll(pupils[0])
    assert axe_violations(pupils[0]) == []
    wait_for(lambda: browser.find_element(By.ID, "fd-arrived-count").text == "3", message="3 arrivals on the lead page")
    assert sorted(item.text for item in browser.find_elements(By.CSS_SELECTOR, "#fd-arrived li")) == sorted(nicknames)

    # The teacher goes to the next stop: every pupil follows.
    browser.find_element(By.ID, "fd-next").click()
    for pupil in pupils:
        wait_for(lambda p=pupil: "Wi-Fi libero ai fontanelli" in _text(p, "h1"), message="pupil follows to stop 2")

    # The teacher points at a hotspot: it is highlighted and announced on every pupil's screen.
    point = "//ul[@class='fd-point-list']//button[normalize-space()='Il cartello del Wi-Fi']"
    browser.find_element(By.XPATH, point).click()
    for pupil in pupils:
        wait_for(lambda p=pupil: "Il cartello del Wi-Fi" in _text(p, ".fd-hotspot.fd-pointed[data-hotspot=cartello]"),
                 message="pointed hotspot highlighted")
        assert "Il cartello del Wi-Fi" in _text(pupil, "#fd-live")
    assert axe_violations(pupils[1]) == []

    # A question to the whole class: the pupils answer, the teacher sees the pooled counts.
    Select(browser.find_element(By.ID, "fd-ask-question")).select_by_value("wifi/q-wifi")
    browser.find_element(By.CSS_SELECTOR, ".fd-ask button").click()
    for number, pupil in enumerate(pupils):
        wait_for(lambda p=pupil: _text(p, "#question legend"), message="question on the pupil's screen")
        if number == 0:
            assert axe_violations(pupil) == []
        pupil.find_element(By.CSS_SELECTOR, f"label[for=choice-{0 if number < 2 else 1}]").click()
        pupil.find_element(By.CSS_SELECTOR, "#question button[type=submit]").click()
        wait_for(lambda p=pupil: "Vero: è gratis per tutti." in _text(p, ".fd-feedback"), message="feedback shown")
    wait_for(lambda: browser.find_element(By.ID, "fd-answered").text == "3", message="3 answers pooled")
    cells = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "#fd-answers td.num")]
    assert cells == ["2", "1"]
    assert axe_violations(browser) == []

    # The end: pupils are told, the teacher gets the summary and the guide.
    browser.find_element(By.ID, "fd-end").click()
    wait_for(lambda: "Riepilogo della classe" in _text(browser, "h1"), message="summary page")
    assert "2" in browser.find_element(By.CSS_SELECTOR, ".fd-pool tbody tr:first-child td.num").text
    assert axe_violations(browser) == []
    for pupil in pupils:
        wait_for(lambda p=pupil: "La visita è finita" in _text(p, "h1"), message="pupil sees the end")
    assert axe_violations(pupils[2]) == []
    browser.find_element(By.LINK_TEXT, "Guida per l'insegnante").click()
    wait_for(lambda: "Guida per l'insegnante" in _text(browser, "h1"), message="guide page")
    assert axe_violations(browser) == []

    # Nothing personal about the pupils: no accounts, only nicknames and token hashes.
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["maestra"]
    rows = list(Pupil.objects.values())
    assert sorted(row["nickname"] for row in rows) == sorted(nicknames)
    assert all(set(row) == {"id", "session_id", "nickname", "token_hash", "joined_at"} for row in rows)
    assert ClassSession.objects.get().status == "ended"

    # End and delete: every row of the class goes, and the page says so.
    browser.get(live_server.url + started["lead_url"] + "summary/")
    browser.find_element(By.ID, "fd-delete").click()
    wait_for(lambda: "eliminati" in _text(browser, ".fd-notice"), message="deleted page")
    assert axe_violations(browser) == []
    assert not ClassSession.objects.exists() and not Pupil.objects.exists()


def test_join_page_with_a_wrong_code_is_accessible(browser, live_server, axe_violations, wait_for):
    browser.get(live_server.url + "/fd/classroom/join/")
    field = browser.find_element(By.ID, "fd-code")
    field.send_keys("AAAAAA")
    browser.find_element(By.CSS_SELECTOR, ".fd-join button[type=submit]").click()
    # The answer is a new page: wait for it rather than read the page the click left.
    error = wait_for(lambda: browser.find_elements(By.ID, "join-error"), message="the wrong-code message")
    assert "non è giusto" in error[0].text
    assert axe_violations(browser) == []


def test_teacher_pages_fit_a_phone(browser, live_server, login, started_by_browser_teacher):
    lead_url, summary_url = started_by_browser_teacher
    browser.set_window_size(320, 800)
    try:
        for url in (lead_url, summary_url, summary_url.replace("summary/", "guide/")):
            browser.get(live_server.url + url)
            assert browser.execute_script("return window.innerWidth;") <= 320
            assert _no_horizontal_scroll(browser), url
    finally:
        browser.set_window_size(1280, 900)


@pytest.fixture
def started_by_browser_teacher(browser, live_server, login, tour):
    from fd_classroom import api
    from fd_classroom.models import TeacherRole

    teacher = login(browser, live_server, "maestro")
    TeacherRole.objects.create(user=teacher)
    started = api.start_class(teacher=teacher, course_key=COURSE_KEY, usage_key=USAGE_KEY, tour=tour)
    return started["lead_url"], started["lead_url"] + "summary/"

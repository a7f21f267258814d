"""With JavaScript off the pill still offers its transcript, chapters and downloads in the page, the
self-assessment is taken with plain form posts, and the calendar and the help desks are read and answered."""
import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from tests.helpers.browser import next_page
from tests.video_pill.conftest import PILL_OLX, write_course

pytestmark = pytest.mark.browser


@pytest.fixture
def pill_unit(transactional_db, tmp_path, django_user_model):
    from sandbox.courses import import_course
    from sandbox.enrollment import enroll

    course = import_course(write_course(tmp_path / "course", PILL_OLX.read_text(encoding="utf-8")))
    user = django_user_model.objects.create_user("nojs", "nojs@example.org", "pw")
    enroll(user, course)
    unit = course.course_key.make_usage_key("vertical", "u1")
    return user, reverse("sandbox:unit", args=[str(course.course_key), str(unit)])


def test_without_javascript_the_transcript_chapters_and_downloads_are_there(pill_unit, no_javascript, live_server,
                                                                          login, axe_violations):
    user, url = pill_unit
    login(no_javascript, live_server, user)
    no_javascript.get(live_server.url + url)
    assert no_javascript.find_elements(By.CSS_SELECTOR, ".fd-pill[data-ready]") == []  # no script ran
    transcript = no_javascript.find_element(By.CSS_SELECTOR, ".fd-pill__transcript")
    assert transcript.is_displayed()
    lines = [cue.text for cue in transcript.find_elements(By.CSS_SELECTOR, ".fd-pill__cue")]
    assert len(lines) > 5 and all(lines)
    downloads = no_javascript.find_elements(By.CSS_SELECTOR, ".fd-pill__downloads a")
    assert downloads and all(link.is_displayed() for link in downloads)
    chapter = no_javascript.find_element(By.CSS_SELECTOR, ".fd-pill__chapters a")
    assert "#t=" in chapter.get_attribute("href")  # opens the video file at the chapter
    # axe-core needs scripts: allow them again; the page's own scripts were skipped and stay so.
    no_javascript.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    assert axe_violations(no_javascript) == []
    assert no_javascript.find_elements(By.CSS_SELECTOR, ".fd-pill[data-ready]") == []


def test_with_javascript_the_captions_are_fetched_once(pill_unit, browser, live_server, login, wait_for):
    user, url = pill_unit
    login(browser, live_server, user)
    browser.get(live_server.url + url)
    browser.find_element(By.CSS_SELECTOR, ".fd-pill[data-ready]")
    wait_for(lambda: browser.execute_script(
        "return [...document.querySelector('video').textTracks].some(t => t.mode === 'showing' && t.cues"
        " && t.cues.length)"), message="captions showing")
    fetched = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/captions/'))")
    assert len(fetched) == 1, fetched
    assert browser.find_element(By.CSS_SELECTOR, ".fd-pill__transcript").is_displayed() is False  # closed by default


@pytest.fixture
def assessment_unit(transactional_db, pill_block, django_user_model):
    from sandbox.courses import import_course
    from sandbox.enrollment import enroll
    from tests.assessment.conftest import OLX

    course = import_course(OLX)
    user = django_user_model.objects.create_user("senza", "senza@example.org", "pw")
    enroll(user, course)
    unit = course.course_key.make_usage_key("vertical", "self-check")
    return course, user, reverse("sandbox:unit", args=[str(course.course_key), str(unit)])


def test_without_javascript_the_self_assessment_is_begun_answered_and_submitted(
        assessment_unit, no_javascript, live_server, login, axe_violations):
    from completion.models import BlockCompletion

    course, user, url = assessment_unit
    browser = no_javascript
    login(browser, live_server, user)
    browser.get(live_server.url + url)
    start = browser.find_element(By.CSS_SELECTOR, ".fd-assess form.fd-start")
    assert start.get_attribute("action").startswith(live_server.url + "/xblock/")  # a real handler, not "#"
    next_page(browser, start.find_element(By.CSS_SELECTOR, "button[type=submit]").click)
    assert browser.current_url.split("#")[0] == live_server.url + url  # back on the lesson, at the block
    answered = []
    while forms := browser.find_elements(By.CSS_SELECTOR, ".fd-assess form.fd-question"):
        item = forms[0].get_attribute("data-item")
        assert item not in answered  # each post moved on to the next question
        forms[0].find_elements(By.CSS_SELECTOR, "input[type=radio]")[-1].click()
        next_page(browser, forms[0].find_element(By.CSS_SELECTOR, "button[type=submit]").click)  # a new page came
        answered.append(item)
        assert len(answered) < 25
        progress = browser.find_element(By.CSS_SELECTOR, ".fd-assess .fd-progress").text
        assert progress.startswith(f"{len(answered)} ")
    assert len(answered) >= 5
    submit = browser.find_element(By.CSS_SELECTOR, ".fd-assess form.fd-submit")
    next_page(browser, submit.find_element(By.CSS_SELECTOR, "button").click)
    assert browser.current_url.split("#")[0] == live_server.url + url
    assert browser.find_elements(By.CSS_SELECTOR, ".fd-assess figure.fd-chart svg")
    assert browser.find_element(By.CSS_SELECTOR, ".fd-assess form.fd-restart button").is_displayed()
    block = course.course_key.make_usage_key("fd_digcomp_assessment", "self-check")
    assert BlockCompletion.objects.get(user=user, block_key=block).completion == 1.0
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    assert axe_violations(browser) == []


def test_without_javascript_a_guest_finds_a_session_registers_and_cancels(calendar_and_help, no_javascript,
                                                                         live_server, axe_violations):
    from fd_calendar.models import Registration

    browser, session = no_javascript, calendar_and_help["session"]
    browser.get(live_server.url + reverse("fd_calendar:list"))
    Select(browser.find_element(By.ID, "id_topic")).select_by_value("spid")
    next_page(browser, browser.find_element(By.CSS_SELECTOR, ".fd-filters button[type=submit]").click)
    assert [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".fd-card h3")] == [session.title]
    next_page(browser, browser.find_element(By.LINK_TEXT, session.title).click)
    form = browser.find_element(By.CSS_SELECTOR, "form.fd-guest")
    form.find_element(By.ID, "id_first_name").send_keys("Teresa")
    form.find_element(By.ID, "id_phone").send_keys("340 7654321")
    form.find_element(By.ID, "id_consent").click()
    next_page(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]").click)
    assert "Grazie, Teresa: hai un posto." in browser.find_element(By.ID, "main").text
    assert Registration.objects.get(session=session, guest_name="Teresa").status == "confirmed"
    next_page(browser, browser.find_element(By.LINK_TEXT, "Annulla la mia iscrizione").click)
    next_page(browser, browser.find_element(By.XPATH, "//button[.='Sì, annulla la mia iscrizione']").click)
    assert "La tua iscrizione è annullata" in browser.find_element(By.ID, "main").text
    assert Registration.objects.get(session=session, guest_name="Teresa").status == "cancelled"
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    assert axe_violations(browser) == []


def test_without_javascript_a_learner_joins_the_waiting_list_in_one_click(calendar_and_help, no_javascript,
                                                                          live_server, login):
    from fd_calendar.models import Registration

    browser, full = no_javascript, calendar_and_help["full"]
    learner = login(browser, live_server, calendar_and_help["learner"])
    browser.get(live_server.url + reverse("fd_calendar:session", args=[full.uuid]))
    next_page(browser, browser.find_element(By.XPATH, "//button[.=\"Mettiti in lista d'attesa\"]").click)
    assert Registration.objects.get(session=full, user=learner).status == "waiting"
    assert "Sei in lista d'attesa." in browser.find_element(By.ID, "main").text


def test_without_javascript_the_facilitator_renews_the_code_and_counts_heads(calendar_and_help, no_javascript,
                                                                            live_server, login):
    from fd_calendar.models import HeadCount

    browser, session = no_javascript, calendar_and_help["session"]
    login(browser, live_server, calendar_and_help["facilitator"])
    browser.get(live_server.url + reverse("fd_calendar:run", args=[session.uuid]))
    assert browser.find_element(By.CSS_SELECTOR, "svg.fd-qr").is_displayed()
    # The page again, with the code of now.
    next_page(browser, browser.find_element(By.LINK_TEXT, "Mostra un nuovo codice").click)
    assert "/check-in?code=" in browser.find_element(By.ID, "fd-check-in-url").get_attribute("href")
    browser.find_element(By.ID, "id_people").send_keys("4")
    next_page(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Aggiungi al conteggio']").click)
    assert "4 senza account" in browser.find_element(By.ID, "main").text
    assert HeadCount.objects.get(session=session).people == 4


def test_without_javascript_a_guest_books_a_time_and_cancels_it(calendar_and_help, no_javascript, live_server,
                                                               axe_violations):
    from fd_assistance.models import Booking

    browser, point = no_javascript, calendar_and_help["point"]
    browser.get(live_server.url + reverse("fd_assistance:points"))
    next_page(browser, browser.find_element(By.LINK_TEXT, point.name).click)
    next_page(browser, browser.find_element(By.CSS_SELECTOR, ".fd-slots a").click)
    browser.find_element(By.CSS_SELECTOR, "input[value=pagopa]").click()
    browser.find_element(By.NAME, "first_name").send_keys("Teresa")
    browser.find_element(By.NAME, "phone").send_keys("340 7654321")
    browser.find_element(By.NAME, "consent").click()
    next_page(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]").click)
    assert browser.find_element(By.CSS_SELECTOR, "[role=status]").text == "Il tuo orario è prenotato."
    booking = Booking.objects.get(first_name="Teresa")
    assert (booking.topic, booking.status) == ("pagopa", "booked")
    next_page(browser, browser.find_element(By.CSS_SELECTOR, "a.fd-link").click)
    next_page(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]").click)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Prenotazione annullata"
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    assert axe_violations(browser) == []


def test_without_javascript_the_facilitator_marks_a_booking_done(calendar_and_help, no_javascript, live_server,
                                                                login):
    from django.utils import timezone

    browser, booking = no_javascript, calendar_and_help["booking"]
    login(browser, live_server, calendar_and_help["facilitator"])
    day = timezone.localdate(booking.start).isoformat()
    browser.get(live_server.url + reverse("fd_assistance:agenda") + f"?point={booking.point_id}&day={day}")
    next_page(browser, browser.find_element(By.CSS_SELECTOR, "button[value=done]").click)
    assert "Fatto (30 minuti)" in browser.find_element(By.CSS_SELECTOR, ".fd-bookings").text
    booking.refresh_from_db()
    assert (booking.status, booking.minutes_spent) == ("done", 30)

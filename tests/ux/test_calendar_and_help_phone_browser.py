"""The training calendar and one-to-one help on a 320 px phone, in Italian and in English, as a guest, a
learner and a facilitator: no sideways scrolling, tap targets of 24 px and form controls of 44 px, no
serious or critical axe-core violation, on every page and every state a person meets (forms with their
errors, confirmations, the check-in, the facilitator's code and agenda)."""
from urllib.parse import quote

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from selenium.webdriver.common.by import By

from tests.helpers.browser import next_page

from .test_phone_browser import TARGETS, WIDE

pytestmark = pytest.mark.browser

# The controls a person uses to answer or act: buttons, fields, menus and the slots to book (WCAG 2.5.5).
PRIMARY = """
const out = [];
for (const el of document.querySelectorAll(
    'main button, main select, main textarea, main input:not([type=radio]):not([type=checkbox]):not([type=hidden]),'
    + ' main .fd-slots a')) {
  const r = el.getBoundingClientRect();
  if (!r.width) continue;
  const name = (el.textContent || el.value || el.name || '').trim().slice(0, 30);
  if (r.width < 44 || r.height < 44) out.push(`${el.tagName} "${name}" ${Math.round(r.width)}x${Math.round(r.height)}`);
}
return out;"""


def submit(form_selector):
    """An action: press the submit button of the form (empty, or as the previous action left it)."""
    def press(browser):
        next_page(browser, browser.find_element(By.CSS_SELECTOR, f"{form_selector} button[type=submit]").click)
    return press


def fill_and_submit(form_selector, fields, ticks=()):
    def act(browser):
        form = browser.find_element(By.CSS_SELECTOR, form_selector)
        for name, value in fields.items():
            form.find_element(By.NAME, name).send_keys(value)
        for selector in ticks:
            form.find_element(By.CSS_SELECTOR, selector).click()
        submit(form_selector)(browser)
    return act


def guest_pages(world):
    session, full, point = world["session"], world["full"], world["point"]
    book = reverse("fd_assistance:book", args=[point.pk]) + "?start=" + quote(world["free_slot"].key)
    booking = world["booking"].cancel_token
    return [
        (reverse("fd_calendar:list"), None),
        (reverse("fd_calendar:list") + "?topic=spid&kind=in_person", None),
        (reverse("fd_calendar:session", args=[session.uuid]), None),
        (reverse("fd_calendar:session", args=[session.uuid]), submit("form.fd-guest")),  # told what to fix
        (reverse("fd_calendar:session", args=[session.uuid]),
         fill_and_submit("form.fd-guest", {"first_name": "Teresa", "phone": "340 7654321"}, ["#id_consent"])),
        (reverse("fd_calendar:session", args=[full.uuid]), None),  # full: the waiting list
        (reverse("fd_calendar:cancel", args=[world["seat"].cancel_token]), None),
        (reverse("fd_assistance:points"), None),
        (reverse("fd_assistance:point", args=[point.pk]), None),
        (book, None),
        (book, submit("main form")),
        (book, fill_and_submit("main form", {"first_name": "Teresa", "phone": "340 7654321"},
                               ["input[value=app_io]", "input[name=consent]"])),
        (reverse("fd_assistance:booking", args=[booking]), None),
        (reverse("fd_assistance:cancel", args=[booking]), None),
        (reverse("fd_assistance:cancel", args=[booking]), submit("main form")),
    ]


def learner_pages(world):
    from fd_calendar.codes import make_code

    session, full, point = world["session"], world["full"], world["point"]
    check_in = reverse("fd_calendar:check_in", args=[session.uuid])
    return [
        (reverse("fd_calendar:list"), None),
        (reverse("fd_calendar:session", args=[session.uuid]), None),  # has a seat
        (reverse("fd_calendar:session", args=[full.uuid]), None),  # may join the waiting list in one click
        (reverse("fd_calendar:session", args=[full.uuid]), submit("main form")),
        (reverse("fd_calendar:mine"), None),
        (check_in + "?code=" + make_code(session), None),
        (check_in + "?code=" + make_code(session), None),  # already checked in
        (check_in + "?code=wrong", None),
        (reverse("fd_calendar:cancel", args=[world["seat"].cancel_token]), submit("main form")),
        (reverse("fd_assistance:book", args=[point.pk]) + "?start=" + quote(world["free_slot"].key), None),
    ]


def facilitator_pages(world):
    session, point = world["session"], world["point"]
    day = timezone.localdate(world["booking"].start).isoformat()
    run = reverse("fd_calendar:run", args=[session.uuid])
    agenda = reverse("fd_assistance:agenda") + f"?point={point.pk}&day={day}"
    return [
        (run, None),
        (run, fill_and_submit("main form", {"people": "3"})),
        (agenda, None),
        (agenda, submit("form.fd-mark")),
    ]


def speak(browser, live_server, language):
    browser.execute_cdp_cmd("Network.setCookie", {"name": settings.LANGUAGE_COOKIE_NAME, "value": language,
                                                  "url": live_server.url + "/", "path": "/"})


def sweep(browser, live_server, pages, language, axe_violations):
    problems = []
    for page, action in pages:
        browser.get(live_server.url + page)
        if action:
            action(browser)
        where = f"{browser.current_url.removeprefix(live_server.url)} ({language}, after {page})"
        if browser.find_element(By.TAG_NAME, "html").get_attribute("lang") != language:
            problems.append(f"{where} is not in {language}")
        for script, fault in ((WIDE, "scrolls sideways"), (TARGETS, "has tap targets under 24 px"),
                              (PRIMARY, "has form controls under 44 px")):
            found = browser.execute_script(script)
            if found:
                problems.append(f"{where} {fault}: {found[:4]}")
        blocking = axe_violations(browser)
        if blocking:
            problems.append(f"{where} axe: {[(v['id'], v['targets'][:3]) for v in blocking]}")
    return problems


@pytest.mark.parametrize("language", ["it", "en"])
def test_calendar_and_help_pages_fit_a_320_px_phone_for_guests_learners_and_facilitators(
        language, calendar_and_help, browser, phone, live_server, login, axe_violations):
    world = calendar_and_help
    phone(320)
    problems = []
    for person, pages in ((None, guest_pages(world)), (world["learner"], learner_pages(world)),
                          (world["facilitator"], facilitator_pages(world))):
        browser.execute_cdp_cmd("Network.clearBrowserCookies", {})
        if person is not None:
            login(browser, live_server, person)
        speak(browser, live_server, language)
        problems += sweep(browser, live_server, pages, language, axe_violations)
    assert problems == []

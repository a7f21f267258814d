"""The calendar's pages with Django's client: finding, registering, waiting, cancelling, and the messages."""
import pytest
from django.urls import reverse

from fd_calendar.booking import register_user
from fd_calendar.models import Registration

from .conftest import make_session

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_the_list_filters_by_district_topic_kind_and_access(client):
    make_session(title="SPID a Rifredi", district="Quartiere 5 Rifredi", topics="spid", access="step_free")
    make_session(title="pagoPA online", kind="webinar", district="", topics="pagopa", access="")
    make_session(title="IO sul bus", kind="bus", district="Quartiere 4 Isolotto-Legnaia", topics="app_io",
                 access="step_free,induction_loop")
    make_session(title="Già passata", days=-2)

    def titles(**query):
        response = client.get(reverse("fd_calendar:list"), query, **EN)
        assert response.status_code == 200
        return [title for title in ("SPID a Rifredi", "pagoPA online", "IO sul bus", "Già passata")
                if title in response.content.decode()]

    assert titles() == ["SPID a Rifredi", "pagoPA online", "IO sul bus"]
    assert titles(district="Quartiere 5 Rifredi") == ["SPID a Rifredi"]
    assert titles(topic="pagopa") == ["pagoPA online"]
    assert titles(kind="bus") == ["IO sul bus"]
    assert titles(access=["step_free", "induction_loop"]) == ["IO sul bus"]
    bad = client.get(reverse("fd_calendar:list"), {"kind": "rocket"}, **EN)
    assert bad.status_code == 400 and "not valid" in bad.content.decode()


def test_a_session_page_shows_place_time_seats_and_what_to_bring_in_rome_time(client):
    session = make_session(capacity=4)
    body = client.get(reverse("fd_calendar:session", args=[session.uuid]), **EN).content.decode()
    assert "Biblioteca Buonarroti" in body and "4 / 4" in body and "tessera sanitaria" in body
    from zoneinfo import ZoneInfo

    assert session.starts_at.astimezone(ZoneInfo("Europe/Rome")).strftime("%H:%M") in body
    assert reverse("fd_calendar:session_ics", args=[session.uuid]) in body


def test_one_click_registration_shows_the_webinar_link_only_to_registered_people(client, people):
    session = make_session(kind="webinar", webinar_url="https://meet.example.org/spid-segreto")
    url = reverse("fd_calendar:session", args=[session.uuid])
    assert "spid-segreto" not in client.get(url).content.decode()
    client.force_login(people[0])
    assert "spid-segreto" not in client.get(url).content.decode()
    response = client.post(reverse("fd_calendar:register", args=[session.uuid]), **EN)
    assert response.status_code == 302
    page = client.get(url, **EN).content.decode()
    assert "spid-segreto" in page and "You are registered" in page
    twice = client.post(reverse("fd_calendar:register", args=[session.uuid]), **EN)
    assert twice.status_code == 409 and "already registered" in twice.content.decode()
    mine = client.get(reverse("fd_calendar:mine"), **EN).content.decode()
    assert "SPID in un&#x27;ora" in mine


def test_a_full_session_offers_the_waiting_list_and_a_cancellation_promotes(client, people):
    session = make_session(capacity=1)
    register_user(session, people[0])
    client.force_login(people[1])
    full = client.post(reverse("fd_calendar:register", args=[session.uuid]), **EN)
    assert full.status_code == 409 and "waiting list" in full.content.decode() and 'name="wait"' in \
        full.content.decode()
    assert client.post(reverse("fd_calendar:register", args=[session.uuid]), {"wait": "1"}).status_code == 302
    assert Registration.objects.get(user=people[1]).status == "waiting"
    holder = Registration.objects.get(user=people[0])
    cancel_url = reverse("fd_calendar:cancel", args=[holder.cancel_token])
    confirm = client.get(cancel_url, **EN)
    assert confirm.status_code == 200 and "Yes, cancel" in confirm.content.decode()
    assert Registration.objects.get(user=people[0]).status == "confirmed"  # a GET cancels nothing
    done = client.post(cancel_url, **EN)
    assert done.status_code == 200 and "is cancelled" in done.content.decode()
    assert Registration.objects.get(user=people[1]).status == "confirmed"
    again = client.post(cancel_url, **EN)
    assert again.status_code == 409 and "already cancelled" in again.content.decode()


def test_a_guest_registers_with_a_first_name_and_a_phone_and_gets_a_cancel_link(client):
    session = make_session()
    url = reverse("fd_calendar:register", args=[session.uuid])
    missing = client.post(url, {"first_name": "Lucia", "consent": "on"}, **EN)
    assert missing.status_code == 400 and "phone number or an e-mail" in missing.content.decode()
    assert 'value="Lucia"' in missing.content.decode()  # nothing typed is lost
    no_consent = client.post(url, {"first_name": "Lucia", "phone": "055 123 4567"}, **EN)
    assert no_consent.status_code == 400 and "Please agree" in no_consent.content.decode()
    done = client.post(url, {"first_name": "Lucia", "phone": "055 123 4567", "consent": "on"}, **EN)
    assert done.status_code == 201
    registration = Registration.objects.get()
    assert registration.guest_name == "Lucia" and registration.consent
    assert reverse("fd_calendar:cancel", args=[registration.cancel_token]) in done.content.decode()
    twice = client.post(url, {"first_name": "Lucia", "phone": "055 123 4567", "consent": "on"}, **EN)
    assert twice.status_code == 409 and "already registered" in twice.content.decode()


def test_past_and_cancelled_sessions_say_so(client, people):
    client.force_login(people[0])
    past = make_session(days=-1)
    response = client.post(reverse("fd_calendar:register", args=[past.uuid]), **EN)
    assert response.status_code == 410 and "registration is closed" in response.content.decode()
    cancelled = make_session(cancelled=True)
    response = client.post(reverse("fd_calendar:register", args=[cancelled.uuid]), **EN)
    assert response.status_code == 410 and "cancelled" in response.content.decode()
    assert client.get("/fd/calendar/session/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_pages_speak_italian_by_default(client):
    session = make_session()
    body = client.get(reverse("fd_calendar:session", args=[session.uuid]), HTTP_ACCEPT_LANGUAGE="it").content.decode()
    assert "Aggiungi al mio calendario" in body and "Posti liberi" in body

"""The rotating code: who gets checked in, what an expired, foreign or replayed code says, and the counts."""
import time

import pytest
from django.urls import reverse

from fd_calendar.booking import register_user
from fd_calendar.codes import CodeError, check_code, make_code
from fd_calendar.models import CheckIn

from .conftest import make_session

pytestmark = pytest.mark.django_db


def test_a_code_is_good_for_its_window_and_the_next_only(session, settings):
    settings.FD_CALENDAR_CODE_SECONDS = 30
    now = 1_800_000_000
    code = make_code(session, now=now)
    assert check_code(session, code, now=now + 29) is not None
    assert check_code(session, code, now=now + 30 + 29 - now % 30) is not None
    with pytest.raises(CodeError) as expired:
        check_code(session, code, now=now + 90)
    assert expired.value.reason == "expired"
    with pytest.raises(CodeError) as foreign:
        check_code(make_session(), code, now=now)
    assert foreign.value.reason == "invalid"
    with pytest.raises(CodeError):
        check_code(session, code[:-2] + "xx", now=now)


def _url(session, code):
    return reverse("fd_calendar:check_in", args=[session.uuid]) + "?code=" + code


def test_checking_in_counts_once_and_says_already_checked_in(client, session, people):
    from fd_progress.counting import process_pending
    from tests.progress.conftest import total

    register_user(session, people[0])
    client.force_login(people[0])
    first = client.get(_url(session, make_code(session)), HTTP_ACCEPT_LANGUAGE="en")
    assert first.status_code == 200 and "You are checked in" in first.content.decode()
    again = client.get(_url(session, make_code(session)), HTTP_ACCEPT_LANGUAGE="en")
    assert again.status_code == 409 and "already checked in" in again.content.decode()
    assert CheckIn.objects.filter(session=session).count() == 1
    process_pending(1000)
    assert total("attendances") == 1
    assert total("sessions_held") == 1


def test_an_expired_or_foreign_code_is_refused_clearly(client, session, people, settings):
    register_user(session, people[0])
    client.force_login(people[0])
    old = make_code(session, now=time.time() - 3 * settings.FD_CALENDAR_CODE_SECONDS)
    response = client.get(_url(session, old), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and "expired" in response.content.decode()
    other = make_session()
    response = client.get(_url(session, make_code(other)), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and "not the code of this session" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_people_without_a_seat_are_sent_to_the_facilitator(client, session, people):
    client.force_login(people[1])
    response = client.get(_url(session, make_code(session)), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403 and "not registered" in response.content.decode()


def test_a_code_scanned_before_signing_in_still_checks_in_after(client, session, people, settings):
    register_user(session, people[0])
    url = _url(session, make_code(session))
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    settings.FD_CALENDAR_CODE_SECONDS = 1  # the code expires while the person signs in
    time.sleep(2.1)
    assert client.post("/login/", {"username": "persona0", "password": "pw"}).status_code == 302
    assert client.get(url).status_code == 200
    assert CheckIn.objects.filter(user=people[0]).exists()


def test_the_facilitator_sees_the_code_and_adds_people_without_an_account(client, session, facilitator, people):
    from fd_progress.counting import process_pending
    from tests.progress.conftest import total

    assert client.get(reverse("fd_calendar:run", args=[session.uuid])).status_code == 302
    client.force_login(people[0])
    assert client.get(reverse("fd_calendar:run", args=[session.uuid])).status_code == 403
    client.force_login(facilitator)
    page = client.get(reverse("fd_calendar:run", args=[session.uuid]))
    body = page.content.decode()
    assert page.status_code == 200 and "<svg" in body and "run.js" in body and 'data-refresh="' in body
    assert client.post(reverse("fd_calendar:head_count", args=[session.uuid]), {"people": "7"}).status_code == 302
    assert client.post(reverse("fd_calendar:head_count", args=[session.uuid]), {"people": "-3"}).status_code == 400
    process_pending(1000)
    assert total("attendances") == 7
    assert total("sessions_held") == 1

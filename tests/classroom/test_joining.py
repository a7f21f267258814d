"""Pupils join by code without an account; codes resist guessing."""
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from fd_classroom.models import ClassSession, Pupil

from .conftest import join, pupil_client

pytestmark = pytest.mark.django_db


def test_join_page_asks_only_the_code(client, started):
    result, _session = started
    page = client.get(result["join_url"]).content.decode()
    assert f'value="{result["code"]}"' in page
    assert 'name="code"' in page
    for asked in ('name="name"', 'name="email"', 'type="email"', "nome e cognome"):
        assert asked not in page


def test_joining_gives_a_nickname_and_the_class_page(started):
    result, session = started
    client = pupil_client(result["code"])
    page = client.get(f"/fd/classroom/c/{session.code}/").content.decode()
    pupil = Pupil.objects.get(session=session)
    assert pupil.nickname in page
    assert "La fibra sotto la città" in page


def test_codes_typed_loosely_still_work(client, started):
    result, _session = started
    code = result["code"]
    response = join(client, f" {code[:3].lower()}-{code[3:].lower()} ")
    assert response.status_code == 302


def test_nicknames_are_unique_within_the_class(started, monkeypatch):
    from fd_classroom import pupils

    names = iter(["Volpe blu 27", "Volpe blu 27", "Lupo rosso 12"])
    monkeypatch.setattr(pupils, "nickname", lambda language="it": next(names))
    result, session = started
    pupil_client(result["code"])
    pupil_client(result["code"])
    assert sorted(Pupil.objects.filter(session=session).values_list("nickname", flat=True)) == [
        "Lupo rosso 12", "Volpe blu 27"]


def test_english_pupils_get_english_nicknames(started):
    from fd_classroom.nicknames import COLOURS

    result, session = started
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    join(client, result["code"])
    nickname = Pupil.objects.get(session=session).nickname
    assert nickname.split()[0] in {colour[2] for colour in COLOURS}


@pytest.mark.parametrize("typed, status", [("", 400), ("AB", 400), ("ÀÀÀÀÀÀ", 400), ("0OIL15", 400)])
def test_malformed_codes_get_a_clear_400(client, typed, status):
    response = client.post("/fd/classroom/join/", {"code": typed})
    assert response.status_code == status
    assert "6" in response.content.decode()


def test_a_wrong_code_is_refused_with_a_message(client, started):
    result, _session = started
    wrong = "AAAAAA" if result["code"] != "AAAAAA" else "CCCCCC"
    response = join(client, wrong)
    assert response.status_code == 404
    assert "non è giusto" in response.content.decode()


def test_repeated_wrong_codes_lock_the_address_out_even_for_the_right_code(client, started, settings):
    settings.FD_CLASSROOM_WRONG_CODES = 5
    result, session = started
    wrong = "AAAAAA" if result["code"] != "AAAAAA" else "CCCCCC"
    statuses = [join(client, wrong, address="10.9.9.9").status_code for _ in range(5)]
    assert statuses == [404, 404, 404, 404, 429]
    assert join(client, result["code"], address="10.9.9.9").status_code == 429
    assert not Pupil.objects.filter(session=session).exists()
    # Another network is not affected.
    assert join(Client(), result["code"], address="10.1.1.1").status_code == 302


def test_guessing_codes_finds_no_class(client, started, settings):
    """An attacker trying many codes is stopped long before finding the class."""
    from fd_classroom.codes import new_code

    result, session = started
    found = 0
    for _ in range(200):
        response = join(client, new_code(), address="203.0.113.7")
        found += response.status_code == 302
    assert found == 0
    assert join(client, result["code"], address="203.0.113.7").status_code == 429
    assert not Pupil.objects.filter(session=session).exists()


def test_join_attempts_are_rate_limited_per_address(client, started, settings):
    settings.FD_CLASSROOM_JOIN_ATTEMPTS = 3
    result, _session = started
    statuses = [join(Client(), result["code"], address="10.2.2.2").status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]


def test_an_expired_code_lets_nobody_new_in(client, started):
    result, session = started
    ClassSession.objects.filter(pk=session.pk).update(code_expires_at=timezone.now() - timedelta(minutes=1))
    response = join(client, result["code"])
    assert response.status_code == 410
    assert "chiusa" in response.content.decode()


def test_an_ended_class_lets_nobody_new_in(client, started):
    from fd_classroom import classes

    result, session = started
    classes.end(session)
    assert join(client, result["code"]).status_code == 410


def test_a_full_class_says_so(client, started, settings):
    settings.FD_CLASSROOM_MAX_PUPILS = 1
    result, _session = started
    pupil_client(result["code"])
    assert join(Client(), result["code"]).status_code == 409

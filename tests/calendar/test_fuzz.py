"""Fuzzed form endpoints of the calendar: any input gets a 2xx/3xx/4xx answer, never a server error."""
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fd_calendar.codes import make_code

from .conftest import make_session

pytestmark = pytest.mark.django_db

TEXT = st.one_of(st.text(max_size=60), st.sampled_from(["", "on", "1", "-1", "1e9", "055 123 4567", "a@b.it",
                                                         "x" * 300, "spid", "step_free", "Quartiere 5 Rifredi"]))
FUZZ = settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
FIELDS = st.fixed_dictionaries({}, optional={name: TEXT for name in (
    "first_name", "phone", "email", "consent", "wait", "people")})


@pytest.fixture
def fuzz_session(db):
    return make_session(capacity=2)


@FUZZ
@given(query=st.dictionaries(st.sampled_from(["district", "topic", "kind", "access", "x"]), TEXT, max_size=4))
def test_the_list_filters_never_fail(client, query):
    assert client.get("/fd/calendar/", query).status_code in (200, 400)


@FUZZ
@given(data=FIELDS, signed_in=st.booleans())
def test_registering_never_fails_with_a_server_error(client, fuzz_session, people, data, signed_in):
    if signed_in:
        client.force_login(people[0])
    else:
        client.logout()
    response = client.post(f"/fd/calendar/session/{fuzz_session.uuid}/register", data)
    assert response.status_code in (201, 302, 400, 409, 410)


@FUZZ
@given(code=st.one_of(TEXT, st.just("valid")), token=TEXT, people_count=TEXT)
def test_check_in_cancel_and_head_count_never_fail(client, fuzz_session, facilitator, people, code, token,
                                                  people_count):
    if code == "valid":
        code = make_code(fuzz_session)
    client.force_login(people[1])
    assert client.get(f"/fd/calendar/session/{fuzz_session.uuid}/check-in", {"code": code}).status_code < 500
    token = quote(token.replace("/", ""), safe="") or "-"  # as a link would carry it ("?" and "#" escaped)
    assert client.get(f"/fd/calendar/cancel/{token}/").status_code in (200, 404)
    client.force_login(facilitator)
    response = client.post(f"/fd/calendar/session/{fuzz_session.uuid}/head-count", {"people": people_count})
    assert response.status_code in (302, 400)

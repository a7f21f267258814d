"""Fuzzed join and answer endpoints: any input gets a 2xx/3xx/4xx answer, never a server error."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fd_classroom import classes

from .conftest import join, pupil_client

pytestmark = pytest.mark.django_db

TEXT = st.one_of(st.text(max_size=40), st.sampled_from(["", "ACDEFG", "fibra/q-fibra", "0", "-1", "99", "1e9"]))
FUZZ = settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@FUZZ
@given(code=TEXT, extra=st.dictionaries(st.text(max_size=8), TEXT, max_size=3))
def test_join_never_fails_with_a_server_error(client, started, code, extra):
    from django.core.cache import cache

    cache.clear()
    response = client.post("/fd/classroom/join/", {**extra, "code": code})
    assert response.status_code < 500
    assert client.get("/fd/classroom/join/", {"code": code}).status_code == 200


@FUZZ
@given(question=TEXT, choices=st.lists(TEXT, max_size=5), accept=st.sampled_from(["text/html", "application/json"]))
def test_answer_never_fails_with_a_server_error(started, question, choices, accept):
    result, session = started
    if not session.question_id:
        classes.ask(session, "rifiuti/q-rifiuti")
    client = pupil_client(result["code"], address="10.7.7.7")
    response = client.post(f"/fd/classroom/c/{session.code}/answer", {"question": question, "choice": choices},
                           HTTP_ACCEPT=accept)
    assert response.status_code < 500


@FUZZ
@given(code=TEXT, etag=TEXT)
def test_poll_and_page_never_fail_with_a_server_error(started, code, etag):
    result, _session = started
    client = pupil_client(result["code"], address="10.8.8.8")
    assert client.get(f"/fd/classroom/c/{code or 'x'}/poll.json".replace("//", "/x/"),
                      HTTP_IF_NONE_MATCH=etag).status_code < 500
    assert join(client, code, address="10.8.8.9").status_code < 500

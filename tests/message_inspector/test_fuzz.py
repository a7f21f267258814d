"""Whatever a browser or an author sends, the handlers answer 2xx or a 4xx with a message, never a 500."""
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fd_xblocks.message_inspector.message import MessageError, clean_message

from .conftest import SCAM, handler_url, post_json, usage

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=12)
PART = st.fixed_dictionaries({}, optional={
    "id": st.one_of(st.text(max_size=8), JSON), "text": st.one_of(st.text(max_size=30), JSON),
    "role": st.sampled_from(["plain", "sign", "genuine", "x"]) | JSON, "zone": st.sampled_from(["body", "sender", "?"]),
    "sign": st.sampled_from(["link", "urgency", "nope"]), "href": st.sampled_from(
        ["https://a.example/x", "javascript:alert(1)", "", "ftp://x", "http://"]) | JSON,
    "explanation": st.text(max_size=30) | JSON})
MESSAGE = st.fixed_dictionaries({}, optional={
    "channel": st.sampled_from(["sms", "email", "chat", "notice", "fax"]) | JSON,
    "sender_name": st.text(max_size=30) | JSON, "subject": st.text(max_size=30) | JSON,
    "expected_action": st.sampled_from(["trust", "ignore", "report", "pay"]) | JSON,
    "parts": st.lists(PART, max_size=5) | JSON, "context": JSON, "action_explanation": JSON})
FUZZ = settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.mark.unit
@settings(max_examples=300)
@given(MESSAGE)
def test_clean_message_accepts_or_names_the_problem(data):
    try:
        message = clean_message(data)
    except MessageError as error:
        assert error.field and str(error)
    else:
        assert message["parts"] and all(part["id"] for part in message["parts"])


@FUZZ
@given(payload=JSON | st.fixed_dictionaries({"marked": JSON | st.lists(st.sampled_from(
    ["fretta", "link", "saluto", "x"]), max_size=5), "action": JSON | st.sampled_from(["report", "trust"])}))
def test_learner_handlers_never_fail(client, learner, mi_course, payload):
    client.force_login(learner)
    key = usage(mi_course, SCAM)
    for handler in ("inspect_submit", "try_again"):
        response = post_json(client, handler_url(key, handler), payload)
        assert response.status_code < 500 and (response.status_code < 400 or response.json()["error"])
    form = payload if isinstance(payload, dict) else {"x": json.dumps(payload)}
    response = client.post(handler_url(key, "inspect_form"), {k: json.dumps(v) for k, v in form.items()})
    assert response.status_code < 500


@FUZZ
@given(payload=st.fixed_dictionaries({"message": MESSAGE}, optional={
    "display_name": st.text(max_size=20) | JSON, "weight": JSON, "attempts_allowed": JSON,
    "digcomp_competences": JSON | st.sampled_from(["4.1", "9.9", ["4.2"]])}))
def test_studio_handlers_never_fail(client, author, mi_course, payload):
    client.force_login(author)
    key = usage(mi_course, SCAM)
    for handler in ("studio_preview", "studio_save"):
        response = post_json(client, handler_url(key, handler), payload)
        assert response.status_code in (200, 400), response.content
        if response.status_code == 400:
            assert response.json()["error"]

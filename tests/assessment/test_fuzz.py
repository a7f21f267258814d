"""Fuzzing the answer handler: whatever arrives, a 200 or a 400 with a message, never a 500,
and nothing but a valid answer is ever stored."""
import json

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fd_assessment import api
from fd_assessment.questionnaire import AnswerError, choices, current_version, form_item_ids, load_bank, validate_answer

BANK = load_bank(current_version(), "it")
FORM = form_item_ids(BANK, "full")
ITEM_IDS = st.one_of(st.sampled_from(FORM), st.text(max_size=60), st.integers(), st.none(), st.lists(st.text()))
VALUES = st.one_of(st.sampled_from(["0", "1", "2", "3", "4", "a", "b", "c", "d", "x"]), st.text(max_size=30),
                   st.integers(), st.floats(), st.booleans(), st.none(), st.dictionaries(st.text(), st.text()))
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner,
                                                                                 max_size=3), max_leaves=8)


@pytest.mark.unit
@given(item_id=ITEM_IDS, value=VALUES)
def test_validate_answer_accepts_only_offered_choices(item_id, value):
    try:
        stored = validate_answer(BANK, FORM, item_id, value)
    except AnswerError as error:
        assert str(error)
    else:
        assert stored in [c["id"] for c in choices(BANK["by_id"][item_id], BANK)]


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.one_of(st.fixed_dictionaries({"item_id": ITEM_IDS, "value": VALUES},
                                               optional={"version": st.one_of(st.text(max_size=20), st.integers())}),
                         JSON))
def test_rest_answer_endpoint_never_fails_and_stores_only_valid_answers(client, django_user_model, payload):
    user, _ = django_user_model.objects.get_or_create(username="fuzz")
    client.force_login(user)
    attempt = api.start_attempt(user, form="full")
    url = reverse("fd_assessment:api_answers", args=[attempt.pk])
    response = client.post(url, data=json.dumps(payload), content_type="application/json")
    assert response.status_code in (200, 400), response.content
    if response.status_code == 400:
        assert response.json()["error"]
    for answer in attempt.answers.all():
        assert answer.value in [c["id"] for c in choices(BANK["by_id"][answer.item_id], BANK)]


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.one_of(st.binary(max_size=200), st.text(max_size=200)))
def test_rest_answer_endpoint_survives_garbage_bodies(client, django_user_model, body):
    user, _ = django_user_model.objects.get_or_create(username="fuzz2")
    client.force_login(user)
    attempt = api.start_attempt(user)
    url = reverse("fd_assessment:api_answers", args=[attempt.pk])
    response = client.post(url, data=body, content_type="application/json")
    assert response.status_code in (200, 400)


@pytest.mark.django_db
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.one_of(st.fixed_dictionaries({"item_id": ITEM_IDS, "value": VALUES}), JSON))
def test_xblock_answer_handler_never_fails(enrolled, learner, assess_course, payload):
    key = assess_course.course_key.make_usage_key("fd_digcomp_assessment", "self-check")
    url = reverse("sandbox:xblock_handler", kwargs={"usage_id": str(key), "handler": "answer", "suffix": ""})
    enrolled.post(reverse("sandbox:xblock_handler",
                          kwargs={"usage_id": str(key), "handler": "begin_attempt", "suffix": ""}),
                  data="{}", content_type="application/json")
    response = enrolled.post(url, data=json.dumps(payload), content_type="application/json")
    assert response.status_code in (200, 400), response.content
    for answer in api.open_attempts(learner)[0].answers.all():
        assert answer.value in [c["id"] for c in choices(BANK["by_id"][answer.item_id], BANK)]

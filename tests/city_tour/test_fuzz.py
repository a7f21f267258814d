"""Fuzzed handlers: whatever a browser sends, the answer is a 2xx or a 4xx with a message, never a 500."""
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fd_xblocks.city_tour.errors import TourInputError
from fd_xblocks.city_tour.tour_content import clean_scenes
from tests.city_tour.conftest import handler_url

pytestmark = pytest.mark.django_db

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children,
                                                                                       max_size=4),
                    max_leaves=10)
IDS = st.sampled_from(["fibra", "fibra-domanda", "lampioni-domanda", "lampioni-trova", "x", ""]) | st.text(max_size=70)
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


def check(response):
    assert response.status_code < 500
    if response.status_code >= 400:
        assert response.content


@FUZZ
@given(payload=st.fixed_dictionaries({}, optional={"scene": IDS | JSON, "found": IDS | JSON}))
def test_visit_scene(learner_client, tour_key, payload):
    check(learner_client.post(handler_url(tour_key, "visit_scene"), json.dumps(payload),
                              content_type="application/json"))


@FUZZ
@given(payload=st.fixed_dictionaries({"hotspot": IDS}, optional={"answer": JSON}) | JSON)
def test_answer_question(learner_client, tour_key, payload):
    check(learner_client.post(handler_url(tour_key, "answer_question"), json.dumps(payload),
                              content_type="application/json"))


@FUZZ
@given(fields=st.dictionaries(st.sampled_from(["action", "scene", "hotspot", "option", "seen", "then"]),
                              st.text(max_size=20) | st.sampled_from(["go", "answer", "find", "fibra", "1"]),
                              max_size=5))
def test_tour_form(learner_client, tour_key, fields):
    check(learner_client.post(handler_url(tour_key, "tour_form"), fields))


@FUZZ
@given(body=st.binary(max_size=60))
def test_raw_bodies(learner_client, tour_key, body):
    check(learner_client.post(handler_url(tour_key, "studio_save"), body, content_type="application/json"))
    check(learner_client.post(handler_url(tour_key, "begin_class_tour"), body,
                              content_type="application/x-www-form-urlencoded"))


@settings(max_examples=80, deadline=None)
@given(scenes=JSON)
def test_the_validator_raises_only_its_own_error(scenes):
    try:
        clean_scenes(scenes)
    except TourInputError:
        pass

"""Whatever a browser sends to the answer, table and Studio handlers, the answer is never a 500."""
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import exercise_key, handler_url

pytestmark = pytest.mark.django_db

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                                 max_size=4), max_leaves=12)
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
EDITOR_KEYS = st.sampled_from(["spec", "parameter", "hints", "dataset_path", "attempts_allowed", "weight",
                               "dataset_licence", "partial_credit", "question", "dataset_source_url"])


@FUZZ
@given(body=st.dictionaries(st.sampled_from(["answer", "x"]), JSON, max_size=2) | JSON)
def test_answers(learner_client, course, body):
    url = handler_url(exercise_key(course, "esercizio-licenze"), "check_answer")
    response = learner_client.post(url, data=json.dumps(body), content_type="application/json")
    assert response.status_code in (200, 400, 409), response.content


@FUZZ
@given(query=st.dictionaries(st.sampled_from(["sort", "dir", "column", "value", "min", "max", "q", "group", "agg",
                                              "agg_column", "page", "size"]),
                             st.sampled_from(["", "provincia", "totale", "comune", "sum", "desc", "-1", "1e309",
                                              "10", "nan", "∞", "2,5"]) | st.text(max_size=20), max_size=6))
def test_table_queries(learner_client, course, query):
    url = handler_url(exercise_key(course, "esercizio-licenze"), "table_rows")
    assert learner_client.get(url, query).status_code in (200, 400)


@FUZZ
@given(changes=st.dictionaries(EDITOR_KEYS, JSON, max_size=3), raw=st.booleans())
def test_studio_handlers(client, staff, course, changes, raw):
    from .conftest import block_for

    client.force_login(staff)
    key = exercise_key(course, "esercizio-licenze")
    body = dict(block_for(staff, key, is_staff=True).editor_values(), **changes)
    for handler in ("studio_preview", "studio_save"):
        data = "{not json" if raw and handler == "studio_preview" else json.dumps(body)
        response = client.post(handler_url(key, handler), data=data, content_type="application/json")
        assert response.status_code in (200, 400), response.content

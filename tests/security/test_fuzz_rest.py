"""Schema-driven fuzzing of every REST API of ours (schemathesis, from our own OpenAPI schemas).

Every operation of every schema in ``SCHEMAS`` gets requests that fit the schema and requests that
do not (schemathesis's positive and negative modes), sent by global staff (who may use every
operation) through Django's test client, with path ids pointing at real objects half the time.
The bar: no server error, and every error answer is JSON. Bounded by ``EXAMPLES`` per operation so
the whole module stays within about a minute on two cores.

A new API: add its schema URL to ``SCHEMAS``.
"""
import json
from datetime import date, timedelta
from urllib.parse import urlencode

import pytest
import schemathesis
from django.test import RequestFactory
from django.urls import resolve
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.core import NOT_SET

pytestmark = pytest.mark.django_db

SCHEMAS = {
    "assessment": "/fd/assessment/api/v1/schema/",
    "progress": "/fd/progress/api/schema/",
}
EXAMPLES = 20
JSON_TYPE = "application/json"


def load_schema(url):
    """The schema as the site serves it, with request bodies reduced to JSON (what clients send)."""
    request = RequestFactory().get(url, {"format": "json"})
    response = resolve(url).func(request)
    response.render()
    document = json.loads(response.content)
    for operations in document["paths"].values():
        for operation in operations.values():
            content = operation.get("requestBody", {}).get("content")
            if content and JSON_TYPE in content:
                operation["requestBody"]["content"] = {JSON_TYPE: content[JSON_TYPE]}
    return schemathesis.openapi.from_dict(document)


def operations():
    found = []
    for name, url in SCHEMAS.items():
        for result in load_schema(url).get_all_operations():
            operation = result.ok()
            if operation.path.endswith("/schema/"):
                continue  # drf-spectacular's own view, documenting itself
            found.append(pytest.param(operation, id=f"{name}: {operation.method.upper()} {operation.path}"))
    return found


@pytest.fixture
def site(django_user_model):
    from fd_assessment import api as assessment
    from fd_progress.models import FacilitationPoint, Target, TrainingSession

    staff = django_user_model.objects.create_user("fuzz-staff", "f@example.org", "pw", is_staff=True)
    today = date.today()
    target = Target.objects.create(title_it="T", title_en="T", metric="people_reached", goal=10,
                                   period_start=today - timedelta(days=10), deadline=today + timedelta(days=10))
    point = FacilitationPoint.objects.create(name="Punto in uso")
    session = TrainingSession.objects.create(title="S", kind="online", date=today, facilitation_point=point)
    attempt = assessment.start_attempt(staff, form="short")
    ids = {"attempt_id": attempt.pk, "/targets/": target.pk, "/points/": point.pk, "/sessions/": session.pk}
    return staff, ids


def known_ids(operation, ids):
    """Path parameters naming a real object of the operation's kind, if it has an id in its path."""
    if "{attempt_id}" in operation.path:
        return {"attempt_id": ids["attempt_id"]}
    for marker, pk in ids.items():
        if marker in operation.path and "{id}" in operation.path:
            return {"id": pk}
    return None


def strategy(operation, ids):
    parts = [operation.as_strategy(generation_mode=mode) for mode in (GenerationMode.POSITIVE,
                                                                        GenerationMode.NEGATIVE)]
    real = known_ids(operation, ids)
    if real:
        parts += [operation.as_strategy(generation_mode=mode, path_parameters=real)
                  for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)]
    return st.one_of(parts)


def send(client, case):
    path = case.formatted_path
    if case.query:
        path += "?" + urlencode(case.query, doseq=True)
    if case.body is NOT_SET:
        return client.generic(case.method.upper(), path)
    body = case.body if isinstance(case.body, bytes) else json.dumps(case.body)
    return client.generic(case.method.upper(), path, body, content_type=JSON_TYPE)


@pytest.mark.parametrize("operation", operations())
def test_no_request_to_the_api_makes_a_server_error(client, site, operation):
    staff, ids = site
    client.force_login(staff)
    client.raise_request_exception = False
    cases = strategy(operation, ids)

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
              phases=[Phase.explicit, Phase.generate])
    @given(data=st.data())
    def run(data):
        case = data.draw(cases)
        response = send(client, case)
        where = f"{case.method.upper()} {case.formatted_path} query={case.query!r} body={case.body!r}"
        assert response.status_code < 500, f"{where} -> {response.status_code} {response.content[:300]!r}"
        if response.status_code >= 400:
            assert response["Content-Type"].startswith(JSON_TYPE), f"{where} -> non-JSON error"

    run()

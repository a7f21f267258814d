"""The REST API: staff manage targets and record attendance; bad input gets a clear 400."""
import json
from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fd_progress import ingest
from fd_progress.models import Target, TrainingSession

from .conftest import drain, speak_english, total

pytestmark = pytest.mark.django_db
TARGETS = "/fd/progress/api/targets/"


def target_payload(today, **changes):
    payload = {
        "title_it": "18.000 persone nel 2027", "title_en": "18,000 people in 2027", "metric": "people_reached",
        "scope_type": "programme", "period_start": str(today), "deadline": str(today + timedelta(days=365)),
        "goal": 18000, "milestones": [{"date": str(today + timedelta(days=180)), "value": 9000}],
    }
    payload.update(changes)
    return payload


def read_json(response):
    """The body of a response as JSON, streamed (the list of targets) or not."""
    assert response.status_code == 200, response
    return json.loads(b"".join(response.streaming_content) if response.streaming else response.content)


def post(client, url, payload):
    speak_english(client)
    return client.post(url, json.dumps(payload), content_type="application/json")


def test_staff_create_a_target_with_milestones_and_read_its_progress(staff_client, today):
    response = post(staff_client, TARGETS, target_payload(today))
    assert response.status_code == 201, response.content
    target = Target.objects.get(pk=response.json()["id"])
    assert target.milestones.get().value == 9000
    listed = read_json(staff_client.get(TARGETS))
    assert listed[0]["progress"]["status"] == "behind"
    assert listed[0]["progress"]["value"] == 0
    response = staff_client.patch(f"{TARGETS}{target.pk}/", json.dumps({"goal": 20000}),
                                  content_type="application/json")
    assert response.status_code == 200
    assert response.json()["milestones"] == [{"date": str(today + timedelta(days=180)), "value": "9000.00"}]
    assert staff_client.delete(f"{TARGETS}{target.pk}/").status_code == 204


def test_the_list_of_targets_is_streamed_as_the_same_json_as_the_whole_list(staff_client, today, monkeypatch):
    from rest_framework.renderers import JSONRenderer

    from fd_progress.rest.serializers import TargetSerializer
    from fd_progress.rest.views import TargetViewSet
    from fd_progress.series import progress_of

    for n, days in enumerate([90, 30, 30, 30, 365]):  # three share a deadline: pages break inside a tie
        payload = target_payload(today, title_it=f"Obiettivo {n}: più “persone”\u2028", goal=100 * (n + 1),
                                 deadline=str(today + timedelta(days=days)),
                                 milestones=[{"date": str(today + timedelta(days=days // 2)), "value": 10 * n}])
        assert post(staff_client, TARGETS, payload).status_code == 201
    for user_id in (1, 2, 3):
        ingest.enrollment(user_id, "course-v1:FirenzeDigitale+OD101+2026", timezone.now())
    drain()
    monkeypatch.setattr(TargetViewSet, "json_page_size", 2)
    response = staff_client.get(TARGETS)
    assert response.streaming and response["Content-Type"] == "application/json"
    streamed = b"".join(response.streaming_content)
    targets = Target.objects.all()
    whole = JSONRenderer().render(TargetSerializer(targets, many=True, context={
        "progress": {item.target.pk: item for item in progress_of(targets)}}).data)
    assert streamed == whole
    listed = json.loads(streamed)
    assert [t["goal"] for t in listed] == ["200.00", "300.00", "400.00", "100.00", "500.00"]
    assert {t["progress"]["value"] for t in listed} == {3} and listed[0]["milestones"][0]["value"] == "10.00"
    indented = staff_client.get(TARGETS, HTTP_ACCEPT="application/json; indent=2")  # not streamed, same list
    assert not indented.streaming and json.loads(indented.content) == listed


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"deadline": "2020-01-01"}, "deadline", "The deadline must come after the start of the period."),
    ({"goal": -5}, "goal", "The goal cannot be negative."),
    ({"metric": "likes"}, "metric", '"likes" is not one of: people_reached'),
    ({"scope_type": "district", "scope_value": ""}, "scope_value", "this scope needs a value"),
    ({"milestones": [{"date": "2000-01-01", "value": 3}]}, "milestones", "between the start of the period"),
])
def test_bad_targets_get_a_400_that_says_what_is_wrong(staff_client, today, changes, field, message):
    response = post(staff_client, TARGETS, target_payload(today, **changes))
    assert response.status_code == 400
    assert message in " ".join(map(str, response.json()[field]))
    assert not Target.objects.exists()


@pytest.mark.parametrize("milestone", [{"value": 3}, {"date": "2030-01-01"}, {}])
def test_a_patch_with_half_a_milestone_is_a_400_and_keeps_the_milestones(staff_client, today, milestone):
    target = Target.objects.get(pk=post(staff_client, TARGETS, target_payload(today)).json()["id"])
    response = staff_client.patch(f"{TARGETS}{target.pk}/", json.dumps({"milestones": [milestone]}),
                                  content_type="application/json")
    assert response.status_code == 400
    missing = {"date", "value"} - set(milestone)
    errors = response.json()["milestones"]  # by position: a list, or (newer DRF) a dict keyed "0"
    first = errors[0] if isinstance(errors, list) else errors["0"]
    assert first == {name: ["This field is required."] for name in missing}
    assert [(m.date, m.value) for m in target.milestones.all()] == [(today + timedelta(days=180), 9000)]


def test_attendance_for_a_session_that_does_not_exist_is_a_400(staff_client):
    response = post(staff_client, "/fd/progress/api/attendances/", {"session": 424242, "head_count": 3})
    assert response.status_code == 400
    assert response.json() == {"session": ["There is no training session with id 424242."]}


def test_attendance_recorded_through_the_api_is_counted(staff_client, make_learner, today):
    created = post(staff_client, "/fd/progress/api/sessions/", {
        "title": "CIE e SPID", "kind": "in_person", "date": str(today), "place": "Oblate", "partner": "Cisco",
        "district": "Quartiere 1",
    })
    assert created.status_code == 201, created.content
    people = [make_learner().pk for _ in range(2)]
    response = post(staff_client, "/fd/progress/api/attendances/",
                    {"session": created.json()["id"], "users": people, "head_count": 9})
    assert response.status_code == 201
    assert response.json() == {"session": created.json()["id"], "new_attendances": 2, "head_count": 9}
    bad = post(staff_client, "/fd/progress/api/attendances/", {"session": created.json()["id"], "users": [999999]})
    assert bad.status_code == 400 and "999999" in bad.json()["users"][0]
    drain()
    assert total("attendances", "district", "Quartiere 1") == 11
    assert total("sessions_held") == 1
    assert TrainingSession.objects.get().head_count == 9


def test_learners_cannot_use_the_api(client, make_learner):
    client.force_login(make_learner())
    assert client.get(TARGETS).status_code == 403
    assert post(client, "/fd/progress/api/attendances/", {"session": 1, "head_count": 1}).status_code == 403


def test_the_openapi_schema_describes_the_api(staff_client):
    response = staff_client.get("/fd/progress/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert "/fd/progress/api/targets/" in schema["paths"]
    assert "/fd/progress/api/attendances/" in schema["paths"]
    assert "people_reached" in json.dumps(schema["components"]["schemas"])


junk = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
                 st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["metric", "goal", "deadline", "period_start", "scope_type", "scope_value",
                                        "milestones", "title_it", "is_public"]), junk, max_size=4))
def test_no_target_payload_makes_a_server_error(staff_client, today, changes):
    response = post(staff_client, TARGETS, target_payload(today, **changes))
    assert response.status_code in (201, 400), response.content
    if response.status_code == 400:
        assert response.json()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["session", "users", "head_count"]), junk, max_size=3))
def test_no_attendance_payload_makes_a_server_error(staff_client, changes):
    response = post(staff_client, "/fd/progress/api/attendances/", changes)
    assert response.status_code == 400, response.content

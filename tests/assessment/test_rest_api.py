"""REST API: the flow a client follows, 400s a person understands, statistics for staff only."""
import csv
import io

import pytest
from django.urls import reverse

from fd_assessment import api

from .conftest import answer_all

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_client(client, settings):
    """The person chose English (the language cookie, as Django's set_language view leaves it)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def url(name, *args):
    return reverse(f"fd_assessment:{name}", args=args)


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


def test_the_api_needs_a_signed_in_person(client):
    assert client.get(url("api_questionnaire")).status_code in (401, 403)


def test_questionnaire_has_no_answer_key(learner_client):
    data = learner_client.get(url("api_questionnaire"), {"form": "full", "lang": "en"}).json()
    assert len(data["items"]) >= 78 and data["language"] == "en"
    assert "correct" not in str(data) and "explanation" not in str(data)
    assert data["items"][1]["choices"][-1] == {"id": "x", "label": "I don't know"}


def test_full_flow_start_answer_submit_results_history(learner_client, learner):
    started = learner_client.post(url("api_attempts"), {"form": "short", "areas": ["2"]},
                                  content_type="application/json")
    assert started.status_code == 201
    state = started.json()
    attempt_id = state["attempt_id"]
    while state["next_item"]:
        item = state["next_item"]
        value = "3" if item["kind"] == "self_rating" else "x"
        response = learner_client.post(url("api_answers", attempt_id),
                                       {"item_id": item["id"], "value": value, "version": state["version"]},
                                       content_type="application/json")
        assert response.status_code == 200, response.content
        state = response.json()
    results = learner_client.post(url("api_submit", attempt_id)).json()
    assert results["overall"]["level4"] in (1, 2, 3, 4)
    assert [a["id"] for a in results["areas"]] == ["2"]
    assert any(c["disagreement"] == "overrates" for c in results["areas"][0]["competences"])
    assert learner_client.get(url("api_results", attempt_id)).json()["attempt_id"] == attempt_id
    assert learner_client.get(url("api_history")).json()[0]["attempt_id"] == attempt_id


@pytest.mark.parametrize(("payload", "message"), [
    ({"item_id": "nope", "value": "1"}, "Unknown question id"),
    ({"item_id": "self-1-1", "value": "9"}, "not one of the options"),
    ({"item_id": "self-1-1", "value": "1", "version": "1999.1"}, "Reload the page"),
    ({"item_id": "self-1-1", "value": ""}, "value"),
    ({"value": "1"}, "item_id"),
    ({"item_id": "self-1-1", "value": "123456789"}, "value"),
])
def test_bad_answers_get_a_clear_400_and_nothing_is_saved(learner_client, learner, payload, message):
    attempt = api.start_attempt(learner)
    response = learner_client.post(url("api_answers", attempt.pk), payload, content_type="application/json")
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert not attempt.answers.exists()


def test_malformed_json_is_a_400(learner_client, learner):
    attempt = api.start_attempt(learner)
    response = learner_client.post(url("api_answers", attempt.pk), "{not json", content_type="application/json")
    assert response.status_code == 400 and "not valid JSON" in response.json()["error"]


def test_answering_a_closed_attempt_is_a_400(learner_client, learner, take_questionnaire):
    attempt = take_questionnaire(learner, areas=["3"])
    response = learner_client.post(url("api_answers", attempt.pk), {"item_id": "self-3-1", "value": "1"},
                                   content_type="application/json")
    assert response.status_code == 400 and "already submitted" in response.json()["error"]
    assert attempt.answers.get(item_id="self-3-1").value == "2"


def test_early_submit_is_a_400_that_says_how_many_are_missing(learner_client, learner):
    attempt = api.start_attempt(learner, areas=["1"])
    response = learner_client.post(url("api_submit", attempt.pk))
    assert response.status_code == 400 and "still need an answer" in response.json()["error"]


def test_someone_elses_attempt_is_not_found(learner_client, django_user_model):
    other = django_user_model.objects.create_user("other")
    attempt = api.start_attempt(other)
    assert learner_client.get(url("api_attempt", attempt.pk)).status_code == 404
    response = learner_client.post(url("api_answers", attempt.pk), {"item_id": "self-1-1", "value": "1"},
                                   content_type="application/json")
    assert response.status_code == 404 and not attempt.answers.exists()


def test_bad_start_values_are_400s(learner_client):
    response = learner_client.post(url("api_attempts"), {"form": "medium"}, content_type="application/json")
    assert response.status_code == 400 and "short" in response.json()["error"]
    response = learner_client.post(url("api_attempts"), {"areas": ["7"]}, content_type="application/json")
    assert response.status_code == 400 and "areas" in response.json()["error"]
    response = learner_client.post(url("api_attempts"), {"cohort": "<script>"}, content_type="application/json")
    assert response.status_code == 400 and "cohort" in response.json()["error"]


def test_statistics_are_for_staff_and_suppress_small_groups(client, learner, staff, take_questionnaire,
                                                           django_user_model):
    client.force_login(learner)
    assert client.get(url("api_statistics")).status_code == 403
    client.force_login(staff)
    for n in range(4):
        take_questionnaire(django_user_model.objects.create_user(f"p{n}"), cohort="Oblate")
    small = client.get(url("api_statistics")).json()
    assert small["suppressed"] is True and small["people"] is None and small["rows"] == []
    take_questionnaire(django_user_model.objects.create_user("p4"), cohort="Oblate")
    data = client.get(url("api_statistics"), {"cohort": "Oblate", "lang": "en"}).json()
    assert data["suppressed"] is False and data["people"] == 5
    overall = next(r for r in data["rows"] if r["dimension"] == "all" and r["kind"] == "first")
    assert overall["count"] == 5 and sum(n for n in overall["levels4"] if n) in (0, 5)
    assert client.get(url("api_statistics"), {"cohort": "Other"}).json()["suppressed"] is True
    bad = client.get(url("api_statistics"), {"period_from": "2026-13"})
    assert bad.status_code == 400 and "YYYY-MM" in bad.json()["error"]


def test_statistics_csv_export(client, staff, take_questionnaire, django_user_model):
    for n in range(5):
        take_questionnaire(django_user_model.objects.create_user(f"c{n}"), areas=["5"], self_value="3")
    client.force_login(staff)
    response = client.get(url("api_statistics_csv"), {"lang": "en"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    overall = next(r for r in rows if r["dimension"] == "all" and r["kind"] == "first")
    assert overall["count"] == "5" and overall["level_3"] == "5"  # self-rating 3 of 4 = 75 -> level 6, advanced
    page = client.get(url("statistics_csv"))
    assert page.status_code == 200 and b"dimension" in page.content


def test_openapi_schema_documents_every_endpoint(learner_client):
    response = learner_client.get(url("api_schema"), {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    for suffix in ("questionnaire/", "attempts/", "attempts/{attempt_id}/answers/", "attempts/{attempt_id}/submit/",
                   "attempts/{attempt_id}/results/", "history/", "statistics/", "statistics/csv/"):
        assert f"/fd/assessment/api/v1/{suffix}" in paths


def test_resumed_attempt_via_api_keeps_answers(learner_client, learner):
    first = learner_client.post(url("api_attempts"), {"areas": ["1"]}, content_type="application/json").json()
    item = first["next_item"]
    learner_client.post(url("api_answers", first["attempt_id"]), {"item_id": item["id"], "value": "2"},
                        content_type="application/json")
    again = learner_client.post(url("api_attempts"), {"areas": ["1"]}, content_type="application/json").json()
    assert again["attempt_id"] == first["attempt_id"] and again["answers"] == {item["id"]: "2"}
    attempt = api.get_attempt(first["attempt_id"], learner)
    answer_all(attempt)
    assert learner_client.post(url("api_submit", attempt.pk)).status_code == 200


def test_messages_are_in_italian_by_default(client, learner, settings):
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    client.force_login(learner)
    attempt = api.start_attempt(learner)
    response = client.post(url("api_answers", attempt.pk), {"item_id": "nope", "value": "1"},
                           content_type="application/json")
    assert response.status_code == 400 and "Identificativo di domanda sconosciuto" in response.json()["error"]


def test_statistics_by_course_period_and_cohort(client, staff, take_questionnaire, django_user_model):
    from django.utils import timezone
    from opaque_keys.edx.keys import CourseKey

    course = CourseKey.from_string("course-v1:FirenzeDigitale+OD101+2026")
    for n in range(5):
        take_questionnaire(django_user_model.objects.create_user(f"k{n}"), course_key=course, cohort="Oblate")
    for n in range(5):
        take_questionnaire(django_user_model.objects.create_user(f"s{n}"), cohort="Biblioteca")
    client.force_login(staff)
    month = timezone.now().strftime("%Y-%m")
    everyone = client.get(url("api_statistics")).json()
    assert everyone["people"] == 10
    in_course = client.get(url("api_statistics"), {"course": str(course)}).json()
    assert in_course["people"] == 5 and in_course["filters"]["course"] == str(course)
    standalone = client.get(url("api_statistics"), {"course": "standalone", "cohort": "Biblioteca"}).json()
    assert standalone["people"] == 5
    this_month = client.get(url("api_statistics"), {"period_from": month, "period_to": month}).json()
    assert this_month["people"] == 10
    assert client.get(url("api_statistics"), {"period_to": "2000-01"}).json()["suppressed"] is True
    assert client.get(url("api_statistics"), {"course": str(course), "cohort": "Biblioteca"}).json()["suppressed"]


def test_a_bad_list_entry_is_reported_as_readable_text_in_italian(client, learner, settings):
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    client.force_login(learner)
    response = client.post(url("api_attempts"), {"areas": [1, "x"]}, content_type="application/json")
    body = response.json()
    assert response.status_code == 400
    assert body["error"] == 'areas: "x" non è una scelta valida.'
    assert not api.open_attempts(learner)


def test_nested_validation_errors_read_as_field_names_and_messages(english):
    from rest_framework import serializers

    from fd_assessment.rest import error_text

    class Person(serializers.Serializer):
        name = serializers.CharField()
        areas = serializers.ListField(child=serializers.ChoiceField(choices=["1", "2"]))

    class Group(serializers.Serializer):
        title = serializers.CharField(max_length=3)
        people = Person(many=True)

    data = {"title": "Oblate", "people": [{"name": "Giulia", "areas": ["1"]}, {"areas": ["1", "9"]}]}
    serializer = Group(data=data)
    assert not serializer.is_valid()
    text = error_text(serializer.errors)
    assert text == ("title: Ensure this field has no more than 3 characters.; "
                    'people: name: This field is required.; areas: "9" is not a valid choice.')

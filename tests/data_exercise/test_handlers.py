"""A learner explores the table, answers, takes hints and is graded from the data; others are refused."""
import json

import pytest

from .conftest import block_for, exercise_key, handler_url, post_json

pytestmark = pytest.mark.django_db


def expected_for(user, key):
    block = block_for(user, key)
    dataset = block.dataset()
    params = block.learner_params(dataset)
    return params, block.expected(dataset, params)


def test_the_right_count_is_correct_and_graded(learner_client, learner, course):
    from sandbox.models import BlockScore

    key = exercise_key(course, "esercizio-metadati")
    params, expected = expected_for(learner, key)
    assert params["provincia"] in {"Arezzo", "Firenze", "Grosseto", "Livorno", "Lucca", "Massa-Carrara", "Pisa",
                                   "Pistoia", "Prato", "Siena"}
    response = post_json(learner_client, handler_url(key, "check_answer"), {"answer": f"{expected['value']:.0f}"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["verdict"] == "correct" and body["best_score"] == 1.0 and body["finished"]
    assert params["provincia"] in " ".join(body["solution"]["filters"])
    grade = BlockScore.objects.get(user=learner, usage_key=key)
    assert grade.earned == 1.0 and grade.possible == 1.0


def test_a_wrong_answer_uses_an_attempt_and_the_limit_holds(learner_client, learner, course):
    key = exercise_key(course, "esercizio-metadati")
    url = handler_url(key, "check_answer")
    for left in (2, 1, 0):
        body = post_json(learner_client, url, {"answer": "100000"}).json()
        assert body["verdict"] == "wrong" and body["attempts_left"] == left
    assert "solution" in body
    response = post_json(learner_client, url, {"answer": "1"})
    assert response.status_code == 409


def test_hints_cost_what_they_say(learner_client, learner, course):
    key = exercise_key(course, "esercizio-licenze")
    first = post_json(learner_client, handler_url(key, "reveal_hint"), {}).json()
    assert first["number"] == 1 and "provincia" in first["text"] and first["next_cost"] == 20
    _params, expected = expected_for(learner, key)
    italian = f"{expected['value']:,.0f}".replace(",", ".")
    body = post_json(learner_client, handler_url(key, "check_answer"), {"answer": italian}).json()
    assert body["verdict"] == "correct" and body["score"] == pytest.approx(0.9)


def test_text_answers_are_normalised(learner_client, learner, course):
    key = exercise_key(course, "esercizio-progetto")
    _params, expected = expected_for(learner, key)
    body = post_json(learner_client, handler_url(key, "check_answer"),
                     {"answer": f"  {expected['value'].upper()} "}).json()
    assert body["verdict"] == "correct"


def test_the_decimal_comma_answer_within_tolerance(learner_client, learner, course):
    key = exercise_key(course, "esercizio-csv")
    _params, expected = expected_for(learner, key)
    typed = f"{round(expected['value'], 1):.1f}".replace(".", ",")
    assert post_json(learner_client, handler_url(key, "check_answer"), {"answer": typed}).json()["verdict"] == "correct"


def test_state_is_resumed_in_the_page(learner_client, learner, course):
    from django.urls import reverse

    key = exercise_key(course, "esercizio-licenze")
    post_json(learner_client, handler_url(key, "reveal_hint"), {})
    post_json(learner_client, handler_url(key, "check_answer"), {"answer": "12"})
    unit = course.course_key.make_usage_key("vertical", "esercizio-licenze")
    html = learner_client.get(reverse("sandbox:unit", args=[str(course.course_key), str(unit)])).content.decode()
    assert 'value="12"' in html and "Suggerimento 1" in html and "Tentativi rimasti: 2" in html


def test_the_table_sorts_filters_groups_and_pages(learner_client, course):
    key = exercise_key(course, "esercizio-licenze")
    url = handler_url(key, "table_rows")
    body = learner_client.get(url, {"column": "provincia", "value": "prato", "sort": "totale", "dir": "desc"}).json()
    assert body["total"] == 7 and body["rows"][0][1]["text"] == "Prato"
    assert [c["sort"] for c in body["columns"] if c["name"] == "totale"] == ["descending"]
    body = learner_client.get(url, {"group": "provincia", "agg": "count"}).json()
    assert body["total"] == 10 and {row[0]["text"]: row[1]["text"] for row in body["rows"]}["Firenze"] == "41"
    body = learner_client.get(url, {"column": "totale", "min": "100000"}).json()
    assert body["total"] == 3  # Firenze, Prato, Livorno
    body = learner_client.get(url, {"size": "10", "page": "28"}).json()
    assert body["page"] == 28 and body["first"] == 271 and body["last"] == 273
    body = learner_client.get(url, {"q": "san gimignano"}).json()
    assert body["total"] == 1


def test_bad_table_requests_get_a_clear_400(learner_client, course):
    url = handler_url(exercise_key(course, "esercizio-licenze"), "table_rows")
    for query in ({"sort": "nessuna"}, {"column": "comune", "min": "5"}, {"size": "7"}, {"group": "comune",
                                                                                       "agg": "sum"}):
        response = learner_client.get(url, query)
        assert response.status_code == 400 and response.json()["error"], query


def test_the_page_without_javascript_filters_and_answers(learner, course):
    """From the unit page to the plain page: GET forms filter, a POST with the CSRF token answers."""
    import re

    from django.test import Client
    from django.urls import reverse

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    unit = course.course_key.make_usage_key("vertical", "esercizio-metadati")
    browser.get(reverse("sandbox:unit", args=[str(course.course_key), str(unit)]))
    key = exercise_key(course, "esercizio-metadati")
    page = browser.get(handler_url(key, "explore_page"), {"q": "vinci"})
    html = page.content.decode()
    assert page.status_code == 200 and "<caption" in html and ">Vinci<" in html and "Righe 1–1 di 1" in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    _params, expected = expected_for(learner, key)
    refused = browser.post(handler_url(key, "answer_page"), {"answer": "1", "action": "answer"})
    assert refused.status_code == 403
    response = browser.post(handler_url(key, "answer_page"), {
        "answer": f"{expected['value']:.0f}", "action": "answer", "csrfmiddlewaretoken": token})
    html = response.content.decode()
    assert response.status_code == 200 and "Giusto!" in html, html[html.find("fd-dx-feedback"):][:300]


def test_the_download_is_the_publishers_file(learner_client, course):
    from .conftest import STATIC

    response = learner_client.get(handler_url(exercise_key(course, "esercizio-metadati"), "download"))
    assert response.status_code == 200
    assert b"".join(response) == (STATIC / "comuni-toscana-istat.csv").read_bytes()
    assert "attachment" in response["Content-Disposition"]
    assert response["Content-Type"] == "text/csv"


@pytest.mark.parametrize("handler", ["table_rows", "check_answer", "reveal_hint", "download", "explore_page",
                                     "studio_save", "studio_preview"])
def test_anonymous_callers_get_nothing(client, course, handler):
    url = handler_url(exercise_key(course, "esercizio-metadati"), handler, noauth=True)
    response = client.post(url, data="{}", content_type="application/json") if handler != "download" else \
        client.get(url)
    assert response.status_code in (403, 405)
    assert b"Aglian" not in response.content and b"Firenze" not in response.content


@pytest.mark.parametrize("handler", ["studio_save", "studio_preview"])
def test_learners_cannot_use_the_studio_handlers(learner_client, course, handler):
    key = exercise_key(course, "esercizio-metadati")
    response = post_json(learner_client, handler_url(key, handler), {"dataset_path": "/static/x.csv"})
    assert response.status_code == 403


def test_staff_preview_lists_every_parameter_value(client, staff, course):
    client.force_login(staff)
    key = exercise_key(course, "esercizio-metadati")
    block = block_for(staff, key, is_staff=True)
    values = block.editor_values()
    body = post_json(client, handler_url(key, "studio_preview"), values).json()
    answers = {row["param"]: row["answer"] for row in body["answers"]}
    assert answers["Firenze"] == "41" and answers["Prato"] == "7" and len(answers) == 10
    assert body["reading"]["encoding"] == "cp1252" and body["reading"]["delimiter"] == ";"


def test_staff_save_validates_columns_and_types(client, staff, course):
    client.force_login(staff)
    key = exercise_key(course, "esercizio-licenze")
    values = block_for(staff, key, is_staff=True).editor_values()
    bad = dict(values, spec={"operation": "sum", "column": "comune"})
    response = post_json(client, handler_url(key, "studio_save"), bad)
    assert response.status_code == 400 and "comune" in response.json()["error"]
    bad = dict(values, spec={"operation": "count", "filters": [{"column": "Comune", "op": "eq", "value": "x"}]})
    assert post_json(client, handler_url(key, "studio_save"), bad).status_code == 400
    unreadable = dict(values, dataset_path="/static/trovare-un-dataset.jpg")
    assert post_json(client, handler_url(key, "studio_save"), unreadable).status_code == 400
    good = dict(values, attempts_allowed=5)
    assert post_json(client, handler_url(key, "studio_save"), good).json() == {"result": "success"}
    assert block_for(staff, key, is_staff=True).attempts_allowed == 5


def test_student_view_data_names_the_dataset_and_the_question(learner, course):
    data = block_for(learner, exercise_key(course, "esercizio-metadati")).student_view_data()
    assert data["dataset"]["licence_id"] == "CC-BY-4.0" and "ISTAT" in data["dataset"]["publisher"]
    assert "Quanti comuni ha la provincia di" in data["question"] and "{provincia}" not in data["question"]
    json.dumps(data)

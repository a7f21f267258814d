"""The fd_digcomp_assessment XBlock in a sandbox course: view, handlers, completion, grade, OLX, Studio."""
import json

import pytest
from completion.models import BlockCompletion
from django.urls import reverse
from lxml import etree

from fd_assessment import api
from fd_assessment.models import Attempt
from sandbox.models import BlockScore

pytestmark = pytest.mark.django_db


def _key(course, block_type="fd_digcomp_assessment", name="self-check"):
    return course.course_key.make_usage_key(block_type, name)


def _post(client, usage_key, handler, payload=None):
    url = reverse("sandbox:xblock_handler", kwargs={"usage_id": str(usage_key), "handler": handler, "suffix": ""})
    return client.post(url, data=json.dumps(payload or {}), content_type="application/json")


def _unit(client, course, name="self-check"):
    url = reverse("sandbox:unit", args=[str(course.course_key), str(_key(course, "vertical", name))])
    return client.get(url)


def test_unit_shows_the_intro_in_italian(enrolled, assess_course):
    html = _unit(enrolled, assess_course).content.decode()
    assert "Quanto sei digitale?" in html and "Inizia" in html and "DigCompAssessmentBlock" in html


def test_taking_the_block_publishes_completion_and_the_score_grade(enrolled, learner, assess_course):
    key = _key(assess_course)
    state = _post(enrolled, key, "begin_attempt").json()
    assert 'name="item_id"' in state["html"]
    attempt = Attempt.objects.get(user=learner)
    assert attempt.course_key == assess_course.course_key and attempt.usage_key == key
    assert attempt.area_list == ["2", "4"] and attempt.cohort == "Oblate autunno"
    bank = api.load_bank(attempt.version, "it")
    while (item := api.attempt_state(attempt)["next_item"]) is not None:
        if item["kind"] == "self_rating":
            value = "4"
        else:
            value = next(o["id"] for o in bank["by_id"][item["id"]]["options"] if o.get("correct"))
        response = _post(enrolled, key, "answer", {"item_id": item["id"], "value": value, "version": attempt.version})
        assert response.status_code == 200
    assert BlockCompletion.objects.filter(user=learner, block_key=key).count() == 0
    html = _post(enrolled, key, "submit").json()["html"]
    assert "<svg" in html and "Cosa imparare adesso" in html and "Rifai il questionario" in html
    assert BlockCompletion.objects.get(user=learner, block_key=key).completion == 1.0
    score = BlockScore.objects.get(user=learner, usage_key=key)
    assert score.possible == 1.0 and score.earned == pytest.approx(1.0)  # all correct, self-rating 4
    assert "Il tuo profilo" in _unit(enrolled, assess_course).content.decode()


def test_handlers_refuse_bad_input_with_400_and_save_nothing(enrolled, learner, assess_course):
    key = _key(assess_course)
    response = _post(enrolled, key, "answer", {"item_id": "self-2-1", "value": "1"})
    assert response.status_code == 400 and "inizia il questionario" in response.json()["error"]
    _post(enrolled, key, "begin_attempt")
    for payload in ({"item_id": "self-1-1", "value": "1"}, {"item_id": "self-2-1", "value": "99"},
                    {"item_id": ["x"], "value": "1"}, {"item_id": "self-2-1", "value": {"a": 1}}):
        response = _post(enrolled, key, "answer", payload)
        assert response.status_code == 400, payload
        assert response.json()["error"]
    assert not Attempt.objects.get(user=learner).answers.exists()
    response = _post(enrolled, key, "submit")
    assert response.status_code == 400 and "domand" in response.json()["error"]
    assert not BlockCompletion.objects.filter(user=learner, block_key=key).exists()


def test_retake_in_the_block_shows_growth(enrolled, learner, assess_course):
    key = _key(assess_course)
    for value in ("1", "3"):
        _post(enrolled, key, "restart")
        _post(enrolled, key, "begin_attempt")
        attempt = Attempt.objects.filter(user=learner).latest("started")
        while (item := api.attempt_state(attempt)["next_item"]) is not None:
            _post(enrolled, key, "answer", {"item_id": item["id"], "value": value if item["kind"] == "self_rating"
                                            else "x", "version": attempt.version})
        html = _post(enrolled, key, "submit").json()["html"]
    assert "I tuoi progressi" in html
    assert Attempt.objects.filter(user=learner, status="completed").count() == 2


def test_olx_round_trip(assess_course):
    from sandbox.runtime import SandboxRuntime

    runtime = SandboxRuntime(user=None, course_key=assess_course.course_key)
    block = runtime.get_block(_key(assess_course))
    assert (block.form, block.areas, block.cohort, block.grade_mode, block.weight) == (
        "short", ["2", "4"], "Oblate autunno", "score", 2.0)
    node = etree.Element("root")
    block.add_xml_to_node(node)
    assert node.tag == "fd_digcomp_assessment"
    assert json.loads(node.get("areas")) == ["2", "4"] and node.get("grade_mode") == "score"
    assert node.get("display_name") == "Quanto sei digitale?"


def test_studio_editor_saves_valid_values_and_rejects_bad_ones(client, staff, assess_course):
    client.force_login(staff)
    key = _key(assess_course)
    page = client.get(reverse("sandbox:studio", args=[str(assess_course.course_key), str(key)]))
    assert page.status_code == 200 and "grade_mode" in page.content.decode()
    bad = _post(client, key, "submit_studio_edits", {"values": {"form": "medium", "areas": ["9"]}, "defaults": []})
    assert bad.status_code == 400
    bad = _post(client, key, "submit_studio_edits", {"values": {"weight": "heavy"}, "defaults": []})
    assert bad.status_code == 400 and "weight" in bad.json()["error"]
    ok = _post(client, key, "submit_studio_edits",
               {"values": {"form": "full", "areas": ["1"], "grade_mode": "none"}, "defaults": []})
    assert ok.status_code == 200, ok.content
    from sandbox.runtime import SandboxRuntime

    block = SandboxRuntime(user=None, course_key=assess_course.course_key).get_block(key)
    assert (block.form, block.areas, block.has_score) == ("full", ["1"], False)


def test_student_view_data_for_mobile(assess_course):
    from sandbox.runtime import SandboxRuntime

    block = SandboxRuntime(user=None, course_key=assess_course.course_key).get_block(_key(assess_course))
    data = block.student_view_data()
    assert data["form"] == "short" and data["areas"] == ["2", "4"] and data["questionnaire_version"]


# --- plain form posts (no JavaScript) ------------------------------------------------------
def _form(client, usage_key, fields, route="sandbox:xblock_handler"):
    url = reverse(route, kwargs={"usage_id": str(usage_key), "handler": "form_post", "suffix": ""})
    return client.post(url, data={"csrfmiddlewaretoken": getattr(client, "csrf_token", ""), **fields})


def test_plain_forms_begin_answer_and_submit_and_go_back_to_the_lesson(enrolled, learner, assess_course):
    key = _key(assess_course)
    back = reverse("sandbox:unit", args=[str(assess_course.course_key), str(_key(assess_course, "vertical"))])
    page = _unit(enrolled, assess_course).content.decode()
    assert f'name="back" value="{back}"' in page and 'name="do" value="begin"' in page
    response = _form(enrolled, key, {"do": "begin", "back": back})
    assert response.status_code == 303 and response["Location"] == f"{back}#fd-assess-self-check"
    attempt = Attempt.objects.get(user=learner)
    while (item := api.attempt_state(attempt)["next_item"]) is not None:
        response = _form(enrolled, key, {"do": "answer", "back": back, "item_id": item["id"], "value": "x"
                                         if item["kind"] != "self_rating" else "2", "version": attempt.version})
        assert response.status_code == 303, response.content
    assert _form(enrolled, key, {"do": "submit", "back": back}).status_code == 303
    assert BlockCompletion.objects.get(user=learner, block_key=key).completion == 1.0
    assert "Il tuo profilo" in _unit(enrolled, assess_course).content.decode()


def test_a_plain_form_without_an_answer_says_so_and_saves_nothing(enrolled, learner, assess_course):
    key = _key(assess_course)
    back = reverse("sandbox:unit", args=[str(assess_course.course_key), str(_key(assess_course, "vertical"))])
    _form(enrolled, key, {"do": "begin", "back": back})
    attempt = Attempt.objects.get(user=learner)
    item = api.attempt_state(attempt)["next_item"]
    response = _form(enrolled, key, {"do": "answer", "back": back, "item_id": item["id"], "version": attempt.version})
    html = response.content.decode()
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")
    assert "Scegli una risposta. Anche &quot;Non lo so&quot; va bene." in html
    assert f'data-item="{item["id"]}"' in html  # the same question again, to answer on this page
    assert f'<a href="{back}">' in html  # and the way back to the lesson
    assert not attempt.answers.exists()
    response = _form(enrolled, key, {"do": "dance", "back": back})
    assert response.status_code == 400 and "azione" in response.content.decode()


def test_a_plain_form_goes_back_only_to_this_site_and_needs_its_token(enrolled, learner, assess_course):
    from django.test import Client

    key = _key(assess_course)
    for elsewhere in ("https://elsewhere.example/x", "//elsewhere.example/x", "javascript:alert(1)", "x/y"):
        response = _form(enrolled, key, {"do": "begin", "back": elsewhere})
        assert response.status_code == 200 and "elsewhere" not in response.get("Location", ""), elsewhere
        assert 'class="fd-question"' in response.content.decode()
    client = Client()  # a plain client sends no CSRF token
    client.force_login(learner)
    response = client.post(reverse("sandbox:xblock_handler", kwargs={
        "usage_id": str(key), "handler": "form_post", "suffix": ""}), data={"do": "restart"})
    assert response.status_code == 403
    response = _form(enrolled, key, {"do": "begin"}, route="sandbox:xblock_handler_noauth")
    assert response.status_code == 403 and "Accedi" in response.content.decode()

"""Attacks and careless clients that used to edit what is not theirs or get a 500, one test each."""
import base64
import json

import pytest
from django.urls import reverse

from fd_core.platform import platform
from tests.helpers.csrf import CsrfClient

from .world import build_world, handler_names, our_block_types

pytestmark = pytest.mark.django_db

DEEP = "{" + '"a":{' * 50_000 + "}" * 50_001  # 50,000 levels
DEEP_LIST = "[" * 50_000 + "]" * 50_000


@pytest.fixture
def world(tmp_path):
    return build_world(tmp_path)


def client_of(world, role=None):
    client = CsrfClient(raise_request_exception=False)
    if role:
        client.force_login(world.users[role])
    return client


def handler(world, block_type, name, noauth=False):
    view = "sandbox:xblock_handler_noauth" if noauth else "sandbox:xblock_handler"
    return reverse(view, kwargs={"usage_id": str(world.block_key(block_type)), "handler": name, "suffix": ""})


def post_json(client, url, body):
    return client.post(url, data=body if isinstance(body, str) else json.dumps(body), content_type="application/json")


PILL_EDIT = {"display_name": "Rewritten", "duration": 30, "sources": [{"src": "https://evil.example/x.mp4"}],
             "completion_threshold": 0.9, "weight": 1}


# --- 1, 2: author handlers refuse whoever is not course staff -----------------------------------
@pytest.mark.parametrize("role", [None, "learner", "course_staff", "global_staff"])
def test_nobody_rewrites_a_video_pill_through_the_no_auth_route(world, role):
    response = post_json(client_of(world, role), handler(world, "fd_video_pill", "studio_submit", noauth=True),
                         PILL_EDIT)
    assert response.status_code == 403 and response.json()["error"]
    assert platform().get_block(world.block_key("fd_video_pill")).display_name != "Rewritten"


def test_a_learner_cannot_rewrite_a_video_pill(world):
    response = post_json(client_of(world, "learner"), handler(world, "fd_video_pill", "studio_submit"), PILL_EDIT)
    assert response.status_code == 403
    assert platform().get_block(world.block_key("fd_video_pill")).display_name != "Rewritten"


def test_course_staff_still_edit_the_pill(world):
    response = post_json(client_of(world, "course_staff"), handler(world, "fd_video_pill", "studio_submit"),
                         PILL_EDIT)
    assert response.status_code == 200, response.content
    assert platform().get_block(world.block_key("fd_video_pill")).display_name == "Rewritten"


DIGCOMP_EDIT = {"values": {"grade_mode": "score", "weight": 100, "display_name": "Hacked"}}


@pytest.mark.parametrize("role,noauth", [("learner", False), ("other_learner", False), (None, True),
                                         ("course_staff", True)])
def test_learners_and_anonymous_callers_cannot_change_the_digcomp_block(world, role, noauth):
    url = handler(world, "fd_digcomp_assessment", "submit_studio_edits", noauth=noauth)
    response = post_json(client_of(world, role), url, DIGCOMP_EDIT)
    assert response.status_code == 403
    assert "course team" in response.json()["error"] or "team del corso" in response.json()["error"]
    block = platform().get_block(world.block_key("fd_digcomp_assessment"))
    assert (block.display_name, block.grade_mode) != ("Hacked", "score")


def test_course_staff_change_the_digcomp_block(world):
    url = handler(world, "fd_digcomp_assessment", "submit_studio_edits")
    assert post_json(client_of(world, "course_staff"), url, DIGCOMP_EDIT).status_code == 200
    block = platform().get_block(world.block_key("fd_digcomp_assessment"))
    assert (block.display_name, block.grade_mode, block.weight) == ("Hacked", "score", 100)


# --- 4: deeply nested JSON is a clear 400 everywhere --------------------------------------------
def test_deep_json_is_a_400_in_every_handler(world):
    calls = [("learner", "fd_video_pill", name) for name in ("progress", "answer", "event")]
    calls += [("course_staff", "fd_video_pill", "studio_submit")]
    calls += [("learner", "fd_digcomp_assessment", name) for name in ("begin_attempt", "answer", "submit", "restart")]
    calls += [("course_staff", "fd_digcomp_assessment", "submit_studio_edits")]
    calls += [("learner", "fd_message_inspector", "inspect_submit")]
    calls += [("learner", "fd_city_tour", name) for name in ("visit_scene", "answer_question")]
    calls += [("learner", "fd_data_exercise", name) for name in ("check_answer", "reveal_hint")]
    calls += [("course_staff", block_type, name) for block_type in ("fd_message_inspector", "fd_city_tour",
                                                                    "fd_data_exercise")
              for name in ("studio_preview", "studio_save")]
    for role, block_type, name in calls:
        for body in (DEEP, DEEP_LIST):
            response = post_json(client_of(world, role), handler(world, block_type, name), body)
            assert response.status_code == 400, (block_type, name, response.status_code)
            assert "nested too deeply" in response.content.decode() or "annidati" in response.content.decode()


def test_deep_json_never_gives_a_server_error_in_any_handler(world):
    """Every handler of every block of ours (form handlers too), posted a 50,000-level body."""
    for block_type, block_class in our_block_types().items():
        for name in handler_names(block_class):
            response = post_json(client_of(world, "course_staff"), handler(world, block_type, name), DEEP)
            assert response.status_code < 500, (block_type, name, response.status_code)


def test_deep_json_is_a_400_in_the_rest_apis(world):
    attempt = world.objects.attempt.pk
    for role, url in (("learner", reverse("fd_assessment:api_attempts")),
                      ("learner", reverse("fd_assessment:api_answers", args=[attempt])),
                      ("global_staff", "/fd/progress/api/targets/"),
                      ("global_staff", "/fd/progress/api/attendances/")):
        response = post_json(client_of(world, role), url, DEEP)
        assert response.status_code == 400, (url, response.status_code)
        assert response["Content-Type"].startswith("application/json")


def test_deep_json_is_a_400_at_the_public_verifier(world):
    url = reverse("fd_badges:verify")
    response = post_json(client_of(world), url, DEEP)
    assert response.status_code == 400 and response.json()["message"]
    header = base64.urlsafe_b64encode(DEEP.encode()).decode().rstrip("=")
    token = f"{header}.e30.c2ln"
    response = client_of(world).post(url, data=token, content_type="text/plain")
    assert response.status_code == 400 and "annidati" in response.json()["message"]


# --- 5: every JSON value's type is checked ------------------------------------------------------
@pytest.mark.parametrize("payload", [{"caption_language": ["e"]}, {"caption_language": {"a": 1}},
                                     {"caption_language": 5}])
def test_a_caption_language_that_is_not_a_string_is_a_400(world, payload):
    response = post_json(client_of(world, "learner"), handler(world, "fd_video_pill", "progress"),
                         {"intervals": [], **payload})
    assert response.status_code == 400 and response.json()["field"] == "caption_language"


def test_an_event_name_that_is_not_a_string_is_a_400(world):
    response = post_json(client_of(world, "learner"), handler(world, "fd_video_pill", "event"),
                         {"event_type": ["play_video"]})
    assert response.status_code == 400 and response.json()["field"] == "event_type"


@pytest.mark.parametrize("values", [{"values": {"cohort": 5}}, {"values": {"areas": [[1]]}},
                                    {"values": {}, "defaults": 7}, {"values": {"display_name": ["x"]}}])
def test_digcomp_editor_values_of_the_wrong_type_are_a_400(world, values):
    url = handler(world, "fd_digcomp_assessment", "submit_studio_edits")
    response = post_json(client_of(world, "course_staff"), url, values)
    assert response.status_code == 400, response.content


# --- 7: a facilitation point in use cannot be deleted: 409 with the reason --------------------
def test_deleting_a_facilitation_point_with_sessions_is_a_409(world):
    from fd_progress.models import FacilitationPoint

    point = world.objects.point
    response = client_of(world, "global_staff").delete(f"/fd/progress/api/points/{point.pk}/")
    assert response.status_code == 409
    assert "1" in response.json()["detail"] and FacilitationPoint.objects.filter(pk=point.pk).exists()


def test_an_unused_facilitation_point_is_deleted(world):
    from fd_progress.models import FacilitationPoint

    point = FacilitationPoint.objects.create(name="Vuoto")
    assert client_of(world, "global_staff").delete(f"/fd/progress/api/points/{point.pk}/").status_code == 204
    assert not FacilitationPoint.objects.filter(pk=point.pk).exists()


# --- 8: the DigComp block's OLX is validated ----------------------------------------------------
@pytest.mark.parametrize("attribute,value,words", [
    ("form", "bogus", "short"), ("weight", "-5", "weight"), ("weight", "many", "weight"),
    ("grade_mode", "x", "participation"), ("areas", "[1,", "areas"), ("areas", '["9"]', "1, 2, 3, 4"),
])
def test_broken_digcomp_olx_is_refused_with_the_reason(tmp_path, attribute, value, words):
    from django.utils import translation
    from lxml import etree

    from sandbox.courses import OlxError, import_course

    from .world import write_course

    root = write_course(tmp_path / "olx")
    course_xml = root / "course" / "2026.xml"
    tree = etree.fromstring(course_xml.read_bytes())
    tree.find(".//fd_digcomp_assessment").set(attribute, value)
    course_xml.write_bytes(etree.tostring(tree))
    with translation.override("en"), pytest.raises(OlxError) as raised:
        import_course(root)
    assert words in str(raised.value) and "ParserError" not in str(raised.value)


def test_good_digcomp_olx_still_imports_every_attribute(world):
    block = platform().get_block(world.block_key("fd_digcomp_assessment"))
    assert block.form in ("short", "full") and 0 <= block.weight <= 100


# --- 9: JSON errors on every API path; schemas document the errors ------------------------------
@pytest.mark.parametrize("url", ["/fd/progress/api/nothing/", "/fd/progress/api/targets/1/extra/",
                                 "/fd/assessment/api/v1/attempts/abc/", "/fd/assessment/api/v1/nothing"])
def test_unknown_api_paths_answer_json(world, url):
    response = client_of(world, "global_staff").get(url)
    assert response.status_code == 404 and response["Content-Type"].startswith("application/json")
    assert response.json()


def test_the_schemas_document_the_errors_they_answer(world):
    client = client_of(world, "global_staff")
    progress = json.loads(client.get("/fd/progress/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
                          .content)
    for path, operations in progress["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert {"403", "500"} <= codes, (method, path, codes)
            if "{" in path:
                assert "404" in codes, (method, path)
            if method in ("post", "put", "patch"):
                assert "400" in codes, (method, path)
    assert "409" in progress["paths"]["/fd/progress/api/points/{id}/"]["delete"]["responses"]
    assessment = json.loads(client.get(reverse("fd_assessment:api_schema"),
                                       HTTP_ACCEPT="application/vnd.oai.openapi+json").content)
    answers = assessment["paths"]["/fd/assessment/api/v1/attempts/{attempt_id}/answers/"]["post"]["responses"]
    assert {"400", "403", "404", "500"} <= set(answers)


def test_an_unexpected_error_in_an_api_is_a_json_500_not_an_html_page(world, monkeypatch):
    from fd_assessment import api

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "history", broken)
    response = client_of(world, "learner").get(reverse("fd_assessment:api_history"))
    assert response.status_code == 500 and response["Content-Type"].startswith("application/json")
    assert "boom" not in response.json()["error"] and response.json()["error"]

"""The block in a unit: marking, checking (script and plain form), grades, completion, Studio."""
import json
from pathlib import Path

import pytest
from django.test import Client
from lxml import etree

from .conftest import EXERCISES, GENUINE, SCAM, handler_url, post_json, unit_url, usage

SIGNS = ["mittente", "rimborso", "fretta", "link"]


def test_the_unit_shows_the_message_without_its_answer_key(client, learner, mi_course):
    client.force_login(learner)
    page = client.get(unit_url(mi_course, SCAM)).content.decode()
    assert "Un SMS dell&#x27;INPS?" in page or "Un SMS dell'INPS?" in page
    assert "hai diritto a un rimborso di 472,50 €" in page
    assert 'name="marked" value="fretta"' in page and 'name="marked" value="saluto"' not in page
    # Explanations and roles stay on the server until the learner checks the message.
    assert "La fretta ti spinge" not in page and "sign found" not in page
    assert "Dove porta questo link?" in page and "inps-rimborsi-online.info" in page
    assert "<a " not in page.split('class="fd-mi-screen"')[1].split("</section>")[0]


def test_checking_scores_explains_and_publishes_a_grade_and_completion(client, learner, mi_course, block_of):
    from completion.models import BlockCompletion

    from sandbox.models import BlockScore

    client.force_login(learner)
    key = usage(mi_course, SCAM)
    response = post_json(client, handler_url(key, "inspect_submit"), {"marked": ["fretta", "link"], "action": "report"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["score"] == pytest.approx(0.7 * 0.5 + 0.3)
    assert "Hai trovato 2 segnali su 4." in body["html"]
    assert "La fretta ti spinge" in body["html"] and "segnale non trovato" in body["html"]
    assert BlockScore.objects.get(user=learner, usage_key=key).earned == pytest.approx(0.65)
    assert BlockCompletion.objects.get(user=learner, context_key=key.course_key,
                                       block_key=key).completion == 1.0
    block = block_of(learner, key)
    assert block.submitted and block.marked == ["fretta", "link"] and block.action == "report"


def test_a_second_check_needs_try_again_and_the_best_score_stays(client, learner, mi_course):
    from sandbox.models import BlockScore

    client.force_login(learner)
    key = usage(mi_course, SCAM)
    post_json(client, handler_url(key, "inspect_submit"), {"marked": SIGNS, "action": "report"})
    again = post_json(client, handler_url(key, "inspect_submit"), {"marked": [], "action": "trust"})
    assert again.status_code == 409 and "Riprova" in again.json()["error"]
    assert post_json(client, handler_url(key, "try_again"), {}).status_code == 200
    assert post_json(client, handler_url(key, "inspect_submit"), {"marked": [], "action": "trust"}).json()["score"] == 0
    assert BlockScore.objects.get(user=learner, usage_key=key).earned == 1.0


def test_a_genuine_message_over_flagged_says_so(client, learner, mi_course):
    client.force_login(learner)
    key = usage(mi_course, GENUINE)
    body = post_json(client, handler_url(key, "inspect_submit"), {"marked": ["codice"], "action": "report"}).json()
    assert "Questo messaggio è vero, ma hai segnato 1 dettaglio vero come sospetto." in body["html"]
    assert "fidati" in body["html"]


def test_without_javascript_a_form_post_checks_and_returns_to_the_unit(learner, mi_course):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    url = unit_url(mi_course, SCAM)
    page = client.get(url).content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert token
    key = usage(mi_course, SCAM)
    response = client.post(handler_url(key, "inspect_form"),
                           {"csrfmiddlewaretoken": token, "marked": SIGNS, "action": "report", "do": "check"},
                           HTTP_REFERER=f"http://testserver{url}")
    assert response.status_code == 303 and response["Location"].startswith(url)
    after = client.get(url).content.decode()
    assert "Bravo: tutto giusto!" in after and "Riprova" in after
    assert client.post(handler_url(key, "inspect_form"), {"marked": SIGNS, "action": "report"}).status_code == 403


def test_a_form_post_with_a_problem_shows_it_and_a_foreign_referrer_is_not_followed(client, learner, mi_course):
    client.force_login(learner)
    key = usage(mi_course, SCAM)
    response = client.post(handler_url(key, "inspect_form"), {"marked": ["saluto"], "action": "report"},
                           HTTP_REFERER="https://evil.example/x")
    assert response.status_code == 400
    assert "non sono in questo messaggio" in response.content.decode()
    ok = client.post(handler_url(key, "inspect_form"), {"marked": ["link"], "action": "report"},
                     HTTP_REFERER="https://evil.example/x")
    assert ok.status_code == 200 and "evil.example" not in ok.content.decode()


@pytest.mark.parametrize("payload", [
    {"marked": "fretta", "action": "report"},
    {"marked": [1, 2], "action": "report"},
    {"marked": ["nessuno"], "action": "report"},
    {"marked": ["saluto"], "action": "report"},
    {"marked": [], "action": "pay"},
    {"marked": [], "action": ["report"]},
    {"marked": [{"a": 1}], "action": "report"},
])
def test_bad_answers_get_a_400_and_change_nothing(client, learner, mi_course, block_of, payload):
    client.force_login(learner)
    key = usage(mi_course, SCAM)
    response = post_json(client, handler_url(key, "inspect_submit"), payload)
    assert response.status_code == 400 and response.json()["error"]
    assert not block_of(learner, key).submitted


@pytest.mark.parametrize("raw", ["", "[", "[1]", '"x"', "{" * 50_000 + "}" * 50_000, "x" * 3_000_000])
def test_malformed_bodies_get_a_4xx(client, learner, mi_course, raw):
    client.force_login(learner)
    response = post_json(client, handler_url(usage(mi_course, SCAM), "inspect_submit"), None, raw=raw)
    assert 400 <= response.status_code < 500


def test_nobody_checks_on_the_no_auth_route(client, mi_course):
    response = post_json(client, handler_url(usage(mi_course, SCAM), "inspect_submit", noauth=True),
                         {"marked": [], "action": "report"})
    assert response.status_code == 403


EDIT = {"display_name": "Nuovo", "weight": 2, "attempts_allowed": 1, "digcomp_competences": "4.2",
        "message": {"channel": "sms", "sender_name": "Banca", "expected_action": "report",
                    "parts": [{"id": "x", "text": "Dammi il PIN", "role": "sign", "sign": "credentials",
                               "explanation": "Mai."}]}}


@pytest.mark.parametrize("who", ["anonymous", "noauth", "learner"])
@pytest.mark.parametrize("handler", ["studio_save", "studio_preview"])
def test_only_the_course_team_may_edit_or_preview(client, learner, mi_course, block_of, who, handler):
    key = usage(mi_course, SCAM)
    if who == "learner":
        client.force_login(learner)
    response = post_json(client, handler_url(key, handler, noauth=who == "noauth"), EDIT)
    assert response.status_code in (401, 403)
    assert block_of(learner, key).display_name == "Un SMS dell'INPS?"


def test_the_course_team_previews_and_saves(client, author, learner, mi_course, block_of):
    client.force_login(author)
    key = usage(mi_course, SCAM)
    preview = post_json(client, handler_url(key, "studio_preview"), EDIT)
    assert preview.status_code == 200 and "Dammi il PIN" in preview.json()["html"] and "Mai." in preview.json()["html"]
    assert block_of(learner, key).display_name == "Un SMS dell'INPS?"
    saved = post_json(client, handler_url(key, "studio_save"), EDIT)
    assert saved.status_code == 200
    block = block_of(learner, key)
    assert (block.display_name, block.weight, block.attempts_allowed) == ("Nuovo", 2.0, 1)
    assert block.message["parts"][0]["text"] == "Dammi il PIN" and block.digcomp_competences == ["4.2"]


def test_bad_studio_input_names_the_field_and_saves_nothing(client, author, learner, mi_course, block_of):
    client.force_login(author)
    key = usage(mi_course, SCAM)
    bad = {**EDIT, "message": {**EDIT["message"], "parts": [{"text": "x", "role": "sign", "explanation": "e",
                                                              "href": "javascript:alert(1)"}]}}
    response = post_json(client, handler_url(key, "studio_save"), bad)
    assert response.status_code == 400 and response.json()["field"] == "parts[0]"
    assert block_of(learner, key).display_name == "Un SMS dell'INPS?"


def test_the_studio_editor_renders_for_the_team(client, author, mi_course):
    client.force_login(author)
    unit = mi_course.course_key.make_usage_key("fd_message_inspector", SCAM)
    from django.urls import reverse

    page = client.get(reverse("sandbox:studio", args=[str(mi_course.course_key), str(unit)])).content.decode()
    assert "Modifica l&#x27;esercizio sul messaggio" in page or "Modifica l'esercizio sul messaggio" in page
    assert "fd-mi-part-template" in page


def test_mobile_data_has_the_message_but_not_the_answer_key(mi_course, block_of, learner):
    data = block_of(learner, usage(mi_course, SCAM)).student_view_data()
    text = json.dumps(data)
    assert data["channel"] == "sms" and len(data["parts"]) == 7
    assert "explanation" not in text and "sign" not in [k for part in data["parts"] for k in part]
    assert "expected_action" not in data


@pytest.mark.parametrize("path", sorted(EXERCISES.glob("*.xml")), ids=lambda p: p.stem)
def test_every_course_exercise_round_trips_through_olx(mi_course, path: Path):
    from xblock.runtime import DictKeyValueStore, KvsFieldData
    from xblock.test.tools import TestRuntime

    from fd_xblocks.message_inspector.block import MessageInspectorBlock

    runtime = TestRuntime(services={"field-data": KvsFieldData(DictKeyValueStore())})
    node = etree.fromstring(path.read_bytes())
    keys = type("Keys", (), {})
    from xblock.fields import ScopeIds

    keys = ScopeIds("user", "fd_message_inspector", "def", "usage")
    block = MessageInspectorBlock.parse_xml(node, runtime, keys)
    out = etree.Element("x")
    block.add_xml_to_node(out)
    again = MessageInspectorBlock.parse_xml(out, runtime, ScopeIds("user", "fd_message_inspector", "d2", "u2"))
    for name in ("display_name", "message", "weight", "attempts_allowed", "digcomp_competences"):
        assert getattr(again, name) == getattr(block, name), name
    assert block.digcomp_competences


@pytest.mark.parametrize(("attribute", "value"), [("channel", "fax"), ("weight", "-5"), ("weight", "molto"),
                                                  ("attempts_allowed", "1.5"), ("digcomp_competences", "9.9"),
                                                  ("expected_action", "x")])
def test_bad_olx_is_refused_with_the_problem_named(tmp_path, db, attribute, value):
    from sandbox.courses import OlxError, import_course

    from .conftest import write_course

    xml = (EXERCISES / f"{SCAM}.xml").read_text(encoding="utf-8")
    node = etree.fromstring(xml.encode())
    node.set(attribute, value)
    root = write_course(tmp_path / "c", ["bad"], extra={"bad": etree.tostring(node, encoding="unicode")})
    with pytest.raises(OlxError, match=attribute):
        import_course(root)

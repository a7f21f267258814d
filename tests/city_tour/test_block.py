"""The tour as a learner uses it: stops, finds, answers, completion, grade, resume, the data contract."""
import json

import pytest

from tests.city_tour.conftest import block_for, handler_url

pytestmark = pytest.mark.django_db


def post_json(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


def test_the_unit_page_reads_every_stop_as_text(learner_client, unit_url):
    html = learner_client.get(unit_url).content.decode()
    for title in ("La fibra sotto le strade", "Acqua e Wi-Fi al fontanello", "L'app per i rifiuti",
                  "I servizi online all'anagrafe"):
        assert title.replace("'", "&#x27;") in html
    assert "Stop 1 of 9: La fibra sotto le strade" in html or "Tappa 1 di 9" in html
    assert html.count('class="fd-tour__scene"') == 9
    assert "psv-core.module.js" in html  # the viewer's address is handed to the script, not loaded
    assert '<script src="' not in html.split("fd-tour")[1].split("</section>")[0]


def test_visiting_stops_completes_the_tour_at_the_authors_share(learner_client, learner, tour_key):
    from completion.models import BlockCompletion

    ids = ["fibra", "fontanello", "lampioni", "tramvia", "ricarica", "rifiuti"]
    for scene in ids:
        body = post_json(learner_client, handler_url(tour_key, "visit_scene"), {"scene": scene}).json()
        assert body["completed"] is False
    assert not BlockCompletion.objects.filter(user=learner, block_key=tour_key).exists()
    body = post_json(learner_client, handler_url(tour_key, "visit_scene"), {"scene": "open-data"}).json()
    assert body["completed"] is True  # 7 of 9 stops >= 75 %
    assert BlockCompletion.objects.get(user=learner, block_key=tour_key).completion == 1.0
    block = block_for(learner, tour_key)
    assert block.current_scene == "open-data" and len(block.visited) == 7


def test_answers_are_checked_graded_once_and_resumed(learner_client, learner, tour_key, unit_url):
    from sandbox.models import BlockScore

    url = handler_url(tour_key, "answer_question")
    wrong = post_json(learner_client, url, {"hotspot": "fibra-domanda", "answer": [0]}).json()
    assert wrong["correct"] is False and wrong["graded"] is True and "300 km" in wrong["feedback"]
    right = post_json(learner_client, url, {"hotspot": "fibra-domanda", "answer": [1]}).json()
    assert right["correct"] is True and right["graded"] is False and right["score"] == 0
    multi = post_json(learner_client, url, {"hotspot": "lampioni-domanda", "answer": [1, 0]}).json()
    assert multi["correct"] is True and multi["score"] == 1
    grade = BlockScore.objects.get(user=learner, usage_key=tour_key)
    assert (grade.earned, grade.possible) == (1, 9)
    html = learner_client.get(unit_url).content.decode()
    assert "Not quite." in html or "Non proprio." in html  # the first answer's feedback is shown again


def test_a_find_task_is_remembered(learner_client, learner, tour_key):
    body = post_json(learner_client, handler_url(tour_key, "visit_scene"), {"found": "lampioni-trova"}).json()
    assert body["found"] == ["lampioni-trova"]
    assert block_for(learner, tour_key).found == ["lampioni-trova"]


@pytest.mark.parametrize("payload, status", [
    ({"scene": "nowhere"}, 404), ({"scene": 3}, 404), ({"found": "fibra-filo"}, 404), ({}, 404),
])
def test_bad_visits_get_a_clear_4xx(learner_client, tour_key, payload, status):
    response = post_json(learner_client, handler_url(tour_key, "visit_scene"), payload)
    assert response.status_code == status and response.json()["error"]


@pytest.mark.parametrize("payload", [
    {"hotspot": "fibra-domanda", "answer": [0, 1]}, {"hotspot": "fibra-domanda", "answer": [7]},
    {"hotspot": "fibra-domanda", "answer": "1"}, {"hotspot": "fibra-domanda", "answer": [True]},
    {"hotspot": "fibra-domanda"},
])
def test_bad_answers_get_a_400(learner_client, tour_key, payload):
    response = post_json(learner_client, handler_url(tour_key, "answer_question"), payload)
    assert response.status_code == 400 and response.json()["field"] == "answer"


def test_handlers_refuse_get_and_bad_json(learner_client, tour_key):
    assert learner_client.get(handler_url(tour_key, "visit_scene")).status_code == 405
    response = learner_client.post(handler_url(tour_key, "visit_scene"), "{nope", content_type="application/json")
    assert response.status_code == 400


def test_the_anonymous_route_saves_nothing(client, tour_key):
    from django.urls import reverse

    url = reverse("sandbox:xblock_handler_noauth", kwargs={"usage_id": str(tour_key), "handler": "visit_scene",
                                                          "suffix": ""})
    response = post_json(client, url, {"scene": "fibra"})
    assert response.status_code == 403


def test_student_view_data_follows_the_contract(learner, tour_key):
    block = block_for(learner, tour_key)
    data = block.student_view_data()
    assert set(data) == {"title", "language", "completion_share", "scenes", "viewer"}
    assert data["language"] == "it" and data["completion_share"] == 0.75
    assert len(data["scenes"]) == 9 and all(url.startswith("/") for url in data["viewer"]["js"] + data["viewer"]["css"])
    scene = data["scenes"][1]
    assert set(scene) == {"id", "title", "kind", "image_url", "alt", "description", "narration", "audio_url",
                          "captions_url", "start_yaw", "hotspots", "guide"}
    assert scene["kind"] == "360" and scene["image_url"].startswith("/assets/") and scene["start_yaw"] == 60.0
    hotspot = next(h for h in scene["hotspots"] if h["kind"] == "question")
    assert set(hotspot) == {"id", "kind", "label", "yaw", "pitch", "x", "y", "text", "image_url", "video_url",
                            "target", "arrive_yaw", "question"}
    assert hotspot["question"]["type"] == "truefalse" and len(hotspot["question"]["options"]) == 2
    goto = next(h for h in scene["hotspots"] if h["kind"] == "goto")
    assert goto["target"] == "lampioni" and goto["arrive_yaw"] == 10.0
    assert scene["guide"]["minutes"] == 6 and scene["guide"]["questions"]
    json.dumps(data)  # plain JSON data


def test_the_viewer_files_are_served_from_the_block(client, learner, tour_key):
    block = block_for(learner, tour_key)
    for url in block.viewer_urls()["js"]:
        response = client.get(url)
        assert response.status_code == 200 and b"cdn" not in response.content[:2000].lower()


def test_the_block_pickles(learner, tour_key):
    import pickle

    block = block_for(learner, tour_key)
    cls = block.unmixed_class
    assert pickle.loads(pickle.dumps(cls)) is cls  # noqa: S301 - our own bytes
    assert pickle.loads(pickle.dumps(block.student_view_data())) == block.student_view_data()  # noqa: S301

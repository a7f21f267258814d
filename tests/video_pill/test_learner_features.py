"""What a learner sees and does in the sandbox: the player page, checkpoints, grades, events, captions."""
import json

import pytest

from sandbox.models import BlockScore, CourseGrade, TrackingLogEntry
from tests.helpers.pills import pill_timeline

from .conftest import handler_url

pytestmark = pytest.mark.django_db
CHECKPOINTS = pill_timeline().checkpoints  # the demo pill's: id -> time, review_from


def test_unit_page_plays_the_pill_with_italian_captions_and_labels(learner_client, unit_url, pill_course):
    page = learner_client.get(unit_url).content.decode()
    assets = f"/assets/{pill_course.course_key}/"
    assert f'src="{assets}what-is-open-data.mp4" type="video/mp4"' in page
    assert f'src="{assets}what-is-open-data.webm" type="video/webm"' in page
    assert f'poster="{assets}what-is-open-data.jpg"' in page
    assert 'srclang="it" label="Italiano" default' in page
    assert 'kind="descriptions"' in page and 'kind="chapters"' in page
    assert 'aria-label="Riproduci"' in page and "Trascrizione" in page and "Velocità" in page
    assert "<video class=\"fd-pill__video\" controls" in page  # works with JavaScript off
    state = json.loads(page.split('<script type="application/json" class="fd-pill__state">')[1].split("</script>")[0])
    question = state["checkpoints"][1]
    assert question["options"] == ["CSV", "La foto di una tabella", "Un PDF scansionato"]
    assert "feedback_correct" not in question and "answer" not in state["checkpoints"][0]  # no answers leak


def test_the_page_speaks_english_when_the_learner_switches(learner_client, unit_url):
    from django.urls import reverse

    learner_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = learner_client.get(unit_url).content.decode()
    assert 'aria-label="Play"' in page and "Transcript" in page
    assert 'srclang="en" label="English" default' in page


def watch(learner_block, user, *intervals):
    block = learner_block(user)
    block.watched = [list(pair) for pair in intervals]
    block.save()


def test_right_answer_is_graded_and_wrong_one_sends_back_to_the_explanation(learner_client, learner, learner_block,
                                                                             call, pill_key, pill_course):
    watch(learner_block, learner, (0, max(cp["time"] for cp in CHECKPOINTS.values()) + 1))
    right = call(learner_client, "answer", {"checkpoint": "machine-readable", "answer": [0]}).json()
    assert right == {"correct": True, "feedback": right["feedback"], "review_from": None, "score": 1, "max_score": 3,
                     "graded": True}
    wrong = call(learner_client, "answer", {"checkpoint": "commercial-use", "answer": [1]}).json()
    assert wrong["correct"] is False and wrong["review_from"] == pytest.approx(
        CHECKPOINTS["commercial-use"]["review_from"]) and wrong["score"] == 1
    both = call(learner_client, "answer", {"checkpoint": "truly-open", "answer": [1, 0]}).json()
    assert both["correct"] is True and both["score"] == 2
    score = BlockScore.objects.get(user=learner, usage_key=pill_key)
    assert (score.earned, score.possible) == (2.0, 3.0)
    assert CourseGrade.objects.get(user=learner, course=pill_course).percent == pytest.approx(2 / 3, abs=0.01)
    logged = TrackingLogEntry.objects.filter(name="fd.video_pill.checkpoint.answered", user_id=learner.pk)
    assert logged.count() == 3


def test_the_first_answer_is_graded_and_retrying_only_gives_feedback(learner_client, learner, learner_block, call,
                                                                      pill_key):
    question = CHECKPOINTS["machine-readable"]
    watch(learner_block, learner, (0, question["time"] + 1))
    wrong = call(learner_client, "answer", {"checkpoint": "machine-readable", "answer": [1]}).json()
    assert wrong["correct"] is False and wrong["review_from"] == pytest.approx(question["review_from"])
    assert "Foto e PDF" in wrong["feedback"] and wrong["score"] == 0 and wrong["graded"] is True
    again = call(learner_client, "answer", {"checkpoint": "machine-readable", "answer": [0]}).json()
    assert again["correct"] is True and again["feedback"] and again["review_from"] is None  # feedback still given
    assert again["score"] == 0 and again["graded"] is False  # ... but the grade keeps the first answer
    score = BlockScore.objects.get(user=learner, usage_key=pill_key)
    assert (score.earned, score.possible) == (0.0, 3.0)
    assert learner_block(learner).answers["machine-readable"] == {"answer": [1], "correct": False}
    logged = TrackingLogEntry.objects.filter(name="fd.video_pill.checkpoint.answered", user_id=learner.pk)
    assert [entry.event["graded"] for entry in logged.order_by("id")] == [True, False]


def test_a_question_not_yet_reached_cannot_be_answered(learner_client, learner, learner_block, call, pill_key):
    at = CHECKPOINTS["machine-readable"]["time"]
    watch(learner_block, learner, (0, at - 10), (at + 5, at + 15))  # jumped over the question
    response = call(learner_client, "answer", {"checkpoint": "machine-readable", "answer": [0]})
    assert response.status_code == 400 and response.json()["field"] == "checkpoint"
    assert response.json()["error"] == "Guarda il video fino a questa domanda prima di rispondere."
    assert not BlockScore.objects.filter(user=learner).exists() and learner_block(learner).answers == {}
    watch(learner_block, learner, (0, at - 10), (at - 0.5, at + 15))  # played through the question
    assert call(learner_client, "answer", {"checkpoint": "machine-readable", "answer": [0]}).json()["score"] == 1


def test_a_question_reached_through_the_player_reports_can_be_answered(learner_client, clock, call):
    call(learner_client, "progress", {"intervals": []})
    clock.advance(10)
    at = CHECKPOINTS["commercial-use"]["time"]
    call(learner_client, "progress", {"intervals": [[0, at]], "position": at})
    body = call(learner_client, "answer", {"checkpoint": "commercial-use", "answer": [0]}).json()
    assert body["correct"] is True and body["score"] == 1


@pytest.mark.parametrize("payload", [
    {"checkpoint": "nope", "answer": [0]},
    {"checkpoint": "machine-readable", "answer": [0, 1]},
    {"checkpoint": "machine-readable", "answer": [9]},
    {"checkpoint": "machine-readable", "answer": []},
    {"checkpoint": "machine-readable", "answer": "0"},
    {"checkpoint": "machine-readable", "answer": [True]},
    {"checkpoint": ["x"], "answer": [0]},
])
def test_bad_answers_get_a_400_and_no_grade(learner_client, learner, call, payload):
    response = call(learner_client, "answer", payload)
    assert response.status_code == 400 and response.json()["error"]
    assert not BlockScore.objects.filter(user=learner).exists()


def test_allowed_video_events_reach_the_tracking_log_with_their_fields(learner_client, learner, call, pill_key):
    response = call(learner_client, "event", {"event_type": "speed_change_video",
                                              "event": {"current_time": 12.5, "old_speed": 1, "new_speed": 1.5,
                                                        "extra": "<dropped>"}})
    assert response.status_code == 200
    entry = TrackingLogEntry.objects.get(name="speed_change_video", user_id=learner.pk)
    assert entry.event["new_speed"] == 1.5 and entry.event["id"] == str(pill_key)
    assert "extra" not in entry.event


@pytest.mark.parametrize("payload", [
    {"event_type": "complete_video", "event": {}},
    {"event_type": "grade", "event": {"value": 1}},
    {"event_type": "completion", "event": {"completion": 1.0}},
    {"event_type": "seek_video", "event": {"old_time": 1, "new_time": 900, "type": "onSlideSeek"}},
    {"event_type": "seek_video", "event": {"old_time": 1, "new_time": 2, "type": "teleport"}},
    {"event_type": "play_video", "event": "now"},
])
def test_other_events_are_refused(learner_client, learner, call, payload):
    assert call(learner_client, "event", payload).status_code == 400
    assert not TrackingLogEntry.objects.filter(user_id=learner.pk).exclude(name__startswith="edx.course").exists()


def test_caption_files_and_transcript_downloads(learner_client, pill_key):
    vtt = learner_client.get(handler_url(pill_key, "track", "captions/it.vtt"))
    assert vtt.status_code == 200 and vtt["Content-Type"].startswith("text/vtt")
    assert vtt.content.decode().startswith("WEBVTT") and "open data" in vtt.content.decode()
    text = learner_client.get(handler_url(pill_key, "track", "transcript/en.txt"))
    assert "attachment" in text["Content-Disposition"] and "Hello! In this pill" in text.content.decode()
    chapters = learner_client.get(handler_url(pill_key, "track", "chapters/it.vtt")).content.decode()
    assert "Formati aperti" in chapters
    for suffix in ("captions/fr.vtt", "captions/it.txt", "secrets/it.vtt", "../../etc/passwd"):
        assert learner_client.get(handler_url(pill_key, "track", suffix)).status_code == 404


def test_search_index_and_mobile_data(pill_key):
    from fd_core.platform import platform

    block = platform().get_block(pill_key)
    index = block.index_dictionary()
    assert index["content_type"] == "Video" and "portale open data" in index["content"]["transcript_it"]
    data = block.student_view_data()
    assert data["digcomp_competences"] == ["1.1", "1.3", "3.3"]
    assert all("correct" not in option for cp in data["checkpoints"] for option in cp["options"])
    assert set(data["captions"]) == {"it", "en"}


def _edit(pill_key, **fields):
    from fd_core.platform import platform

    block = platform().get_block(pill_key)
    for name, value in fields.items():
        setattr(block, name, value)
    block.save()


def test_a_youtube_pill_uses_the_privacy_enhanced_embed(learner_client, unit_url, pill_key):
    _edit(pill_key, sources=[], youtube_id="dQw4w9WgXcQ")
    page = learner_client.get(unit_url).content.decode()
    assert '<video class="fd-pill__video"' not in page
    assert 'data-youtube-id="dQw4w9WgXcQ"' in page
    assert 'href="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in page  # the no-JavaScript way to watch
    assert "www.youtube.com/embed" not in page


def test_an_hls_pill_loads_its_player_library_only_when_needed(learner_client, unit_url, pill_key):
    _edit(pill_key, sources=[], hls_url="https://video.example.org/pill/master.m3u8")
    page = learner_client.get(unit_url).content.decode()
    assert 'data-hls="https://video.example.org/pill/master.m3u8"' in page
    assert "hls.min.js" not in page.split('<script type="application/json" class="fd-pill__state">')[0]
    library = "/resource/fd_video_pill/public/js/vendor/hls.light.min.js"
    assert '"code":"hls"' in page and f'"hlsJsUrl":"{library}"' in page  # vendored: no CDN by default
    assert "hls.light.min.js" not in page.split('<script type="application/json" class="fd-pill__state">')[0]
    served = learner_client.get(library)
    assert served.status_code == 200 and b"Hls" in b"".join(served) and "max-age" in served["Cache-Control"]


def test_an_operator_may_load_hls_js_from_a_cdn(learner_client, unit_url, pill_key, settings):
    settings.XBLOCK_SETTINGS = {"fd_video_pill": {"HLS_JS_URL": "https://cdn.example.org/hls.min.js"}}
    _edit(pill_key, sources=[], hls_url="https://video.example.org/pill/master.m3u8")
    page = learner_client.get(unit_url).content.decode()
    assert '"hlsJsUrl":"https://cdn.example.org/hls.min.js"' in page


def test_several_qualities_get_a_quality_menu(learner_client, unit_url, pill_key):
    _edit(pill_key, sources=[{"src": "/static/what-is-open-data.mp4", "type": "video/mp4", "label": "270p"},
                             {"src": "https://video.example.org/open-data-720.mp4", "type": "video/mp4",
                              "label": "720p"}])
    page = learner_client.get(unit_url).content.decode()
    assert "Qualità <select class=\"fd-pill__quality\">" in page
    assert '<option value="https://video.example.org/open-data-720.mp4">720p</option>' in page


def test_one_file_per_type_has_no_quality_menu(learner_client, unit_url):
    page = learner_client.get(unit_url).content.decode()
    assert 'class="fd-pill__speed"' in page and 'class="fd-pill__quality"' not in page


def test_speeds_read_the_italian_way_and_keep_machine_values(learner_client, unit_url):
    page = learner_client.get(unit_url).content.decode()
    assert '<option value="1.5">1,5x</option>' in page and '<option value="1" selected>1x</option>' in page


def test_author_html_set_without_studio_is_cleaned_on_the_page(learner_client, learner, learner_block, unit_url,
                                                               call, pill_key):
    """Field data written straight to the store (an import, a script) never brings script to the page."""
    from fd_core.platform import platform

    block = platform().get_block(pill_key)
    attack = '<img src="x" onerror="alert(1)"><script>alert(2)</script>'
    checkpoints = [dict(cp) for cp in block.checkpoints]
    checkpoints[0].update(question="<p>Vero?</p>" + attack, feedback_incorrect="<p>No.</p>" + attack,
                          feedback_correct=attack)
    _edit(pill_key, description="<p>Intro</p>" + attack, checkpoints=checkpoints)
    page = learner_client.get(unit_url).content.decode()
    assert "<p>Intro</p>" in page and "Vero?" in page
    for bad in ("onerror", "<script>alert", "alert(1)", "alert(2)"):
        assert bad not in page
    state = json.loads(page.split('<script type="application/json" class="fd-pill__state">')[1].split("</script>")[0])
    assert state["checkpoints"][0]["question"] == "<p>Vero?</p>"
    watch(learner_block, learner, (0, 20))
    body = call(learner_client, "answer", {"checkpoint": checkpoints[0]["id"], "answer": [1]}).json()
    assert body["feedback"].startswith("<p>No.</p>") and "onerror" not in body["feedback"]
    assert "script" not in body["feedback"]
    data = platform().get_block(pill_key).student_view_data()
    assert "onerror" not in data["checkpoints"][0]["question"]

"""Honest completion in the sandbox: only really watched intervals count, reported in real time."""
import time

import pytest
from completion.models import BlockCompletion

from sandbox.models import TrackingLogEntry

pytestmark = pytest.mark.django_db

DURATION = 75.24


def age_last_report(learner_block, user, seconds):
    """Pretend the previous report arrived ``seconds`` ago (as if the learner had been watching)."""
    block = learner_block(user)
    block.last_report_at = time.time() - seconds
    block.save()


def test_watching_past_the_threshold_completes_the_pill(learner_client, learner, learner_block, call, pill_key):
    assert call(learner_client, "progress", {"intervals": []}).status_code == 200
    age_last_report(learner_block, learner, 40)
    first = call(learner_client, "progress", {"intervals": [[0, 60]], "position": 60}).json()
    assert first["completed"] is False and first["coverage"] == pytest.approx(60 / DURATION, abs=1e-3)
    assert not BlockCompletion.objects.filter(user=learner, block_key=pill_key).exists()
    age_last_report(learner_block, learner, 20)
    second = call(learner_client, "progress", {"intervals": [[55, 70]], "position": 70, "speed": 2}).json()
    assert second["completed"] is True and second["watched"] == [[0.0, 70.0]]
    assert BlockCompletion.objects.get(user=learner, block_key=pill_key).completion == 1.0
    event = TrackingLogEntry.objects.get(name="complete_video", user_id=learner.pk)
    assert event.event["coverage"] == pytest.approx(70 / DURATION, abs=1e-3)


def test_dragging_the_playhead_to_the_end_does_not_complete(learner_client, learner, learner_block, call, pill_key):
    call(learner_client, "progress", {"intervals": []})
    age_last_report(learner_block, learner, 30)
    body = call(learner_client, "progress", {"intervals": [[0, 5], [70, 75.24]], "position": 75.24}).json()
    assert body["completed"] is False and body["coverage"] < 0.2
    assert not BlockCompletion.objects.filter(user=learner, block_key=pill_key).exists()


def test_a_report_faster_than_real_time_is_refused_and_counts_nothing(learner_client, learner, learner_block, call,
                                                                      pill_key):
    call(learner_client, "progress", {"intervals": []})
    response = call(learner_client, "progress", {"intervals": [[0, 75]], "position": 75})
    assert response.status_code == 400
    assert "tempo trascorso" in response.json()["error"]  # Italian, the site's language
    assert learner_block(learner).watched == []
    assert not BlockCompletion.objects.filter(user=learner, block_key=pill_key).exists()


def test_the_same_seconds_reported_twice_count_once(learner_client, learner, learner_block, call):
    call(learner_client, "progress", {"intervals": []})
    for _ in range(4):
        age_last_report(learner_block, learner, 20)
        body = call(learner_client, "progress", {"intervals": [[10, 40]]}).json()
    assert body["watched"] == [[10.0, 40.0]] and body["completed"] is False


def test_position_speed_and_captions_are_kept_for_resuming(learner_client, learner, learner_block, call, unit_url):
    call(learner_client, "progress", {"intervals": [], "position": 42.5, "speed": 1.5, "caption_language": "en"})
    block = learner_block(learner)
    assert (block.position, block.speed, block.caption_language) == (42.5, 1.5, "en")
    page = learner_client.get(unit_url).content.decode()
    assert '"position":42.5' in page and '"speed":1.5' in page
    assert '<option value="1.5" selected>' in page
    assert 'srclang="en" label="English" default' in page


@pytest.mark.parametrize("payload, field", [
    ({"intervals": "0-10"}, "intervals"),
    ({"intervals": [[0]]}, "intervals"),
    ({"intervals": [[5, 2]]}, "intervals"),
    ({"intervals": [[-1, 2]]}, "intervals"),
    ({"intervals": [[0, 500]]}, "intervals"),
    ({"intervals": [[0, "1e400"]]}, "intervals"),
    ({"intervals": [[True, 3]]}, "intervals"),
    ({"intervals": [], "position": -3}, "position"),
    ({"intervals": [], "position": "a"}, "position"),
    ({"intervals": [], "speed": 3}, "speed"),
    ({"intervals": [], "caption_language": "xx"}, "caption_language"),
])
def test_bad_progress_reports_get_a_400_naming_the_field(learner_client, learner, learner_block, call, payload, field):
    response = call(learner_client, "progress", payload)
    assert response.status_code == 400
    assert response.json()["field"] == field and response.json()["error"]
    assert learner_block(learner).watched == []


def test_broken_json_and_wrong_method_are_refused_clearly(learner_client, call, pill_key):
    from .conftest import handler_url

    response = call(learner_client, "progress", None, raw="{not json")
    assert response.status_code == 400 and response.json()["error"] == "Il corpo della richiesta non è JSON valido."
    assert call(learner_client, "progress", None, raw="[1, 2]").status_code == 400
    assert learner_client.get(handler_url(pill_key, "progress")).status_code == 405

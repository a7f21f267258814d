"""Honest completion in the sandbox: only really watched intervals count, reported in real time."""

import pytest
from completion.models import BlockCompletion

from sandbox.models import TrackingLogEntry
from tests.helpers.pills import pill_timeline

pytestmark = pytest.mark.django_db

DURATION = pill_timeline().duration  # the demo pill's (threshold 0.9)
SHORT_OF_THRESHOLD, PAST_THRESHOLD = round(0.8 * DURATION), round(0.95 * DURATION)


def test_watching_past_the_threshold_completes_the_pill(learner_client, learner, clock, call, pill_key):
    assert call(learner_client, "progress", {"intervals": []}).status_code == 200  # playback starts
    clock.advance(40)
    first = call(learner_client, "progress", {"intervals": [[0, SHORT_OF_THRESHOLD]],
                                              "position": SHORT_OF_THRESHOLD}).json()
    assert first["completed"] is False and first["coverage"] == pytest.approx(SHORT_OF_THRESHOLD / DURATION, abs=1e-3)
    assert not BlockCompletion.objects.filter(user=learner, block_key=pill_key).exists()
    clock.advance(8)
    second = call(learner_client, "progress", {"intervals": [[SHORT_OF_THRESHOLD - 5, PAST_THRESHOLD]],
                                               "position": PAST_THRESHOLD, "speed": 2}).json()
    assert second["completed"] is True and second["watched"] == [[0.0, float(PAST_THRESHOLD)]]
    assert BlockCompletion.objects.get(user=learner, block_key=pill_key).completion == 1.0
    event = TrackingLogEntry.objects.get(name="complete_video", user_id=learner.pk)
    assert event.event["coverage"] == pytest.approx(PAST_THRESHOLD / DURATION, abs=1e-3)


def test_dragging_the_playhead_to_the_end_does_not_complete(learner_client, learner, clock, call, pill_key):
    call(learner_client, "progress", {"intervals": []})
    clock.advance(30)
    body = call(learner_client, "progress", {"intervals": [[0, 5], [DURATION - 5, DURATION]],
                                             "position": DURATION}).json()
    assert body["completed"] is False and body["coverage"] < 0.2
    assert not BlockCompletion.objects.filter(user=learner, block_key=pill_key).exists()


def test_a_report_faster_than_real_time_is_refused_and_counts_nothing(learner_client, learner, learner_block, clock,
                                                                      call, pill_key):
    call(learner_client, "progress", {"intervals": []})
    response = call(learner_client, "progress", {"intervals": [[0, DURATION]], "position": DURATION})
    assert response.status_code == 400
    assert "tempo trascorso" in response.json()["error"]  # Italian, the site's language
    assert learner_block(learner).watched == []
    assert not BlockCompletion.objects.filter(user=learner, block_key=pill_key).exists()


def test_a_burst_of_small_reports_does_not_complete_the_pill(learner_client, learner, learner_block, clock, call,
                                                            pill_key):
    """Thirteen reports of 4 s each (52 s of video) sent within 0.65 s: the grace is given once, not
    per report, so only the first fits and the rest are refused with a message."""
    assert call(learner_client, "progress", {"intervals": []}).status_code == 200
    responses = []
    for n in range(13):
        clock.advance(0.05)
        responses.append(call(learner_client, "progress", {"intervals": [[4 * n, 4 * n + 4]], "position": 4 * n + 4}))
    assert [r.status_code for r in responses] == [200] + [400] * 12
    assert all("tempo trascorso" in r.json()["error"] and r.json()["field"] == "intervals" for r in responses[1:])
    block = learner_block(learner)
    assert block.watched == [[0.0, 4.0]] and not block.completed
    assert not BlockCompletion.objects.filter(user=learner, block_key=pill_key).exists()


def test_reports_at_a_real_rate_complete_the_pill(learner_client, learner, clock, call, pill_key):
    """The player's rhythm: an empty report when playback starts, then one every 10 s of wall time,
    at the top speed (20 s of video each), with a pause in the middle."""
    assert call(learner_client, "progress", {"intervals": [], "speed": 2}).status_code == 200
    position = 0.0
    bodies = []
    while position < PAST_THRESHOLD:
        clock.advance(10)
        end = min(position + 20, DURATION)
        response = call(learner_client, "progress", {"intervals": [[position, end]], "position": end, "speed": 2})
        assert response.status_code == 200, response.json()
        bodies.append(response.json())
        position = end
        if len(bodies) == 2:
            clock.advance(600)  # a coffee break: paused, nothing reported
    assert bodies[-1]["completed"] is True
    assert BlockCompletion.objects.get(user=learner, block_key=pill_key).completion == 1.0


def test_a_learner_who_comes_back_the_next_day_goes_on(learner_client, learner, learner_block, clock, call):
    call(learner_client, "progress", {"intervals": []})
    clock.advance(10)
    assert call(learner_client, "progress", {"intervals": [[0, 20]]}).status_code == 200
    clock.advance(86_400)  # the next day, a new page: the player's empty report, then playback
    assert call(learner_client, "progress", {"intervals": [], "position": 20}).status_code == 200
    clock.advance(10)
    body = call(learner_client, "progress", {"intervals": [[20, 40]], "position": 40}).json()
    assert body["watched"] == [[0.0, 40.0]]


def test_rewatching_spends_no_budget(learner_client, learner, clock, call):
    """Seen seconds again add no coverage: a learner who rewatched a lot can still report new ones."""
    call(learner_client, "progress", {"intervals": []})
    clock.advance(10)
    assert call(learner_client, "progress", {"intervals": [[0, 20]]}).status_code == 200
    for _ in range(5):
        clock.advance(10)
        assert call(learner_client, "progress", {"intervals": [[0, 20]]}).status_code == 200
    clock.advance(1)
    assert call(learner_client, "progress", {"intervals": [[20, 40]]}).status_code == 200


def test_learners_from_before_the_budget_keep_their_coverage(learner_client, learner, learner_block, clock, call):
    block = learner_block(learner)
    block.watched = [[0.0, 60.0]]  # watched under the previous rule, no first report time stored
    block.save()
    clock.advance(10)
    body = call(learner_client, "progress", {"intervals": [[60, 64]]}).json()
    assert body["watched"] == [[0.0, 64.0]]
    assert call(learner_client, "progress", {"intervals": [[64, 70]]}).status_code == 400


def test_the_same_seconds_reported_twice_count_once(learner_client, learner, clock, call):
    call(learner_client, "progress", {"intervals": []})
    for _ in range(4):
        clock.advance(20)
        body = call(learner_client, "progress", {"intervals": [[10, 40]]}).json()
    assert body["watched"] == [[10.0, 40.0]] and body["completed"] is False


def test_position_speed_and_captions_are_kept_for_resuming(learner_client, learner, learner_block, call, unit_url):
    call(learner_client, "progress", {"intervals": [], "position": 42.5, "speed": 1.5, "caption_language": "en"})
    block = learner_block(learner)
    assert (block.position, block.speed, block.caption_language) == (42.5, 1.5, "en")
    # Captions the player showed by itself are not a choice: the Italian site keeps Italian ones.
    assert 'srclang="it" label="Italiano" default' in learner_client.get(unit_url).content.decode()
    call(learner_client, "progress", {"intervals": [], "caption_language": "en", "caption_chosen": True})
    call(learner_client, "progress", {"intervals": [], "caption_language": "it"})  # a later automatic report
    assert learner_block(learner).caption_choice == "en"
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
    ({"intervals": [], "caption_chosen": "yes"}, "caption_chosen"),
])
def test_bad_progress_reports_get_a_400_naming_the_field(learner_client, learner, learner_block, call, payload, field):
    response = call(learner_client, "progress", payload)
    assert response.status_code == 400
    assert response.json()["field"] == field and response.json()["error"]
    assert learner_block(learner).watched == []


def test_broken_json_and_wrong_method_are_refused_clearly(learner_client, call, pill_key):
    from .conftest import handler_url

    response = call(learner_client, "progress", None, raw="{not json")
    assert response.status_code == 400
    assert response.json()["error"].startswith("Il corpo della richiesta non è JSON valido")
    assert call(learner_client, "progress", None, raw="[1, 2]").status_code == 400
    assert learner_client.get(handler_url(pill_key, "progress")).status_code == 405

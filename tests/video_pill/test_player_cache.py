"""The player is rendered once per content version and language: each learner still sees only their own state."""
import json

import pytest
from django.test import Client

from tests.helpers.pills import pill_timeline

from .test_learner_features import _edit, watch

pytestmark = pytest.mark.django_db

STATE = '<script type="application/json" class="fd-pill__state">'


def state_of(page):
    return json.loads(page.split(STATE)[1].split("</script>")[0])


def page_of(user, unit_url):
    client = Client()
    client.force_login(user)
    return client.get(unit_url).content.decode()


@pytest.fixture
def second_learner(django_user_model, pill_course):
    from sandbox.enrollment import enroll

    user = django_user_model.objects.create_user("marco", "marco@example.org", "pw")
    enroll(user, pill_course)
    return user


def test_two_learners_of_the_same_pill_each_see_their_own_state(learner, second_learner, learner_block, unit_url):
    watch(learner_block, learner, (0, 66))
    block = learner_block(learner)
    block.position, block.speed = 40.0, 1.5
    block.answers = {"machine-readable": {"correct": True, "answer": [0]}}
    block.save()

    first, second = page_of(learner, unit_url), page_of(second_learner, unit_url)
    mine, theirs = state_of(first), state_of(second)
    assert (mine["position"], mine["speed"]) == (40.0, 1.5)
    assert (theirs["position"], theirs["speed"]) == (0, 1.0)
    answered = {cp["id"]: (cp["answered"], cp["correct"]) for cp in mine["checkpoints"]}
    assert answered.pop("machine-readable") == (True, True)
    assert set(answered.values()) == {(False, False)}
    assert not any(cp["answered"] or cp["correct"] for cp in theirs["checkpoints"])
    assert '<option value="1.5" selected>' in first and '<option value="1" selected>' in second
    assert '<option value="1.5" selected>' not in second
    assert "Guardato: 0%" in second and "Guardato: 0%" not in first
    # And the first learner's page, asked again after the second one's, is still theirs.
    assert state_of(page_of(learner, unit_url))["position"] == 40.0


def test_a_changed_pill_is_shown_at_once(learner, unit_url, pill_key):
    assert "Un titolo nuovo" not in page_of(learner, unit_url)
    _edit(pill_key, display_name="Un titolo nuovo", duration=200.0)
    page = page_of(learner, unit_url)
    assert "Un titolo nuovo" in page and state_of(page)["duration"] == 200.0


def test_each_language_gets_its_own_player(learner, second_learner, unit_url):
    from django.urls import reverse

    italian = page_of(learner, unit_url)
    client = Client()
    client.force_login(second_learner)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(unit_url).content.decode()
    assert 'aria-label="Riproduci"' in italian and 'aria-label="Play"' not in italian
    assert 'aria-label="Play"' in english and 'aria-label="Riproduci"' not in english
    assert state_of(english)["transcriptLanguage"] == "en" and state_of(italian)["transcriptLanguage"] == "it"


@pytest.fixture
def renders(monkeypatch):
    """How many times the player itself is rendered (not served from Django's cache)."""
    from fd_xblocks.video_pill import player

    made = []
    real = player._render_variant

    def counted(*args):
        made.append(args[0].scope_ids.usage_id)
        return real(*args)

    monkeypatch.setattr(player, "_render_variant", counted)
    return made


def test_the_second_learner_gets_the_player_from_djangos_cache_with_only_their_own_state(
        learner, second_learner, learner_block, unit_url, renders):
    from django.core.cache import cache

    cache.clear()
    watch(learner_block, learner, (0, 66))
    block = learner_block(learner)
    block.position, block.speed, block.caption_choice = 30.0, 1.75, "en"
    block.answers = {"commercial-use": {"correct": False, "answer": [False]}}
    block.save()
    block = learner_block(second_learner)
    block.position, block.speed, block.caption_choice = 12.0, 0.75, "en"
    block.save()

    first = page_of(learner, unit_url)
    second = page_of(second_learner, unit_url)
    assert len(renders) == 1  # the same content, language and captions: one render, in the shared cache
    mine, theirs = state_of(first), state_of(second)
    assert (mine["position"], mine["speed"], theirs["position"], theirs["speed"]) == (30.0, 1.75, 12.0, 0.75)
    assert [cp["answered"] for cp in theirs["checkpoints"]] == [False, False, False]
    assert next(cp for cp in mine["checkpoints"] if cp["id"] == "commercial-use")["answered"] is True
    assert '<option value="0.75" selected>' in second and '<option value="1.75" selected>' not in second
    watched = int(66 / pill_timeline().duration * 100)  # the player rounds the share down
    assert "Guardato: 0%" in second and f"Guardato: {watched}%" in first
    assert state_of(page_of(learner, unit_url)) == mine
    # Django's cache is what holds it: once emptied, the player is rendered again.
    cache.clear()
    assert state_of(page_of(second_learner, unit_url)) == theirs
    assert len(renders) == 2


def test_an_author_edit_of_any_shown_content_changes_the_page_at_once(learner, unit_url, pill_key, pill_course):
    from fd_core.platform import platform

    before = page_of(learner, unit_url)
    block = platform().get_block(pill_key)
    captions = dict(block.captions)
    captions["it"] = captions["it"].replace("Ciao!", "Buongiorno!")
    checkpoints = [dict(cp) for cp in block.checkpoints]
    checkpoints[0]["question"] = "<p>Si possono vendere app fatte con gli open data?</p>"
    _edit(pill_key, captions=captions, checkpoints=checkpoints,
          description="<p>Una pillola nuova.</p><script>alert(1)</script>", show_transcript=True)
    after = page_of(learner, unit_url)
    assert "Ciao!" in before and "Ciao!" not in after and "Buongiorno!" in after
    assert "Si possono vendere app" in json.dumps(state_of(after)["checkpoints"], ensure_ascii=False)
    assert "<p>Una pillola nuova.</p>" in after and "alert(1)" not in after
    assert 'data-action="transcript" aria-expanded="false"' in before
    assert 'data-action="transcript" aria-expanded="true"' in after

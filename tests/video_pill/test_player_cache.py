"""The player is rendered once per content version and language: each learner still sees only their own state."""
import json

import pytest
from django.test import Client

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

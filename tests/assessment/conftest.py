"""Fixtures of the fd_assessment suite: people, and a helper that takes a whole questionnaire."""
import pytest

from fd_assessment import api


@pytest.fixture
def english():
    """Messages in English (the site's default is Italian)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def learner_fields():
    return {"username": "giulia"}


@pytest.fixture
def staff(db, django_user_model):
    return django_user_model.objects.create_user("staff", "staff@example.org", "pw", is_staff=True)


def answer_all(attempt, self_value="2", pick="correct"):
    """Answer every question the form asks (adaptive order), ``pick`` = correct / wrong / dont_know."""
    from fd_assessment.questionnaire import DONT_KNOW

    bank = api.load_bank(attempt.version, "it")
    while True:
        state = api.attempt_state(attempt)
        item = state["next_item"]
        if item is None:
            return
        if item["kind"] == "self_rating":
            value = self_value
        else:
            options = bank["by_id"][item["id"]]["options"]
            if pick == "correct":
                value = next(o["id"] for o in options if o.get("correct"))
            elif pick == "wrong":
                value = next(o["id"] for o in options if not o.get("correct"))
            else:
                value = DONT_KNOW
        api.answer(attempt, item["id"], value, version=state["version"])


def take(user, form="short", areas=(), self_value="2", pick="correct", **kwargs):
    attempt = api.start_attempt(user, form=form, areas=areas, **kwargs)
    answer_all(attempt, self_value=self_value, pick=pick)
    api.submit_attempt(attempt)
    return attempt


@pytest.fixture
def take_questionnaire():
    return take


# --- a course with the assessment block and tagged pills -----------------------------------
from pathlib import Path  # noqa: E402
from unittest.mock import Mock  # noqa: E402

OLX = Path(__file__).parent / "olx" / "assess-course"


@pytest.fixture
def pill_block(monkeypatch):
    import xblock.plugin
    from xblock.core import XBlock

    from .pill import TaggedPillBlock

    entry_point = Mock(dist=Mock(key="tests"), load=Mock(return_value=TaggedPillBlock), group="xblock.v1")
    entry_point.name = "fd_test_pill"
    monkeypatch.setattr(XBlock, "extra_entry_points", list(XBlock.extra_entry_points) + [("fd_test_pill", entry_point)])
    monkeypatch.setattr(xblock.plugin, "PLUGIN_CACHE", {})


@pytest.fixture
def assess_course(db, pill_block, django_capture_on_commit_callbacks):
    from sandbox.courses import import_course

    with django_capture_on_commit_callbacks(execute=True):
        course = import_course(OLX)
    return course


@pytest.fixture
def enrolled(client, learner, assess_course):
    from sandbox.enrollment import enroll

    enroll(learner, assess_course)
    client.force_login(learner)
    return client

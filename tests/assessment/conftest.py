"""Fixtures of the fd_assessment suite: people, and a helper that takes a whole questionnaire."""
import pytest

from fd_assessment import api


@pytest.fixture
def learner(db, django_user_model):
    return django_user_model.objects.create_user("giulia", "giulia@example.org", "pw")


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

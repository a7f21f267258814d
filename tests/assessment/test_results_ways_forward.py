"""The results page's way forward as data (``api.ways_forward``) and the hook other apps fill."""
import pytest

from fd_assessment import api
from fd_assessment.signals import results_page_extras

from .conftest import take

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(django_user_model):
    return django_user_model.objects.create_user("chiara", password="pw")


def test_a_full_short_score_suggests_the_full_questionnaire(person):
    forward = api.ways_forward(take(person, self_value="4", pick="correct"), "it")
    assert forward["full_score"] is True
    assert forward["next_level"] == {"kind": "full_form", "url": "/fd/assessment/",
                                     "title": "Prova il questionario completo: circa 80 domande su tutte le 21 "
                                              "competenze."}
    assert forward["course"] is None  # taken on the standalone page


def test_a_full_score_on_the_full_questionnaire_suggests_helping_others(person):
    forward = api.ways_forward(take(person, form="full", self_value="4", pick="correct"), "en")
    assert forward["next_level"]["kind"] == "help_others"
    assert forward["next_level"]["url"] == ""


def test_a_score_below_full_has_no_next_level(person):
    forward = api.ways_forward(take(person, self_value="2", pick="wrong"), "it")
    assert forward["full_score"] is False
    assert forward["next_level"] is None


def test_an_open_attempt_has_no_way_forward_yet(person):
    with pytest.raises(api.AnswerError):
        api.ways_forward(api.start_attempt(person), "it")


def test_what_other_apps_add_is_checked_and_a_failing_app_adds_nothing(person):
    calls = []

    def good(sender, **kwargs):
        calls.append(kwargs)
        return [{"kind": "badge", "title": "Il tuo nuovo badge", "url": "/fd/badges/awards/x/"},
                {"kind": "x", "title": "Bad", "url": "javascript:alert(1)"},
                {"kind": "x", "title": "Other host", "url": "//evil.example/"},
                {"kind": "x", "title": "", "url": "/empty-title/"}, "not a dict"]

    def broken(sender, **kwargs):
        raise RuntimeError("boom")

    def not_a_list(sender, **kwargs):
        return "text"

    attempt = take(person)
    for receiver in (good, broken, not_a_list):
        results_page_extras.connect(receiver, dispatch_uid=f"test-{receiver.__name__}")
    try:
        extras = api.ways_forward(attempt, "it")["extras"]
    finally:
        for receiver in (good, broken, not_a_list):
            results_page_extras.disconnect(dispatch_uid=f"test-{receiver.__name__}")
    assert [e for e in extras if e["title"] == "Il tuo nuovo badge"] == [
        {"kind": "badge", "title": "Il tuo nuovo badge", "url": "/fd/badges/awards/x/"}]
    assert not [e for e in extras if e["title"] in ("Bad", "Other host", "")]
    assert calls[0]["user_id"] == person.pk and calls[0]["attempt_id"] == attempt.pk
    assert calls[0]["until_at"] is None and calls[0]["language"] == "it"


def test_the_next_attempt_ends_what_an_older_results_page_counts(person):
    first = take(person)
    second = take(person)
    seen = []
    results_page_extras.connect(lambda sender, **kwargs: seen.append(kwargs["until_at"]) or [],
                                dispatch_uid="test-until", weak=False)
    try:
        api.ways_forward(first, "it")
        api.ways_forward(second, "it")
    finally:
        results_page_extras.disconnect(dispatch_uid="test-until")
    assert seen == [second.completed, None]

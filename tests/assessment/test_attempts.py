"""Attempts: saved as answered, resumable, frozen to their version, completed once, signalled."""
import pytest
from opaque_keys.edx.keys import CourseKey

from fd_assessment import api
from fd_assessment.models import Answer, Attempt, StatsCell
from fd_assessment.signals import assessment_completed

from .conftest import answer_all

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
COURSE = CourseKey.from_string("course-v1:FirenzeDigitale+OD101+2026")


def test_answers_are_saved_one_by_one_and_the_attempt_resumes(learner):
    attempt = api.start_attempt(learner, form="short", language="it")
    first = api.attempt_state(attempt)["next_item"]
    api.answer(attempt, first["id"], "3", version=attempt.version)
    assert Answer.objects.get(attempt=attempt, item_id=first["id"]).value == "3"
    again = api.start_attempt(learner, form="short", language="it")
    assert again.pk == attempt.pk
    state = api.attempt_state(again)
    assert state["answered"] == 1 and state["next_item"]["id"] != first["id"]


def test_changing_an_answer_keeps_one_row(learner):
    attempt = api.start_attempt(learner)
    item_id = api.attempt_state(attempt)["next_item"]["id"]
    api.answer(attempt, item_id, "1")
    api.answer(attempt, item_id, "4")
    assert list(Answer.objects.filter(attempt=attempt).values_list("value", flat=True)) == ["4"]


def test_attempt_is_frozen_to_its_version(learner, settings):
    attempt = api.start_attempt(learner)
    item_id = api.attempt_state(attempt)["next_item"]["id"]
    with pytest.raises(api.StaleVersion, match="Reload the page"):
        api.answer(attempt, item_id, "2", version="2030.9")
    assert not Answer.objects.filter(attempt=attempt).exists()
    assert attempt.version == api.current_version()


def test_unknown_question_and_out_of_range_answers_are_refused_with_nothing_saved(learner):
    attempt = api.start_attempt(learner, areas=["1"])
    with pytest.raises(api.AnswerError, match="Unknown question id"):
        api.answer(attempt, "no-such-question", "1")
    with pytest.raises(api.AnswerError, match="not one of the options"):
        api.answer(attempt, "self-1-1", "7")
    with pytest.raises(api.AnswerError, match="not part of this questionnaire"):
        api.answer(attempt, "self-4-1", "2")  # area 4 is not in this attempt
    assert not Answer.objects.exists()


def test_submit_needs_every_question_then_closes_the_attempt(learner):
    attempt = api.start_attempt(learner, areas=["5"])
    with pytest.raises(api.AnswerError, match="still need an answer"):
        api.submit_attempt(attempt)
    answer_all(attempt)
    api.submit_attempt(attempt)
    assert attempt.status == Attempt.COMPLETED and attempt.attempt_number == 1
    with pytest.raises(api.AttemptClosed):
        api.answer(attempt, "self-5-1", "1")
    with pytest.raises(api.AttemptClosed):
        api.submit_attempt(attempt)
    assert Answer.objects.get(attempt=attempt, item_id="self-5-1").value == "2"


def test_completion_sends_the_signal_after_commit(learner, django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    assessment_completed.connect(receiver)
    try:
        attempt = api.start_attempt(learner, areas=["4"], course_key=COURSE)
        answer_all(attempt, self_value="3")
        with django_capture_on_commit_callbacks(execute=True):
            api.submit_attempt(attempt)
    finally:
        assessment_completed.disconnect(receiver)
    assert len(received) == 1
    event = received[0]
    assert event["user_id"] == learner.pk and event["attempt_id"] == attempt.pk and event["course_key"] == str(COURSE)
    assert set(event["levels"]) == {"4.1", "4.2", "4.3", "4.4"}
    assert set(event["levels"]["4.2"]) == {"score", "level8", "level4"}
    assert event["attempt_number"] == 1 and event["completed_at"] == attempt.completed


def test_retake_shows_growth_and_updates_the_counters(learner, take_questionnaire):
    take_questionnaire(learner, self_value="1", pick="wrong")
    second = take_questionnaire(learner, self_value="3", pick="correct")
    results = api.results(second, "it")
    assert second.attempt_number == 2 and results["growth"]["overall"] > 0
    assert results["first_attempt_id"] is not None
    totals = {cell.kind: cell for cell in StatsCell.objects.filter(course="*", period="*", cohort="*")}
    assert totals["first"].attempts == 1 and totals["retake"].attempts == 1
    assert sum(totals["first"].levels["all"]) == 1 and sum(totals["retake"].levels["4.2"]) == 1
    assert StatsCell.objects.filter(kind="first").count() == 8  # own group and the "*" totals
    n, change = totals["retake"].growth["all"]
    assert n == 1 and change == pytest.approx(results["growth"]["overall"], abs=0.2)


def test_results_name_levels_in_the_language_and_recommend_weak_competences(learner, take_questionnaire):
    attempt = take_questionnaire(learner, self_value="2")
    it = api.results(attempt, "it")
    en = api.results(attempt, "en")
    assert {a["level4_name"] for a in it["areas"]} <= {"Base", "Intermedio", "Avanzato", "Altamente avanzato"}
    assert {a["level4_name"] for a in en["areas"]} <= {"Basic", "Intermediate", "Advanced", "Highly advanced"}
    assert len(it["recommendations"]) == 3
    assert it["areas"][0]["title"] == "Ricerca, valutazione e gestione delle informazioni"


def test_history_lists_completed_attempts_only(learner, take_questionnaire):
    take_questionnaire(learner)
    api.start_attempt(learner)
    history = api.history(learner)
    assert len(history) == 1 and history[0]["overall"]["level4"] in (1, 2, 3, 4)


def test_retirement_removes_attempts_and_keeps_the_anonymous_counters(learner, take_questionnaire):
    from fd_core.platform import platform

    take_questionnaire(learner)
    api.start_attempt(learner)
    counters = list(StatsCell.objects.values_list("attempts", "levels"))
    platform().USER_RETIRE_LMS_MISC.send(sender=None, user=learner)
    assert not Attempt.objects.filter(user=learner).exists() and not Answer.objects.exists()
    assert api.history(learner) == []
    assert list(StatsCell.objects.values_list("attempts", "levels")) == counters
    assert StatsCell.objects.get(course="*", period="*", cohort="*", kind="first").attempts == 1


def test_a_completion_adds_to_eight_distinct_cells_in_a_fixed_order():
    from fd_assessment.stats import cell_keys

    keys = cell_keys("course-v1:A+B+C", "2026-11", "Oblate", "first")
    combos = [(k["course"], k["period"], k["cohort"]) for k in keys]
    assert len(set(combos)) == 8 and combos == sorted(combos)
    assert ("*", "*", "*") in combos and ("course-v1:A+B+C", "2026-11", "Oblate") in combos


def test_results_review_the_questions_not_known_with_the_right_answer(learner, take_questionnaire):
    attempt = take_questionnaire(learner, areas=["2"], pick="dont_know")
    review = api.results(attempt, "en")["review"]
    assert {entry["id"] for entry in review} >= {"s-pagopa-where", "s-spid-level2"}
    spid = next(entry for entry in review if entry["id"] == "s-spid-level2")
    assert spid["your_answer"] == "I don't know" and "second factor" in spid["correct_answer"]
    assert spid["explanation"]
    assert api.results(take_questionnaire(learner, areas=["2"], pick="correct"), "en")["review"] == []


def test_a_new_questionnaire_version_does_not_change_attempts_already_started(learner, tmp_path, monkeypatch,
                                                                             settings):
    import json
    import shutil

    from fd_assessment import questionnaire

    for path in questionnaire.QUESTIONNAIRE_DIR.glob("questionnaire-2026.1.*.json"):
        shutil.copy(path, tmp_path / path.name)
        newer = json.loads(path.read_text(encoding="utf-8"))
        newer["version"] = "2026.2"
        newer["items"][0]["text"] = newer["items"][0]["text"] + " (2026.2)"
        (tmp_path / path.name.replace("2026.1", "2026.2")).write_text(json.dumps(newer), encoding="utf-8")
    monkeypatch.setattr(questionnaire, "QUESTIONNAIRE_DIR", tmp_path)
    questionnaire.load_bank.cache_clear()
    try:
        settings.FD_ASSESSMENT_QUESTIONNAIRE_VERSION = "2026.1"
        old = api.start_attempt(learner, areas=["1"])
        settings.FD_ASSESSMENT_QUESTIONNAIRE_VERSION = None
        assert api.current_version() == "2026.2"
        assert api.start_attempt(learner, areas=["1"]).pk == old.pk  # resuming keeps the old version
        state = api.attempt_state(old)
        assert state["version"] == "2026.1" and not state["next_item"]["text"].endswith("(2026.2)")
        with pytest.raises(api.StaleVersion):
            api.answer(old, state["next_item"]["id"], "2", version="2026.2")
        answer_all(old)
        api.submit_attempt(old)
        new = api.start_attempt(learner, areas=["1"])
        assert new.version == "2026.2" and api.attempt_state(new)["next_item"]["text"].endswith("(2026.2)")
    finally:
        questionnaire.load_bank.cache_clear()

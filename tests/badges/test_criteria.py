"""Rules: course passed, N completed blocks (edx-completion), DigComp level; AND/OR; manual only."""
import pytest
from completion.models import BlockCompletion
from django.utils import timezone
from opaque_keys.edx.keys import UsageKey

from fd_badges import awarding, receivers
from fd_badges.models import Award, BadgeClass, BadgeRule, LearnerFact, PendingEvaluation

from .conftest import COURSE


def _pill(number):
    return UsageKey.from_string(f"block-v1:FirenzeDigitale+OD101+2026+type@fd_video_pill+block@pill{number}")


@pytest.fixture
def pills_badge(issuer):
    badge = BadgeClass.objects.create(
        slug="three-pills", issuer=issuer, name_it="Tre pillole", name_en="Three pills", description_it="d",
        description_en="d", criteria_it="c", criteria_en="c", course_key=COURSE)
    BadgeRule.objects.create(badge_class=badge, kind=BadgeRule.BLOCKS_COMPLETED, course_key=COURSE,
                             block_type="fd_video_pill", count=3)
    return badge


def test_completing_n_blocks_of_a_type_earns_the_badge(pills_badge, learner):
    for number in range(2):
        BlockCompletion.objects.submit_completion(learner, _pill(number), 1.0)
    assert PendingEvaluation.objects.filter(user=learner).exists()  # recorded by the post_save receiver
    assert awarding.evaluate_user(learner.pk) == []
    other = UsageKey.from_string("block-v1:FirenzeDigitale+OD101+2026+type@problem+block@quiz")
    BlockCompletion.objects.submit_completion(learner, other, 1.0)
    BlockCompletion.objects.submit_completion(learner, _pill(9), 0.5)
    assert awarding.evaluate_user(learner.pk) == []
    BlockCompletion.objects.submit_completion(learner, _pill(2), 1.0)
    awards = awarding.evaluate_user(learner.pk)
    assert [award.badge_class.slug for award in awards] == ["three-pills"]
    # written in the site's language when no request is active (Italian here)
    assert "Completate 3 delle 3 attività" in awards[0].evidence[0]["narrative"]
    assert not PendingEvaluation.objects.filter(user=learner).exists()


def test_completions_in_courses_without_block_rules_are_ignored(badge_class, learner):
    BlockCompletion.objects.submit_completion(learner, _pill(1), 1.0)
    assert not PendingEvaluation.objects.exists()


def test_digcomp_level_in_an_area(issuer, learner):
    badge = BadgeClass.objects.create(
        slug="area1-l3", issuer=issuer, name_it="Area 1", name_en="Area 1", description_it="d", description_en="d",
        criteria_it="c", criteria_en="c")
    BadgeRule.objects.create(badge_class=badge, kind=BadgeRule.DIGCOMP_LEVEL, digcomp_target="1", level=3)
    receivers.on_assessment_completed(sender=None, user_id=learner.pk, attempt_id=1,
                                   levels={"1.1": {"level8": 5}}, areas={"1": {"score": 30, "level8": 2}})
    assert awarding.evaluate_user(learner.pk) == []
    receivers.on_assessment_completed(sender=None, user_id=learner.pk, attempt_id=2,
                                   levels={"1.1": {"level8": 5}}, areas={"1": {"score": 50, "level8": 3}})
    assert [a.badge_class.slug for a in awarding.evaluate_user(learner.pk)] == ["area1-l3"]
    # a later, lower result does not take back what was reached
    receivers.on_assessment_completed(sender=None, user_id=learner.pk, attempt_id=3, levels={},
                                      areas={"1": {"level8": 1}})
    assert LearnerFact.objects.get(user=learner, kind=LearnerFact.DIGCOMP_AREA, key="1").value == 3


@pytest.mark.parametrize(("operator", "passed", "level", "earned"), [
    (BadgeClass.ALL, True, 2, False), (BadgeClass.ALL, True, 4, True),
    (BadgeClass.ANY, False, 4, True), (BadgeClass.ANY, False, 1, False),
])
def test_rules_combine_with_and_or(issuer, learner, operator, passed, level, earned):
    badge = BadgeClass.objects.create(
        slug="combo", issuer=issuer, name_it="Combo", name_en="Combo", description_it="d", description_en="d",
        criteria_it="c", criteria_en="c", rule_operator=operator)
    BadgeRule.objects.create(badge_class=badge, kind=BadgeRule.COURSE_PASSED, course_key=COURSE)
    BadgeRule.objects.create(badge_class=badge, kind=BadgeRule.DIGCOMP_LEVEL, digcomp_target="4.2", level=3)
    LearnerFact.objects.create(user=learner, kind=LearnerFact.COURSE_PASSED, key=str(COURSE), value=int(passed))
    LearnerFact.objects.create(user=learner, kind=LearnerFact.DIGCOMP_COMPETENCE, key="4.2", value=level)
    assert bool(awarding.evaluate_user(learner.pk)) is earned


def test_a_class_without_rules_is_only_awarded_by_staff(issuer, learner):
    BadgeClass.objects.create(slug="manual", issuer=issuer, name_it="M", name_en="M", description_it="d",
                              description_en="d", criteria_it="c", criteria_en="c")
    LearnerFact.objects.create(user=learner, kind=LearnerFact.COURSE_PASSED, key=str(COURSE), value=1)
    assert awarding.evaluate_user(learner.pk) == []


def test_inactive_class_is_not_awarded(badge_class, learner):
    BadgeClass.objects.filter(pk=badge_class.pk).update(active=False)
    LearnerFact.objects.create(user=learner, kind=LearnerFact.COURSE_PASSED, key=str(COURSE), value=1)
    assert awarding.evaluate_user(learner.pk) == []


def test_retired_learner_is_forgotten_and_their_badge_stays_revoked(signed_award, learner):
    from fd_core.platform import USER_RETIRE_LMS_MISC, platform

    platform()  # connects the sandbox's retirement signals to the proxies
    from sandbox.platform import USER_RETIRE_LMS_MISC as SANDBOX_SIGNAL

    credential = signed_award.credential
    SANDBOX_SIGNAL.send(sender=None, user=learner)
    assert USER_RETIRE_LMS_MISC is not None
    award = Award.objects.get(pk=signed_award.pk)
    assert award.user is None and award.credential is None and award.is_revoked
    assert not LearnerFact.objects.filter(user=learner).exists()
    from fd_badges import verification

    assert verification.verify(credential)["code"] == "revoked"


def test_completed_blocks_with_a_digcomp_tag_use_the_assessment_catalogue(issuer, learner,
                                                                          django_capture_on_commit_callbacks):
    from pathlib import Path

    from sandbox.courses import import_course

    with django_capture_on_commit_callbacks(execute=True):  # publishing indexes the DigComp tags
        course = import_course(Path(__file__).resolve().parents[2] / "course_content" / "open-data")
    badge = BadgeClass.objects.create(
        slug="data-manager", issuer=issuer, name_it="Gestire dati", name_en="Managing data", description_it="d",
        description_en="d", criteria_it="c", criteria_en="c", course_key=course.course_key)
    BadgeRule.objects.create(badge_class=badge, kind=BadgeRule.BLOCKS_COMPLETED, course_key=course.course_key,
                             digcomp_tag="1.3", count=1)
    assessment = course.course_key.make_usage_key("fd_digcomp_assessment", "self-check")
    BlockCompletion.objects.submit_completion(learner, assessment, 1.0)  # not tagged 1.3
    assert awarding.evaluate_user(learner.pk) == []
    pill = course.course_key.make_usage_key("fd_video_pill", "what-is-open-data")
    BlockCompletion.objects.submit_completion(learner, pill, 1.0)
    assert [award.badge_class.slug for award in awarding.evaluate_user(learner.pk)] == ["data-manager"]


def test_the_real_assessment_signal_records_levels(issuer, learner, django_capture_on_commit_callbacks):
    from fd_assessment.signals import assessment_completed

    with django_capture_on_commit_callbacks() as callbacks:
        assessment_completed.send(sender=None, user_id=learner.pk, attempt_id=7, course_key=None,
                                  levels={"4.2": {"score": 80, "level8": 6, "level4": 3}},
                                  areas={"4": {"score": 70, "level8": 5, "level4": 3}},
                                  overall={"score": 70, "level8": 5, "level4": 3}, attempt_number=1,
                                  completed_at=timezone.now())
    # our evaluation is queued after the commit (other apps may queue their own work too)
    assert [cb for cb in callbacks if cb.__module__ == "fd_badges.receivers"]
    facts = dict(((kind, key), value) for kind, key, value in
                 LearnerFact.objects.filter(user=learner).values_list("kind", "key", "value"))
    assert facts == {(LearnerFact.DIGCOMP_COMPETENCE, "4.2"): 6, (LearnerFact.DIGCOMP_AREA, "4"): 5}
    assert PendingEvaluation.objects.filter(user=learner).exists()

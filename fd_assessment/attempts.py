"""The life of an attempt: start or resume, save each answer as given, submit and score."""
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from opaque_keys.edx.django.models import CourseKeyField, UsageKeyField

from . import stats
from .errors import AnswerError, AttemptClosed, StaleVersion
from .framework import lang_of
from .models import Answer, Attempt
from .questionnaire import (
    current_version,
    form_item_ids,
    load_bank,
    next_item_id,
    parse_areas,
    skipped_ids,
    validate_answer,
)
from .scoring import score_attempt
from .signals import assessment_completed

log = logging.getLogger(__name__)
COHORT_MAX = 64


def clean_cohort(value):
    value = (value or "").strip()
    if len(value) > COHORT_MAX or any(not (ch.isalnum() or ch in " -_.") for ch in value):
        raise AnswerError(_("A cohort name has at most 64 letters, digits, spaces, dots, dashes or underscores."))
    return value


def _scope(queryset, course_key):
    """Attempts in the same place: the same course, or the standalone page (no course)."""
    return queryset.filter(course_key=course_key or CourseKeyField.Empty)


def start_or_resume(user, form="short", areas=(), language="it", course_key=None, usage_key=None, cohort=""):
    """Return ``(attempt, resumed)``: the person's open attempt for this place and form, or a new one."""
    areas = parse_areas(areas)
    cohort = clean_cohort(cohort)
    version = current_version()
    form_item_ids(load_bank(version, language), form, areas)  # raises on an unknown form
    open_attempts = Attempt.objects.filter(user=user, status=Attempt.OPEN, form=form, areas=",".join(areas))
    open_attempts = open_attempts.filter(usage_key=usage_key or UsageKeyField.Empty)
    existing = _scope(open_attempts, course_key).order_by("-started").first()
    if existing:
        return existing, True
    attempt = Attempt.objects.create(
        user=user, course_key=course_key, usage_key=usage_key, cohort=cohort, version=version,
        language=lang_of(language), form=form, areas=",".join(areas))
    return attempt, False


def bank_of(attempt, language=None):
    return load_bank(attempt.version, language or attempt.language)


def form_of(attempt):
    return form_item_ids(bank_of(attempt), attempt.form, attempt.area_list)


def answers_of(attempt):
    return dict(attempt.answers.values_list("item_id", "value"))


def record_answer(attempt, item_id, value, version=None):
    """Validate and save one answer; raise AnswerError (nothing saved) when it cannot be accepted."""
    if version is not None and str(version) != attempt.version:
        raise StaleVersion(
            _("This questionnaire is version %(version)s, but the answer was for version %(sent)s. "
              "Reload the page to continue where you left off.") % {"version": attempt.version,
                                                                    "sent": str(version)[:20]})
    if attempt.status != Attempt.OPEN:
        raise AttemptClosed(_("This questionnaire was already submitted. Start a new attempt to answer again."))
    bank = bank_of(attempt)
    form_ids = form_of(attempt)
    value = validate_answer(bank, form_ids, item_id, value)
    answers = answers_of(attempt)
    if item_id in skipped_ids(bank, form_ids, answers):
        raise AnswerError(_("Question %(id)s is not asked after your previous answers in this competence.")
                          % {"id": repr(item_id)})
    try:
        with transaction.atomic():
            Answer.objects.update_or_create(attempt=attempt, item_id=item_id, defaults={"value": value})
    except IntegrityError:  # the same answer arrived twice at once: the other one was saved
        Answer.objects.filter(attempt=attempt, item_id=item_id).update(value=value)
    return value


def submit(attempt):
    """Score and complete the attempt, update the statistics, then send ``assessment_completed``."""
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if attempt.status != Attempt.OPEN:
            raise AttemptClosed(_("This questionnaire was already submitted."))
        bank = bank_of(attempt)
        form_ids = form_of(attempt)
        answers = answers_of(attempt)
        if next_item_id(bank, form_ids, answers) is not None:
            missing = sum(1 for i in form_ids if i not in answers) - len(skipped_ids(bank, form_ids, answers))
            raise AnswerError(ngettext(
                "%(count)d question still needs an answer before you can see your results. "
                "\"I don't know\" is a fine answer.",
                "%(count)d questions still need an answer before you can see your results. "
                "\"I don't know\" is a fine answer.", missing) % {"count": missing})
        attempt.result = score_attempt(bank, form_ids, answers)
        attempt.status = Attempt.COMPLETED
        attempt.completed = timezone.now()
        previous = _scope(Attempt.objects.filter(user=attempt.user, status=Attempt.COMPLETED), attempt.course_key)
        attempt.attempt_number = previous.count() + 1
        attempt.save()
        first = None
        if attempt.attempt_number > 1:
            first = previous.order_by("completed", "id").first()
        stats.record_completion(attempt, first.result if first else None)
        transaction.on_commit(lambda: _announce(attempt))
    return attempt


def _announce(attempt):
    result = attempt.result
    assessment_completed.send(
        sender=Attempt, user_id=attempt.user_id, attempt_id=attempt.pk,
        course_key=str(attempt.course_key) if attempt.course_key else None,
        levels={cid: {k: v[k] for k in ("score", "level8", "level4")} for cid, v in result["competences"].items()},
        areas=result["areas"], overall=result["overall"], attempt_number=attempt.attempt_number,
        completed_at=attempt.completed)


def first_completed(attempt):
    """The person's first completed attempt in the same place (course or standalone), or None."""
    queryset = _scope(Attempt.objects.filter(user=attempt.user, status=Attempt.COMPLETED), attempt.course_key)
    first = queryset.order_by("completed", "id").first()
    return None if first is None or first.pk == attempt.pk else first


def retire_user(user):
    """Remove every attempt (and answer) of the person; the anonymous counters stay."""
    deleted, _ = Attempt.objects.filter(user=user).delete()
    log.info("fd_assessment: retired user %s, %d rows removed", user.pk, deleted)
    return deleted

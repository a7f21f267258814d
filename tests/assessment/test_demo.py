"""The demo self-assessments, built in bulk, are what taking the questionnaire one answer at a time gives."""
import io

import pytest
from django.core.management import call_command
from django.db import transaction

from fd_assessment import stats
from fd_assessment.models import Attempt, StatsCell
from fd_assessment.questionnaire import form_item_ids, load_bank, next_item_id
from fd_assessment.scoring import score_attempt

pytestmark = pytest.mark.django_db(transaction=True)


def _cells():
    return sorted((c.course, c.period, c.cohort, c.kind, c.attempts, repr(sorted(c.levels.items())),
                   repr(sorted(c.score_sums.items())), repr(sorted(c.growth.items())))
                  for c in StatsCell.objects.all())


def test_demo_attempts_are_complete_scored_counted_and_announced():
    from fd_progress.metrics import EventKind
    from fd_progress.models import ActivityEvent

    call_command("fd_assessment_demo", people=15, stdout=io.StringIO())
    attempts = list(Attempt.objects.order_by("id").prefetch_related("answers"))
    assert len(attempts) > 15 and all(a.status == Attempt.COMPLETED for a in attempts)
    for attempt in attempts:
        bank = load_bank(attempt.version, "it")
        form_ids = form_item_ids(bank, attempt.form)
        answers = {a.item_id: a.value for a in attempt.answers.all()}
        assert next_item_id(bank, form_ids, answers) is None  # every question asked was answered
        assert attempt.result == score_attempt(bank, form_ids, answers)
    numbers = {}
    for attempt in attempts:
        key = (attempt.user_id, attempt.course_key)
        numbers[key] = numbers.get(key, 0) + 1
        assert attempt.attempt_number == numbers[key]
    bulk = _cells()
    StatsCell.objects.all().delete()
    firsts = {}
    for attempt in attempts:  # what each submit would have added, one attempt at a time
        first = firsts.setdefault((attempt.user_id, attempt.course_key), attempt)
        with transaction.atomic():
            stats.record_completion(attempt, first.result if first is not attempt else None)
    assert _cells() == bulk
    logged = ActivityEvent.objects.filter(kind=EventKind.ASSESSMENT).count()
    assert logged == len(attempts)  # each attempt announced: fd_progress heard of it

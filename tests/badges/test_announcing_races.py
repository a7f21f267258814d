"""Announcing a batch of awards while other workers race on the same rows (MariaDB answers with a
deadlock): the batch finishes what it claimed, or gives it back at once; no award waits for the
lease and the sweep, each e-mail goes out once and each award is counted once.

The database's answer is made with Django's ``execute_wrapper``: the chosen statement fails with
the error MariaDB gives the loser of a deadlock (its transaction rolled back), as it does when four
workers announce the same learners' awards.
"""
from contextlib import contextmanager

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import OperationalError, connection

from fd_badges import awarding, completion
from fd_badges.models import Award, AwardEffect

LEARNERS = 3


def _deadlock():
    return OperationalError(1213, "Deadlock found when trying to get lock; try restarting transaction")


@contextmanager
def deadlocks(matches, times):
    """The first ``times`` statements for which ``matches(sql)`` is true fail as a deadlock's loser."""
    left = [times]

    def wrapper(execute, sql, params, many, context):
        if left[0] and matches(sql):
            left[0] -= 1
            raise _deadlock()
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield left


@pytest.fixture
def awards(transactional_db, badge_class):
    learners = [get_user_model().objects.create_user(f"citizen-{n}", f"citizen-{n}@example.org")
                for n in range(LEARNERS)]
    return [awarding.award(learner, badge_class)[0] for learner in learners]


def _counting(sql):
    from fd_progress.models import ActivityEvent

    return sql.startswith("INSERT") and ActivityEvent._meta.db_table in sql


def _marking_done(sql):
    return sql.startswith("UPDATE") and AwardEffect._meta.db_table in sql and "SET `done_at`" in sql


def _loaded(awards):
    return Award.objects.filter(pk__in=[award.pk for award in awards]).select_related(
        "badge_class__issuer", "user").order_by("pk")


def _assert_announced_and_counted_once(awards):
    from fd_progress.metrics import EventKind
    from fd_progress.models import ActivityEvent

    assert not Award.objects.filter(notified_at__isnull=True).exists()
    assert not AwardEffect.objects.filter(done_at__isnull=True).exists()
    assert AwardEffect.objects.count() == LEARNERS * len(AwardEffect.EFFECTS)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(award.user.email for award in awards)
    for award in awards:
        assert ActivityEvent.objects.filter(kind=EventKind.BADGE, user_id=award.user_id).count() == 1


def test_a_deadlock_while_counting_the_batch_is_tried_again_and_every_award_is_announced(awards):
    # The batch's counting loses a deadlock, and so does the retry of its first award: before, that
    # award was given up to the sweep (five minutes later) although nothing was wrong with it.
    with deadlocks(_counting, times=2) as left:
        completion.complete_many(_loaded(awards))
    assert left == [0]
    _assert_announced_and_counted_once(awards)


def test_an_e_mail_sent_while_its_mark_meets_a_deadlock_is_not_sent_again(awards):
    with deadlocks(_marking_done, times=1) as left:
        completion.complete_many(_loaded(awards))
    assert left == [0]
    completion.announce_many(_loaded(awards), stale_after=0)  # a later run, with no lease left, finds nothing to do
    _assert_announced_and_counted_once(awards)


def test_a_run_that_keeps_losing_gives_back_its_claims_at_once(awards):
    with deadlocks(_counting, times=1000), pytest.raises(OperationalError):
        completion.complete_many(_loaded(awards))
    # What it did not finish is free at once: not claimed, waiting for no lease.
    assert AwardEffect.objects.filter(done_at__isnull=True).exists()
    assert not AwardEffect.objects.filter(done_at__isnull=True, claimed_at__isnull=False).exists()
    assert AwardEffect.objects.filter(effect=AwardEffect.EMAIL, done_at__isnull=True).count() == 0
    # The next run (the task's retry, with the ordinary lease) takes it over and finishes it.
    completion.announce_many(_loaded(awards))
    _assert_announced_and_counted_once(awards)


def test_a_batch_that_stops_gives_its_learners_back_to_the_next_batch(transactional_db, badge_class):
    from fd_badges.models import LearnerFact, PendingEvaluation

    from .conftest import COURSE

    learners = [get_user_model().objects.create_user(f"citizen-{n}", f"citizen-{n}@example.org")
                for n in range(LEARNERS)]
    for learner in learners:
        LearnerFact.objects.create(user=learner, kind=LearnerFact.COURSE_PASSED, key=str(COURSE), value=1)
        PendingEvaluation.objects.create(user=learner, reason="passed the course")
    with deadlocks(_counting, times=1000), pytest.raises(OperationalError):
        awarding.evaluate_users([learners[0].pk])  # the first learner's task, with the other two in its batch
    assert Award.objects.count() == LEARNERS
    assert not AwardEffect.objects.filter(done_at__isnull=True, claimed_at__isnull=False).exists()
    # All three are pending again: the task's retry goes on with them at once, not the sweep.
    assert set(PendingEvaluation.objects.values_list("user_id", flat=True)) == {learner.pk for learner in learners}
    assert awarding.evaluate_pending() == LEARNERS
    _assert_announced_and_counted_once(list(Award.objects.select_related("user")))

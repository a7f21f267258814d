"""Every side effect of an award happens, and is counted exactly once, even if the worker is SIGKILLed.

A worker started with ``FD_TEST_KILL_AT`` kills its whole process group at one step of announcing
an award (see ``tests/helpers/worker_tasks.py``): before the e-mail goes out, after it went out,
after ``BADGE_AWARDED`` was sent, after ``badge_awarded`` was received and counted by fd_progress.
The sweep, run by a healthy worker, must then finish every award: each learner gets the e-mail, each
award is announced and fd_progress counts each award once.
"""
import collections
import os

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from fd_badges import tasks
from fd_badges.models import Award, AwardEffect, LearnerFact, PendingEvaluation
from tests.helpers.celery_worker import CeleryWorker, unique_queue_name

from .conftest import COURSE

pytestmark = [pytest.mark.integration]
STEPS = ["email-before", "email-after", "event-after", "signal-after"]


class FaultyWorker(CeleryWorker):
    """A worker of its own, on a queue of its own, with the fault-injection environment."""

    def __init__(self, session_worker, **environment):
        super().__init__(app=session_worker.app, app_path=session_worker.app_path, queue=unique_queue_name(),
                         db_name=session_worker.db_name, settings_module=session_worker.settings_module,
                         concurrency=1)
        self.extra_environment = environment

    def environment(self):
        return dict(super().environment(), **self.extra_environment)


def _records(directory):
    found = collections.Counter()
    for name in os.listdir(directory):
        kind, subject, _unique = name.split("~")
        found[kind, subject] += 1
    return found


def test_an_award_survives_a_sigkill_at_every_step_and_is_counted_once(transactional_db, celery_worker, wait_for,
                                                                      badge_class, tmp_path):
    from fd_progress.counting import process_pending
    from fd_progress.metrics import EventKind
    from fd_progress.models import ActivityEvent

    learners, doomed = {}, {}
    for step in STEPS:
        learner = get_user_model().objects.create_user(f"citizen-{step}", f"{step}@example.org")
        learners[step] = learner
        with transaction.atomic():
            LearnerFact.objects.create(user=learner, kind=LearnerFact.COURSE_PASSED, key=str(COURSE), value=1)
            PendingEvaluation.objects.create(user=learner, reason="passed the course")
    try:
        for step in STEPS:  # one worker per step, all at once
            doomed[step] = FaultyWorker(celery_worker, FD_TEST_FAULT_DIR=str(tmp_path), FD_TEST_KILL_AT=step)
            doomed[step].start()
        for step, worker in doomed.items():
            tasks.evaluate_learner.apply_async((learners[step].pk,), queue=worker.queue)
        for worker in doomed.values():
            worker.process.wait(120)  # it kills itself at its step
    finally:
        for worker in doomed.values():
            worker.stop()
    for step, learner in learners.items():
        award = Award.objects.get(user=learner, badge_class=badge_class)
        assert award.credential, f"{step}: the kill came before signing"
        assert award.notified_at is None, f"{step}: announced although a side effect was cut off"
        assert AwardEffect.objects.filter(award=award, done_at__isnull=True).exists()

    records = _records(tmp_path)
    assert records[("email", "email-before@example.org")] == 0  # killed before the mail went out
    assert records[("email", "email-after@example.org")] == 1
    healthy = FaultyWorker(celery_worker, FD_TEST_FAULT_DIR=str(tmp_path)).start()
    try:
        tasks.sweep.apply_async((0,), queue=healthy.queue)
        wait_for(lambda: not Award.objects.filter(notified_at__isnull=True).exists(), timeout=120,
                 message="every award announced after the sweep")
    finally:
        healthy.stop()

    awards = {step: Award.objects.get(user=learner) for step, learner in learners.items()}
    assert not AwardEffect.objects.filter(done_at__isnull=True).exists()
    assert AwardEffect.objects.count() == len(STEPS) * len(AwardEffect.EFFECTS)
    records = _records(tmp_path)
    for step, award in awards.items():
        uuid = str(award.uuid)
        # Each effect happened; it happened twice only where the kill came after it (at least once).
        assert records[("email", f"{step}@example.org")] == (2 if step == "email-after" else 1), step
        assert records[("event", uuid)] == (2 if step == "event-after" else 1), step
        assert records[("signal", uuid)] == (2 if step == "signal-after" else 1), step
        # ...and the award is counted exactly once, whatever was delivered twice.
        assert ActivityEvent.objects.filter(kind=EventKind.BADGE, user_id=award.user_id).count() == 1, step
    while process_pending(50):
        pass
    from fd_progress.models import DailyCount

    counted = sum(row.value for row in DailyCount.objects.filter(metric="badges_awarded", scope_type="programme"))
    assert counted == len(STEPS)

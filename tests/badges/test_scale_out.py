"""Scale-out: four worker processes on the awards and counting queues, racing on the same learners.

Every learner's passing grade arrives twice and their evaluation is asked for again by hand, so
several workers evaluate, sign and announce the same learners at the same moment; the counting
of their badges runs on a queue of its own (``FD_TASK_QUEUES``, see ``fd_core/queues.py``).
Each learner must end with one award per badge class, each award announced and counted once, and
each e-mail sent once, by the racing workers alone: a worker that loses a deadlock to another
finishes what it claimed or gives it back at once, so nothing is left for the sweep (which is for
workers that died, ``test_faults.py``).
"""
import collections
import json
import os
import socket
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Sum
from openedx_events.learning.data import CourseData, CoursePassingStatusData, UserData, UserPersonalData
from openedx_events.learning.signals import COURSE_PASSING_STATUS_UPDATED

from fd_badges import tasks
from fd_badges.models import Award, AwardEffect, BadgeClass, BadgeRule, PendingEvaluation
from fd_badges.settings.common import TASK_KINDS as BADGE_TASKS
from fd_core.queues import task_routes
from fd_progress.settings.common import TASK_KINDS as PROGRESS_TASKS
from tests.helpers.celery_worker import CeleryWorker, unique_queue_name

from .conftest import COURSE

pytestmark = [pytest.mark.integration]
LEARNERS = 60
WORKERS = 4


class QueueWorker(CeleryWorker):
    """One worker process (concurrency 1) reading several queues, with the queues' routes."""

    def __init__(self, session_worker, queues, records):
        super().__init__(app=session_worker.app, app_path=session_worker.app_path, queue=queues["awards"],
                         db_name=session_worker.db_name, settings_module=session_worker.settings_module,
                         concurrency=1)
        self.queues = queues
        self.records = records
        self.hostname = f"fd-scale-{uuid.uuid4().hex[:8]}@{socket.gethostname()}"

    def command(self):
        command = super().command()
        command[command.index("--queues") + 1] = ",".join(self.queues.values())
        return command

    def environment(self):
        # FD_TEST_FAULT_DIR: every e-mail the worker sends is recorded there (tests/helpers/worker_tasks.py).
        return dict(super().environment(), FD_TASK_QUEUES=json.dumps(self.queues), FD_TEST_FAULT_DIR=str(self.records))

    def _delete_queue(self):  # the queues are shared by the four workers: the test deletes them
        pass


@pytest.fixture
def routed(celery_worker):
    """This process sends the suite's tasks to queues of their own, as a site with FD_TASK_QUEUES does."""
    app = celery_worker.app
    queues = {"awards": unique_queue_name(), "counting": unique_queue_name(), "exports": unique_queue_name()}
    saved = app.conf.task_routes
    app.conf.task_routes = task_routes(queues, {**BADGE_TASKS, **PROGRESS_TASKS})
    app.__dict__.pop("amqp", None)
    yield queues
    app.conf.task_routes = saved
    app.__dict__.pop("amqp", None)
    with celery_worker.connection() as conn:
        for queue in queues.values():
            conn.default_channel.queue_delete(queue)


def _pass(user):
    data = CoursePassingStatusData(
        is_passing=True, course=CourseData(course_key=COURSE),
        user=UserData(id=user.pk, is_active=True, pii=UserPersonalData(username=user.username, email=user.email,
                                                                       name="")))
    with transaction.atomic():
        COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=data)


def test_four_workers_racing_on_the_same_learners_award_and_count_each_badge_once(
        transactional_db, celery_worker, wait_for, badge_class, routed, tmp_path):
    from fd_progress.metrics import EventKind
    from fd_progress.models import ActivityEvent, CountedPerson, DailyCount

    second = BadgeClass.objects.create(
        slug="open-data-102", issuer=badge_class.issuer, name_it="Dati aperti: avanti", name_en="Open data: next",
        description_it="d", description_en="d", criteria_it="c", criteria_en="c", course_key=COURSE)
    BadgeRule.objects.create(badge_class=second, kind=BadgeRule.COURSE_PASSED, course_key=COURSE)
    learners = get_user_model().objects.bulk_create([
        get_user_model()(username=f"torino-{n}", email=f"torino-{n}@example.org") for n in range(LEARNERS)])
    learners = list(get_user_model().objects.filter(username__startswith="torino-").order_by("pk"))
    workers = [QueueWorker(celery_worker, routed, tmp_path) for _ in range(WORKERS)]
    try:
        for worker in workers:
            worker.start()
        for learner in learners:  # the same grade twice, and the evaluation asked for again
            _pass(learner)
            _pass(learner)
            tasks.evaluate_learner.delay(learner.pk)
        everyone = [learner.pk for learner in learners]
        # No sweep: the racing workers alone sign, announce and count every award.
        wait_for(lambda: Award.objects.filter(user_id__in=everyone, notified_at__isnull=False).count() == 2 * LEARNERS
                 and not PendingEvaluation.objects.exists()
                 and not ActivityEvent.objects.filter(processed=False).exists(),
                 timeout=180, message="every award made, announced and counted by the workers")
    finally:
        for worker in workers:
            worker.stop()
    logs = [worker.log_path.read_text(encoding="utf-8", errors="replace") for worker in workers]

    for learner in learners:
        assert sorted(Award.objects.filter(user=learner).values_list("badge_class__slug", flat=True)) == [
            "open-data-101", "open-data-102"]
    assert AwardEffect.objects.count() == 2 * LEARNERS * len(AwardEffect.EFFECTS)
    assert not AwardEffect.objects.filter(done_at__isnull=True).exists()  # none left claimed, none left free
    assert not Award.objects.filter(credential__isnull=True).exists()
    sent = collections.Counter(name.split("~")[1] for name in os.listdir(tmp_path) if name.startswith("email~"))
    assert sent == {learner.email: 2 for learner in learners}  # one e-mail per award, none twice
    # Counted once each, whatever the races: the badge events, the daily figure, the people reached.
    assert ActivityEvent.objects.filter(kind=EventKind.BADGE).count() == 2 * LEARNERS
    daily = DailyCount.objects.filter(metric="badges_awarded", scope_type="programme").aggregate(total=Sum("value"))
    assert daily["total"] == 2 * LEARNERS
    assert CountedPerson.objects.filter(metric="people_reached", scope_type="programme").count() == LEARNERS
    # The work was shared: several workers awarded, and the counting ran from its own queue.
    awarding = [log for log in logs if "fd_badges.tasks.evaluate_learner" in log and "succeeded" in log]
    assert len(awarding) >= 2
    assert any("fd_progress.tasks.process_events" in log for log in logs)

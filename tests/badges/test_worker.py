"""Issuing through the real Celery worker on Redis, on MariaDB: duplicates, crashes, broker outages."""
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import close_old_connections, transaction
from openedx_events.learning.data import CourseData, CoursePassingStatusData, UserData, UserPersonalData
from openedx_events.learning.signals import COURSE_PASSING_STATUS_UPDATED

from fd_badges import tasks, verification
from fd_badges.models import Award, BadgeClass, BadgeRule, LearnerFact, PendingEvaluation

from .conftest import COURSE

pytestmark = [pytest.mark.integration]
REPO = Path(__file__).resolve().parents[2]


def _passing_event(user):
    return CoursePassingStatusData(
        is_passing=True,
        user=UserData(id=user.id, is_active=True,
                      pii=UserPersonalData(username=user.username, email=user.email, name="")),
        course=CourseData(course_key=COURSE),
    )


def _send_passing(user):
    with transaction.atomic():
        COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=_passing_event(user))


def _signed_and_announced(badge_class, user):
    def check():
        awards = list(Award.objects.filter(badge_class=badge_class, user=user))
        return awards if awards and all(a.credential and a.notified_at for a in awards) else None
    return check


def test_passing_the_course_gives_a_signed_badge_with_no_one_acting(transactional_db, celery_worker, wait_for,
                                                                      badge_class, learner):
    _send_passing(learner)
    awards = wait_for(_signed_and_announced(badge_class, learner), timeout=60)
    assert len(awards) == 1
    assert verification.verify(awards[0].credential)["verified"]
    # The evaluation that was owed is settled once the award is out.
    assert wait_for(lambda: not PendingEvaluation.objects.filter(user=learner).exists(), timeout=60)


def test_same_event_twice_at_once_gives_one_award(transactional_db, celery_worker, wait_for, badge_class, learner):
    barrier = threading.Barrier(2)

    def deliver():
        barrier.wait()
        try:
            _send_passing(learner)
            tasks.award_badge.delay(learner.pk, badge_class.slug)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wait_for(_signed_and_announced(badge_class, learner), timeout=60)
    wait_for(lambda: not PendingEvaluation.objects.filter(user=learner).exists(), timeout=60)
    assert Award.objects.filter(user=learner).count() == 1


def test_events_during_a_broker_outage_are_awarded_by_the_sweep(transactional_db, celery_worker, wait_for,
                                                                badge_class, learner):
    from django.db import connection

    env = dict(os.environ, DJANGO_SETTINGS_MODULE="sandbox.settings.test", FD_DB_NAME=connection.settings_dict["NAME"],
               FD_REDIS_URL="redis://127.0.0.1:1/0")  # nothing listens there: the broker is down
    env.pop("FD_DB_USE_TEST_NAME", None)
    completed = subprocess.run([sys.executable, "-m", "tests.badges.outage_sender", str(learner.pk), str(COURSE)],
                               env=env, cwd=REPO, capture_output=True, text=True, timeout=120, check=False)
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "the sweep will do it" in completed.stderr
    assert PendingEvaluation.objects.filter(user=learner).exists()
    assert not Award.objects.filter(user=learner).exists()
    tasks.sweep.delay(0)
    wait_for(_signed_and_announced(badge_class, learner), timeout=60)


def test_worker_killed_mid_task_still_ends_with_exactly_one_award_each(transactional_db, celery_worker, wait_for,
                                                                       issuer, learner):
    from tests.helpers.celery_worker import CeleryWorker, unique_queue_name

    classes = []
    for number in range(150):
        badge = BadgeClass.objects.create(
            slug=f"pill-{number}", issuer=issuer, name_it=f"Pillola {number}", name_en=f"Pill {number}",
            description_it="d", description_en="d", criteria_it="c", criteria_en="c")
        BadgeRule.objects.create(badge_class=badge, kind=BadgeRule.COURSE_PASSED, course_key=COURSE)
        classes.append(badge)
    queue = unique_queue_name()
    doomed = CeleryWorker(app=celery_worker.app, app_path=celery_worker.app_path, queue=queue,
                          db_name=celery_worker.db_name, settings_module=celery_worker.settings_module,
                          concurrency=1).start()
    try:
        with transaction.atomic():
            LearnerFact.objects.create(user=learner, kind=LearnerFact.COURSE_PASSED, key=str(COURSE), value=1)
            PendingEvaluation.objects.create(user=learner, reason="passed the course")
        tasks.evaluate_learner.apply_async((learner.id,), queue=queue)
        wait_for(lambda: Award.objects.filter(user=learner).count() >= 5, timeout=60)
        os.killpg(doomed.process.pid, signal.SIGKILL)
        doomed.process.wait(10)
    finally:
        doomed.stop()
    # The awards of one evaluation are saved together; the kill cuts their signing or announcing.
    unannounced = Award.objects.filter(user=learner, notified_at__isnull=True).count()
    assert unannounced > 0, "the task finished before the kill: nothing was tested"
    tasks.sweep.delay(0)
    wait_for(lambda: Award.objects.filter(user=learner, notified_at__isnull=False).count() == len(classes),
             timeout=120)
    assert Award.objects.filter(user=learner).count() == len(classes)
    assert not Award.objects.filter(user=learner, credential__isnull=True).exists()


def test_bulk_award_from_the_admin_page_shows_progress(transactional_db, celery_worker, wait_for, client,
                                                       badge_class, learner, staff):
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    others = [get_user_model().objects.create_user(f"citizen{n}", f"citizen{n}@example.org") for n in range(8)]
    rows = "\n".join(["email,narrative", "learner@example.org,Laboratorio in biblioteca"]
                     + [user.email + "," for user in others] + ["nobody@example.org,"])
    client.force_login(staff)
    page = client.post(reverse("fd_badges:bulk_award", kwargs={"slug": badge_class.slug}),
                       {"csv_file": SimpleUploadedFile("people.csv", rows.encode()), "narrative": "Open day"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "<progress" in html and "nobody@example.org" in html
    progress_url = reverse("fd_badges:bulk_progress", kwargs={"job": page.context["job"]})

    def finished():
        data = client.get(progress_url).json()
        return data if data["finished"] else None

    data = wait_for(finished, timeout=60)
    assert (data["done"], data["total"], data["skipped"]) == (9, 9, 1)
    narratives = dict(Award.objects.values_list("user__username", "narrative"))
    assert narratives["learner"] == "Laboratorio in biblioteca" and narratives["citizen3"] == "Open day"
    assert set(Award.objects.values_list("source", flat=True)) == {Award.BULK}


def test_bulk_award_during_a_broker_outage_is_finished_by_the_sweep(transactional_db, celery_worker, wait_for, client,
                                                                    badge_class, staff, broker_down):
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    people = [get_user_model().objects.create_user(f"citizen{n}", f"citizen{n}@example.org") for n in range(6)]
    client.force_login(staff)
    page = client.post(reverse("fd_badges:bulk_award", kwargs={"slug": badge_class.slug}),
                       {"csv_file": SimpleUploadedFile("people.csv", "\n".join(u.email for u in people).encode())},
                       HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert "will be signed and announced automatically" in page.content.decode()
    assert Award.objects.filter(badge_class=badge_class, user__in=people).count() == len(people)
    broker_down()  # the broker is back: the periodic sweep runs on the worker
    tasks.sweep.delay(0)
    progress_url = reverse("fd_badges:bulk_progress", kwargs={"job": page.context["job"]})
    assert wait_for(lambda: client.get(progress_url).json()["done"] == len(people) or None, timeout=60)
    for award in Award.objects.filter(badge_class=badge_class):
        assert verification.verify(award.credential)["verified"]

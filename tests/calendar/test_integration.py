"""On MariaDB with the real Celery worker: reminders and waiting-list promotions reach each person once,
and check-ins reach the programme's counts."""
import collections
import os
import threading
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.helpers.celery_worker import CeleryWorker, unique_queue_name

from .conftest import make_session

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("transactional_db")]


class RecordingWorker(CeleryWorker):
    """A worker of its own whose e-mails are written as files (tests/helpers/worker_tasks.py)."""

    def __init__(self, session_worker, directory):
        super().__init__(app=session_worker.app, app_path=session_worker.app_path, queue=unique_queue_name(),
                         db_name=session_worker.db_name, settings_module=session_worker.settings_module,
                         concurrency=2)
        self.directory = directory

    def environment(self):
        return dict(super().environment(), FD_TEST_FAULT_DIR=str(self.directory))


@pytest.fixture
def recording_worker(celery_worker, tmp_path):
    """Tasks this test queues (on_commit included) go to a recording worker; its e-mails are counted."""
    worker = RecordingWorker(celery_worker, tmp_path)
    worker.start()
    app, old = celery_worker.app, celery_worker.app.conf.task_default_queue
    app.conf.task_default_queue = worker.queue
    app.__dict__.pop("amqp", None)
    try:
        yield worker
    finally:
        app.conf.task_default_queue = old
        app.__dict__.pop("amqp", None)
        worker.drain()
        worker.stop()


def mails(directory):
    return collections.Counter(name.split("~")[1] for name in os.listdir(directory) if name.startswith("email~"))


def test_reminders_and_a_promotion_reach_each_person_once(recording_worker, wait_for, django_user_model):
    from fd_calendar import tasks
    from fd_calendar.booking import cancel, register_guest, register_user
    from fd_calendar.models import Registration

    start = timezone.now() + timedelta(hours=20)
    session = make_session(capacity=3, starts_at=start, ends_at=start + timedelta(hours=2))
    users = [django_user_model.objects.create_user(f"iscritto{n}", email=f"iscritto{n}@example.org")
             for n in range(4)]
    register_user(session, users[0])
    leaving = register_user(session, users[1])
    register_guest(session, "Anna", email="anna@example.org", consent=True)
    register_guest(session, "Piero", phone="333 1234567", consent=True, wait_if_full=True)  # phone only
    register_user(session, users[2], wait_if_full=True)

    # Several beat runs at once, while a seat frees: Piero (first waiting) gets it, but has no e-mail.
    runs = [threading.Thread(target=tasks.send_reminders.delay) for _ in range(3)]
    for run in runs:
        run.start()
    cancel(leaving)
    cancel(Registration.objects.get(guest_name="Piero"))  # frees his seat again: users[2] is promoted
    for run in runs:
        run.join()
    tasks.send_reminders.delay()
    tasks.send_promotion_notice.delay(Registration.objects.get(user=users[2]).pk)  # a duplicate notice
    wait_for(lambda: Registration.objects.get(user=users[2]).promotion_mailed_at is not None, timeout=90,
             message="the promotion notice")
    tasks.send_reminders.delay()
    wait_for(lambda: not Registration.objects.filter(status="confirmed", reminded_at=None).exclude(
        user=None, guest_email="").exists(), timeout=90, message="every reminder")
    tasks.send_reminders.delay()
    recording_worker.drain()

    assert Registration.objects.filter(session=session, status="confirmed").count() == 3
    assert Registration.objects.get(user=users[2]).status == "confirmed"
    sent = mails(recording_worker.directory)
    # users[0] and Anna: a reminder; users[2]: the promotion and a reminder; nobody twice the same mail.
    assert sent == {"iscritto0@example.org": 1, "anna@example.org": 1, "iscritto2@example.org": 2}
    assert "iscritto1@example.org" not in sent  # cancelled before the reminder


def test_check_ins_and_the_head_count_reach_the_targets(celery_worker, wait_for, django_user_model):
    from django.contrib.auth.models import Permission

    from fd_calendar.booking import register_user
    from fd_calendar.codes import make_code
    from fd_progress.api import progress_of
    from fd_progress.models import FacilitationPoint, Target

    point = FacilitationPoint.objects.create(name="Biblioteca Villa Bandini", district="Quartiere 3")
    session = make_session(days=0, starts_at=timezone.now() + timedelta(minutes=5),
                           ends_at=timezone.now() + timedelta(hours=2), facilitation_point=point, district="")
    today = timezone.localdate()
    targets = [Target.objects.create(title_it=m, title_en=m, metric=m, scope_type=scope, scope_value=value,
                                     period_start=today - timedelta(days=30), deadline=today + timedelta(days=60),
                                     goal=100)
               for m, scope, value in [("sessions_held", "programme", ""), ("attendances", "programme", ""),
                                       ("attendances", "district", "Quartiere 3")]]
    people = [django_user_model.objects.create_user(f"presente{n}", password="pw") for n in range(3)]
    for person in people:
        register_user(session, person)
    for person in people:
        phone = Client()
        phone.force_login(person)
        url = f"/fd/calendar/session/{session.uuid}/check-in?code={make_code(session)}"
        assert phone.get(url).status_code == 200
        assert phone.get(url).status_code == 409  # scanned twice: counted once
    facilitator = django_user_model.objects.create_user("facilitatore")
    facilitator.user_permissions.add(Permission.objects.get(codename="run_session"))
    lead = Client()
    lead.force_login(facilitator)
    assert lead.post(f"/fd/calendar/session/{session.uuid}/head-count", {"people": "4"}).status_code == 302

    def values():
        return [float(item.value) for item in progress_of(targets)]

    wait_for(lambda: values() == [1.0, 7.0, 7.0], timeout=90, message="the worker to count the check-ins")

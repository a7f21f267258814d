"""Tasks that only the fixture tests send to the real Celery worker.

The ``celery_worker`` fixture starts the worker with ``--include tests.helpers.worker_tasks``,
so these are registered there without being part of any shipped app.
"""
from celery import shared_task


@shared_task(name="fd_tests.set_first_name")
def set_first_name(user_id, first_name):
    """Read a user committed by the test process and change it: proves both share one database."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(pk=user_id)
    user.first_name = first_name
    user.save(update_fields=["first_name"])
    return user.username


@shared_task(name="fd_tests.create_user")
def create_user(username):
    """Create a user from the worker; the test then finds it in the database."""
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(username=username)
    return user.pk


# --- Fault injection for the exactly-once tests of fd_badges (tests/badges/test_faults.py) --------
# Active only in a worker started with FD_TEST_FAULT_DIR: every e-mail, BADGE_AWARDED event and
# badge_awarded signal the worker produces is recorded there as a file, and with FD_TEST_KILL_AT the
# whole worker (its process group) is SIGKILLed at that step, before or after the effect happened.
import os  # noqa: E402
import signal  # noqa: E402
import uuid  # noqa: E402

from django.core.mail.backends.base import BaseEmailBackend  # noqa: E402

FAULT_DIR = os.environ.get("FD_TEST_FAULT_DIR")
KILL_AT = os.environ.get("FD_TEST_KILL_AT", "")


def _record(kind, name):
    with open(os.path.join(FAULT_DIR, f"{kind}~{name}~{uuid.uuid4().hex}"), "w") as out:
        out.write(kind)
        out.flush()
        os.fsync(out.fileno())


def _kill_if(step):
    if KILL_AT == step:
        os.killpg(os.getpgid(0), signal.SIGKILL)


class RecordingEmailBackend(BaseEmailBackend):
    def send_messages(self, messages):
        for message in messages:
            _kill_if("email-before")
            for recipient in message.to:
                _record("email", recipient)
            _kill_if("email-after")
        return len(messages)


def _on_openedx_badge_awarded(sender=None, badge=None, **kwargs):
    _record("event", badge.uuid)
    _kill_if("event-after")


def _on_badge_awarded(sender=None, award_uuid=None, **kwargs):
    # Connected after fd_progress's receiver: when this runs the award has been counted.
    _record("signal", award_uuid)
    _kill_if("signal-after")


if FAULT_DIR:
    from django.conf import settings as _settings
    from openedx_events.learning.signals import BADGE_AWARDED

    from fd_badges.signals import badge_awarded

    _settings.EMAIL_BACKEND = "tests.helpers.worker_tasks.RecordingEmailBackend"
    BADGE_AWARDED.connect(_on_openedx_badge_awarded, dispatch_uid="fd_tests.faults.event")
    badge_awarded.connect(_on_badge_awarded, dispatch_uid="fd_tests.faults.signal")

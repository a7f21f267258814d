"""Celery tasks of fd_calendar: reminders, "you have a seat" notices, erasing guests' data.

Each e-mail is sent inside the transaction that marks it sent (``UPDATE ... WHERE reminded_at IS
NULL`` holds the row): a second worker, or the next beat run, finds it marked and sends nothing; if
the mail server refuses, the mark is rolled back and the next run tries again.
"""

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone

from fd_core.queueing import BrokerGate

GATE = BrokerGate("fd_calendar", "FD_CALENDAR_ENQUEUE_BACKOFF_SECONDS", 60)


def _send_once(registration_id, mark, send):
    from .models import Registration

    with transaction.atomic():
        if not Registration.objects.filter(pk=registration_id, **{f"{mark}__isnull": True}).update(
                **{mark: timezone.now()}):
            return False
        send(Registration.objects.select_related("session", "user").get(pk=registration_id))
    return True


def due_reminders(now=None):
    from .models import Registration

    now = now or timezone.now()
    return (Registration.objects.filter(
        status=Registration.Status.CONFIRMED, reminded_at__isnull=True, session__cancelled=False,
        session__starts_at__gt=now,
        session__starts_at__lte=now + timedelta(hours=settings.FD_CALENDAR_REMINDER_HOURS))
        .exclude(user__isnull=False, user__email="").exclude(user__isnull=True, guest_email=""))


@shared_task(bind=True, autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=5, acks_late=True)
def send_reminders(self):
    """Beat task (every 15 minutes): one reminder to each registered person with an e-mail address."""
    from .mail import send_promotion, send_reminder
    from .models import Registration

    sent = sum(_send_once(pk, "reminded_at", send_reminder) for pk in due_reminders().values_list("pk", flat=True))
    # Promotions whose notice could not be queued (broker down) are sent here.
    missed = Registration.objects.filter(status=Registration.Status.CONFIRMED, promoted_at__isnull=False,
                                         promotion_mailed_at__isnull=True, session__starts_at__gt=timezone.now())
    for pk in missed.exclude(user__isnull=True, guest_email="").exclude(user__isnull=False, user__email="") \
            .values_list("pk", flat=True):
        _send_once(pk, "promotion_mailed_at", send_promotion)
    return sent


@shared_task(bind=True, autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=5, acks_late=True)
def send_promotion_notice(self, registration_id):
    """Tell the person promoted from the waiting list that the seat is theirs (once)."""
    from .mail import send_promotion
    from .models import Registration

    registration = Registration.objects.filter(pk=registration_id).select_related("user").first()
    if registration is None or not registration.email:
        return False
    return _send_once(registration_id, "promotion_mailed_at", send_promotion)


def queue_promotion_notice(registration_id):
    GATE.enqueue(send_promotion_notice, registration_id)


@shared_task(bind=True, autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=5, acks_late=True)
def purge_guests(self):
    """Beat task (daily): erase guests' registrations of sessions that ended over the retention period ago."""
    from .models import Registration

    limit = timezone.now() - timedelta(days=settings.FD_CALENDAR_GUEST_RETENTION_DAYS)
    deleted, _ = Registration.objects.filter(user__isnull=True, session__ends_at__lt=limit).delete()
    return deleted

"""Personal data: guests erased after the retention period, retired users forgotten."""
from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _guest_booking(point, start, **guest):
    from fd_assistance.models import Booking

    return Booking.objects.create(point=point, start=start, end=start + timedelta(minutes=30), topic="email",
                                  details="Recuperare la password", first_name="Mario", phone="333 1234567",
                                  consent=True, **guest)


def test_guests_are_erased_after_the_retention_period_and_the_booking_stays(point, learner, settings):
    from fd_assistance.guests import erase_expired
    from fd_assistance.models import Booking

    settings.FD_ASSISTANCE_GUEST_RETENTION_DAYS = 30
    now = timezone.now()
    old = _guest_booking(point, now - timedelta(days=31))
    recent = _guest_booking(point, now - timedelta(days=29))
    member = Booking.objects.create(point=point, start=now - timedelta(days=40), end=now - timedelta(days=40),
                                    topic="spid", user=learner, details="SPID")
    assert erase_expired(now) == 1
    assert erase_expired(now) == 0  # again: nothing more
    old.refresh_from_db()
    recent.refresh_from_db()
    member.refresh_from_db()
    assert (old.first_name, old.phone, old.email, old.details) == ("", "", "", "")
    assert (old.topic, old.status, old.guest_erased_at) == ("email", "booked", now)
    assert recent.first_name == "Mario"
    assert member.details == "SPID"


def test_the_beat_entry_names_the_erasing_task(settings):
    from celery import current_app

    entry = settings.CELERY_BEAT_SCHEDULE["fd_assistance.erase_guests"]
    assert entry["task"] == "fd_assistance.tasks.erase_expired_guests"
    assert entry["task"] in current_app.tasks


def test_a_retired_user_loses_bookings_and_help_desks_but_the_hours_stay(point, learner, facilitator,
                                                                        tomorrow_nine):
    from fd_assistance import bookings
    from fd_assistance.models import Booking, HelpDesk
    from fd_core.platform import USER_RETIRE_LMS_MISC
    from fd_progress.models import AssistanceLog

    booking = bookings.book(point.pk, tomorrow_nine, "spid", user=learner)
    bookings.mark(booking.pk, "done", facilitator)
    HelpDesk.objects.create(point=point).facilitators.add(facilitator)
    USER_RETIRE_LMS_MISC.send(sender=None, user=learner)
    USER_RETIRE_LMS_MISC.send(sender=None, user=facilitator)
    assert not Booking.objects.exists()
    assert not HelpDesk.objects.get().facilitators.exists()
    assert AssistanceLog.objects.get().hours == 0.5

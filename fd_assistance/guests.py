"""Guests' data kept only as long as the setting says: first name, phone, e-mail and note erased."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import Booking


def erase_expired(now=None):
    """Erase what identifies guests whose booking ended more than the retention period ago.

    The booking stays (point, time, topic, status: the agenda's history), without the person.
    Returns the number of bookings erased; running it again erases nothing more.
    """
    now = now or timezone.now()
    limit = now - timedelta(days=settings.FD_ASSISTANCE_GUEST_RETENTION_DAYS)
    return Booking.objects.filter(user__isnull=True, guest_erased_at__isnull=True, end__lt=limit).update(
        first_name="", phone="", email="", details="", guest_erased_at=now)

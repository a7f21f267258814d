"""Booking a slot, cancelling it, and marking it done or not attended.

Each refusal is a :class:`BookingRefused` with a message for the person and the HTTP status the
page answers with; nothing is written when a booking is refused.
"""

from datetime import datetime, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fd_progress import api as progress

from . import slots
from .models import Booking


class BookingRefused(Exception):
    def __init__(self, message, status=400, field=None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.field = field


def parse_start(value):
    """The slot a form names (``2026-03-30T09:00+02:00``) as an aware datetime, or a refusal."""
    try:
        start = datetime.fromisoformat(str(value or "").strip())
        if timezone.is_naive(start) or not 2000 <= start.year <= 2100:
            raise ValueError(value)
        return start.astimezone(slots.local_zone())
    except (ValueError, OverflowError) as exc:
        raise BookingRefused(_("Choose a time from the list of free times.")) from exc


def find_slot(point_id, start, now=None):
    """The slot of ``point_id`` that begins at ``start``, or the reason there is none."""
    now = now or timezone.now()
    if start <= now:
        raise BookingRefused(_("That time has already passed. Choose a later time."))
    day = start.date()
    if day not in slots.days_ahead(timezone.localdate(now)):
        raise BookingRefused(_("You can book only in the next %(days)d days.") % {"days": len(slots.days_ahead())})
    if day in slots.closed_days(point_id, [day]):
        raise BookingRefused(_("The point is closed that day. Choose another day."))
    for slot in slots.opening_slots(point_id, [day])[day]:
        if slot.start == start:
            return slot
    raise BookingRefused(_("That time is outside the opening hours. Choose a time from the list."))


def book(point_id, start, topic, details="", user=None, guest=None, now=None):
    """Book the slot of ``point_id`` at ``start`` for ``user`` or ``guest`` (first_name, phone, email,
    consent). Returns the booking; raises :class:`BookingRefused` (409 if the slot is taken)."""
    slot = find_slot(point_id, start, now)
    people = Booking.objects.filter(start=slot.start, active_slot__isnull=False)
    if user is not None:
        people = people.filter(user=user)
    else:
        people = people.filter(user__isnull=True, phone=guest["phone"], email=guest["email"],
                               first_name__iexact=guest["first_name"])
    if people.filter(point_id=point_id).exists():
        raise BookingRefused(_("You have already booked this time. Your booking is still valid."), status=409)
    if people.exists():
        raise BookingRefused(_("You already have a booking at this time at another point."), status=409)
    booking = Booking(point_id=point_id, start=slot.start, end=slot.end, topic=topic, details=details, user=user,
                      **({} if user is not None else guest))
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as exc:
        raise BookingRefused(_("Someone has just booked this time. Choose another free time."), status=409) from exc
    return booking


def cancel(token):
    """Cancel the booking with ``token``: its slot is free again. Refuses what is no longer booked."""
    with transaction.atomic():
        booking = Booking.objects.select_for_update().filter(cancel_token=token).first()
        if booking is None:
            raise BookingRefused(_("There is no booking at this link."), status=404)
        if booking.status != Booking.Status.BOOKED:
            raise BookingRefused(_("This booking can no longer be cancelled: it is %(status)s.")
                                 % {"status": booking.get_status_display().lower()}, status=409)
        booking.status = Booking.Status.CANCELLED
        booking.save(update_fields=["status", "active_slot"])
    return booking


def booking_source(booking):
    return f"fd_assistance.booking:{booking.pk}"


def mark(booking_id, outcome, facilitator, minutes=None):
    """Mark a booking ``done`` (with the minutes spent: the slot's length if not given) or ``no_show``.

    Done hours go to the programme's count of assistance hours once: the booking is locked, a
    booking already marked is refused with 409, and fd_progress records the hours once per booking.
    """
    if outcome not in (Booking.Status.DONE, Booking.Status.NO_SHOW):
        raise BookingRefused(_("Choose done or did not come."))
    with transaction.atomic():
        booking = Booking.objects.select_for_update().filter(pk=booking_id).first()
        if booking is None:
            raise BookingRefused(_("There is no such booking."), status=404)
        if booking.status != Booking.Status.BOOKED:
            raise BookingRefused(_("This booking is already marked: %(status)s.")
                                 % {"status": booking.get_status_display().lower()}, status=409)
        if outcome == Booking.Status.DONE:
            if minutes is None:
                minutes = int((booking.end - booking.start) / timedelta(minutes=1))
            hours = (Decimal(minutes) / 60).quantize(Decimal("0.01"))
            progress.record_assistance_once(booking_source(booking), booking.point_id,
                                            timezone.localdate(booking.start), hours, people=1)
            booking.minutes_spent = minutes
        booking.status = outcome
        booking.marked_by = facilitator
        booking.save(update_fields=["status", "minutes_spent", "marked_by", "active_slot"])
    return booking

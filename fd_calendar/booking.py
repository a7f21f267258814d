"""Registering, cancelling and the waiting list; every seat change holds the session's row lock.

Two guarantees come from the database, not from this code's care: a seat number (1..capacity)
belongs to one registration (unique ``session, seat_number``), and a user registers once per
session (unique ``session, user``). The session row is locked (``SELECT ... FOR UPDATE``) while
seats are counted and handed out, so the last seat taken twice at once gives one seat and one
place on the waiting list.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import CalendarSession, Registration

Status = Registration.Status


class BookingError(Exception):
    """A registration that cannot be made; ``message`` says why in plain words, ``status`` the HTTP code."""

    def __init__(self, message, status=409, registration=None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.registration = registration


def seats_left(session):
    taken = session.registrations.filter(status=Status.CONFIRMED).count()
    return max(0, session.capacity - taken)


def _check_open(session):
    if session.cancelled:
        raise BookingError(_("This session has been cancelled."), status=410)
    if session.starts_at <= timezone.now():
        raise BookingError(_("This session has already started or is over: registration is closed."), status=410)


def _free_seat(session):
    taken = set(session.registrations.filter(status=Status.CONFIRMED).values_list("seat_number", flat=True))
    return next((number for number in range(1, session.capacity + 1) if number not in taken), None)


def _locked(session):
    return CalendarSession.objects.select_for_update().get(pk=session.pk)


def register_user(session, user, wait_if_full=False):
    """Give ``user`` a seat, or a place on the waiting list if full and ``wait_if_full``.

    Raises BookingError for a cancelled or past session, a person already registered, or a full
    session when ``wait_if_full`` is false (the message offers the waiting list).
    """
    with transaction.atomic():
        session = _locked(session)
        _check_open(session)
        existing = Registration.objects.filter(session=session, user=user).first()
        if existing and existing.status != Status.CANCELLED:
            raise BookingError(_("You are already registered for this session."), registration=existing)
        registration = existing or Registration(session=session, user=user, consent=True)
        return _place(session, registration, wait_if_full)


def register_guest(session, first_name, phone="", email="", consent=False, wait_if_full=False):
    """Register a citizen without an account (first name + phone or e-mail, with consent)."""
    if not consent:
        raise BookingError(_("Please agree to us keeping your name and contact until after the session."),
                           status=400)
    with transaction.atomic():
        session = _locked(session)
        _check_open(session)
        duplicate = Registration.objects.filter(session=session, user=None).exclude(status=Status.CANCELLED)
        duplicate = duplicate.filter(guest_email__iexact=email) if email else duplicate.filter(guest_phone=phone)
        if duplicate.filter(guest_name__iexact=first_name).exists():
            raise BookingError(_("Someone with this name and contact is already registered for this session."))
        registration = Registration(session=session, guest_name=first_name, guest_phone=phone,
                                    guest_email=email, consent=True)
        return _place(session, registration, wait_if_full)


def _place(session, registration, wait_if_full):
    seat = _free_seat(session)
    if seat is None and not wait_if_full:
        raise BookingError(_("This session is full. You can join the waiting list: you get a seat "
                             "automatically if someone cancels."), status=409)
    registration.seat_number = seat
    registration.status = Status.CONFIRMED if seat else Status.WAITING
    registration.created_at = registration.created_at or timezone.now()
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as exc:  # the unique seat or user pair: the lock makes this a bug, not a race
        raise BookingError(_("You are already registered for this session.")) from exc
    return registration


def cancel(registration):
    """Cancel a registration; a freed seat goes to the first person waiting. Returns who was promoted."""
    with transaction.atomic():
        session = _locked(registration.session)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Status.CANCELLED:
            return None
        freed = registration.status == Status.CONFIRMED
        registration.status, registration.seat_number = Status.CANCELLED, None
        registration.save(update_fields=["status", "seat_number"])
        promoted = _promote(session) if freed and not session.cancelled else None
    return promoted


def _promote(session):
    """Give the free seat to the first person on the waiting list (once: the row leaves the list)."""
    seat = _free_seat(session)
    first = session.registrations.filter(status=Status.WAITING).order_by("created_at", "id").first()
    if seat is None or first is None:
        return None
    first.status, first.seat_number, first.promoted_at = Status.CONFIRMED, seat, timezone.now()
    first.save(update_fields=["status", "seat_number", "promoted_at"])
    from .tasks import queue_promotion_notice

    transaction.on_commit(lambda: queue_promotion_notice(first.pk))
    return first

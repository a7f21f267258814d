"""Seats, the waiting list and cancellation, as the people registering notice them."""
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from fd_calendar.booking import BookingError, cancel, register_guest, register_user, seats_left
from fd_calendar.models import Registration

from .conftest import make_session

pytestmark = pytest.mark.django_db


def test_registering_takes_a_seat_and_the_last_seat_goes_once(people):
    session = make_session(capacity=2)
    first, second = register_user(session, people[0]), register_user(session, people[1])
    assert {first.seat_number, second.seat_number} == {1, 2}
    assert seats_left(session) == 0
    with pytest.raises(BookingError) as full:
        register_user(session, people[2])
    assert full.value.status == 409 and "waiting list" in full.value.message
    waiting = register_user(session, people[2], wait_if_full=True)
    assert waiting.status == "waiting" and waiting.seat_number is None


def test_registering_twice_is_refused_and_keeps_the_seat(session, people):
    register_user(session, people[0])
    with pytest.raises(BookingError) as twice:
        register_user(session, people[0])
    assert "already registered" in twice.value.message
    assert Registration.objects.filter(session=session, user=people[0]).get().status == "confirmed"


def test_past_and_cancelled_sessions_refuse_registration(people):
    past = make_session(days=-1)
    cancelled = make_session(cancelled=True)
    for session in (past, cancelled):
        with pytest.raises(BookingError) as refused:
            register_user(session, people[0])
        assert refused.value.status == 410
    assert not Registration.objects.exists()


def test_a_freed_seat_goes_to_the_first_person_waiting_once(people, django_capture_on_commit_callbacks):
    session = make_session(capacity=1)
    holder = register_user(session, people[0])
    first_waiting = register_user(session, people[1], wait_if_full=True)
    register_user(session, people[2], wait_if_full=True)
    with django_capture_on_commit_callbacks(execute=False):
        promoted = cancel(holder)
    assert promoted.pk == first_waiting.pk
    assert cancel(holder) is None  # a second click cancels nothing more and promotes nobody
    statuses = dict(Registration.objects.values_list("user__username", "status"))
    assert statuses == {"persona0": "cancelled", "persona1": "confirmed", "persona2": "waiting"}


def test_a_cancelled_user_may_register_again(session, people):
    registration = register_user(session, people[0])
    cancel(registration)
    again = register_user(session, people[0])
    assert again.pk == registration.pk and again.status == "confirmed"


def test_a_guest_needs_consent_and_is_not_registered_twice(session):
    with pytest.raises(BookingError) as no_consent:
        register_guest(session, "Lucia", phone="055 123 4567", consent=False)
    assert no_consent.value.status == 400
    guest = register_guest(session, "Lucia", phone="055 123 4567", consent=True)
    assert guest.is_guest and guest.status == "confirmed" and len(guest.cancel_token) >= 30
    with pytest.raises(BookingError):
        register_guest(session, "lucia", phone="055 123 4567", consent=True)


def test_the_reminder_goes_once_to_everyone_with_an_e_mail(people):
    from fd_calendar.tasks import send_reminders

    soon = make_session(days=0, capacity=5, starts_at=timezone.now() + timedelta(hours=20),
                        ends_at=timezone.now() + timedelta(hours=22))
    later = make_session(days=5)
    register_user(soon, people[0])
    register_user(later, people[1])
    register_guest(soon, "Anna", email="anna@example.org", consent=True)
    register_guest(soon, "Piero", phone="333 1234567", consent=True)  # phone only: no reminder
    assert send_reminders() == 2
    assert send_reminders() == 0
    assert sorted(message.to[0] for message in mail.outbox) == ["anna@example.org", "persona0@example.org"]
    assert "Reminder" in mail.outbox[0].subject or "Promemoria" in mail.outbox[0].subject
    assert "/fd/calendar/cancel/" in mail.outbox[0].body


def test_guests_are_erased_after_the_retention_period(settings, people):
    from fd_calendar.tasks import purge_guests

    settings.FD_CALENDAR_GUEST_RETENTION_DAYS = 30
    old = make_session(days=1)
    register_guest(old, "Anna", email="anna@example.org", consent=True)
    register_user(old, people[0])
    recent = make_session(days=1)
    register_guest(recent, "Bruno", phone="333 1234567", consent=True)
    type(old).objects.filter(pk=old.pk).update(starts_at=timezone.now() - timedelta(days=32),
                                               ends_at=timezone.now() - timedelta(days=31))
    assert purge_guests() == 1
    assert list(Registration.objects.values_list("guest_name", flat=True).order_by("id")) == ["", "Bruno"]


def test_retiring_a_user_frees_their_seat_and_forgets_them(people):
    from fd_calendar.retirement import retire_user

    session = make_session(capacity=1)
    register_user(session, people[0])
    register_user(session, people[1], wait_if_full=True)
    assert retire_user(people[0].pk) == 1
    assert not Registration.objects.filter(user=people[0]).exists()
    assert Registration.objects.get(user=people[1]).status == "confirmed"


def test_the_database_refuses_one_seat_for_two_people(session, people):
    from django.db import IntegrityError, transaction

    Registration.objects.create(session=session, user=people[0], seat_number=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(session=session, user=people[1], seat_number=1)

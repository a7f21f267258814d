"""On MariaDB, with real threads and the real Celery worker: one booking per slot, hours once, guests erased."""
import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from .conftest import drain, open_every_day, total

pytestmark = [pytest.mark.integration]


def _race(count, action):
    """Run ``action(n)`` in ``count`` threads released at once; returns (results, errors)."""
    start = threading.Barrier(count)
    results, errors = [], []

    def run(number):
        try:
            start.wait()
            results.append(action(number))
        except Exception as exc:  # noqa: BLE001 - collected and asserted on below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


@pytest.fixture
def race_point(transactional_db):
    from fd_progress.models import FacilitationPoint

    place = FacilitationPoint.objects.create(name="Punto Digitale Isolotto", district="Quartiere 4")
    open_every_day(place)
    return place


def _tomorrow_nine():
    day = timezone.localdate() + timedelta(days=1)
    return timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time().replace(hour=9)))


def test_two_people_booking_the_same_slot_at_once_get_one_booking(race_point):
    from fd_assistance import bookings
    from fd_assistance.models import Booking

    start = _tomorrow_nine()

    def book(number):
        return bookings.book(race_point.pk, start, "spid", guest={
            "first_name": f"Persona{number}", "phone": f"333 00000{number}", "email": "", "consent": True})

    results, errors = _race(2, book)
    assert len(results) == 1
    assert len(errors) == 1 and isinstance(errors[0], bookings.BookingRefused) and errors[0].status == 409
    assert Booking.objects.filter(active_slot__isnull=False).count() == 1


def test_two_facilitators_marking_done_at_once_count_the_hours_once(race_point, django_user_model):
    from fd_assistance import bookings

    booking = bookings.book(race_point.pk, _tomorrow_nine(), "cie", guest={
        "first_name": "Lucia", "phone": "", "email": "lucia@example.org", "consent": True})
    staff = django_user_model.objects.create_user("coordinatrice", is_staff=True)

    results, errors = _race(2, lambda number: bookings.mark(booking.pk, "done", staff, minutes=40))
    assert len(results) == 1
    assert len(errors) == 1 and errors[0].status == 409
    drain()
    assert total("assistance_hours") == Decimal("0.67")


def test_the_worker_erases_expired_guests(celery_worker, wait_for, race_point, settings):
    from fd_assistance.models import Booking
    from fd_assistance.tasks import erase_expired_guests

    ended = timezone.now() - timedelta(days=settings.FD_ASSISTANCE_GUEST_RETENTION_DAYS + 1)
    old = Booking.objects.create(point=race_point, start=ended - timedelta(minutes=30), end=ended, topic="email",
                                 first_name="Mario", email="mario@example.org", consent=True, details="password")
    result = erase_expired_guests.delay()
    wait_for(lambda: Booking.objects.filter(pk=old.pk, first_name="").exists(), timeout=60,
             message="the worker to erase the guest")
    assert result.id
    old.refresh_from_db()
    assert (old.email, old.details, old.topic) == ("", "", "email")

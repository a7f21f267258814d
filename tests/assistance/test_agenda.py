"""The facilitator's agenda: who sees it, marking done (hours counted once) or not attended."""
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from .conftest import drain, slot_key, text, total

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(point, learner, tomorrow_nine):
    from fd_assistance import bookings

    return bookings.book(point.pk, tomorrow_nine, "health_record", "Scaricare il referto", user=learner)


def agenda_url(booking):
    return f"{reverse('fd_assistance:agenda')}?point={booking.point_id}&day={timezone.localdate(booking.start)}"


def mark_url(booking):
    return reverse("fd_assistance:mark", args=[booking.pk])


def test_the_agenda_needs_staff_or_the_facilitate_permission(client, booking, learner, facilitator):
    assert client.get(agenda_url(booking)).status_code == 302  # to the sign-in page
    client.force_login(learner)
    assert client.get(agenda_url(booking)).status_code == 403
    assert client.post(mark_url(booking), {"outcome": "done"}).status_code == 403
    client.force_login(facilitator)
    page = text(client.get(agenda_url(booking)))
    assert "Giulia" in page and "Scaricare il referto" in page and "09:00–09:30" in page


def test_a_facilitator_of_some_points_sees_only_those(client, booking, other_point, facilitator, tomorrow_nine):
    from fd_assistance import bookings
    from fd_assistance.models import HelpDesk

    desk = HelpDesk.objects.create(point=other_point)
    desk.facilitators.add(facilitator)
    client.force_login(facilitator)
    assert client.get(agenda_url(booking)).status_code == 404
    assert client.post(mark_url(booking), {"outcome": "done"}).status_code == 404
    elsewhere = bookings.book(other_point.pk, tomorrow_nine, "spid", guest={
        "first_name": "Anna", "phone": "055 123456", "email": "", "consent": True})
    page = text(client.get(agenda_url(elsewhere)))
    assert "Anna · 055 123456" in page
    assert "Biblioteca delle Oblate" not in page


def test_marking_done_counts_the_minutes_spent_once_even_if_posted_twice(client, booking, facilitator):
    from fd_assistance.models import Booking

    client.force_login(facilitator)
    first = client.post(mark_url(booking), {"outcome": "done", "minutes": "45"})
    assert first.status_code == 302
    assert first["Location"] == agenda_url(booking)
    again = client.post(mark_url(booking), {"outcome": "done", "minutes": "45"})
    assert again.status_code == 409
    assert "già segnata" in text(again)
    drain()
    assert total("assistance_hours") == Decimal("0.75")
    assert total("assistance_hours", "district", "Quartiere 1 Centro storico") == Decimal("0.75")
    booking = Booking.objects.get()
    assert (booking.status, booking.minutes_spent, booking.marked_by) == ("done", 45, facilitator)
    assert "<strong>Fatto</strong> (45 minuti)" in text(client.get(agenda_url(booking)))


def test_done_without_minutes_counts_the_slot_length(client, booking, facilitator):
    client.force_login(facilitator)
    assert client.post(mark_url(booking), {"outcome": "done", "minutes": ""}).status_code == 302
    drain()
    assert total("assistance_hours") == Decimal("0.50")


def test_a_no_show_counts_no_hours_and_cannot_then_be_done(client, booking, facilitator):
    client.force_login(facilitator)
    assert client.post(mark_url(booking), {"outcome": "no_show"}).status_code == 302
    assert client.post(mark_url(booking), {"outcome": "done"}).status_code == 409
    drain()
    assert total("assistance_hours") == 0


@pytest.mark.parametrize("data", [{"outcome": "maybe"}, {"outcome": "done", "minutes": "0"},
                                  {"outcome": "done", "minutes": "tanti"}, {}])
def test_a_wrong_mark_says_what_is_wrong_and_changes_nothing(client, booking, facilitator, data):
    client.force_login(facilitator)
    response = client.post(mark_url(booking), data)
    assert response.status_code == 400
    assert "da 1 a 480" in text(response)
    booking.refresh_from_db()
    assert booking.status == "booked"


def test_a_cancelled_booking_cannot_be_marked(client, booking, facilitator):
    from fd_assistance import bookings

    bookings.cancel(booking.cancel_token)
    client.force_login(facilitator)
    assert client.post(mark_url(booking), {"outcome": "done"}).status_code == 409


def test_a_day_that_is_not_a_date_is_refused(client, booking, facilitator):
    client.force_login(facilitator)
    response = client.get(reverse("fd_assistance:agenda"), {"day": "ieri"})
    assert response.status_code == 400
    assert "2026-03-30" in text(response)
    assert client.get(reverse("fd_assistance:agenda"), {"point": "x"}).status_code == 404


def test_the_minutes_field_starts_at_the_slot_length(client, booking, facilitator):
    client.force_login(facilitator)
    assert 'value="30"' in text(client.get(agenda_url(booking)))
    assert slot_key(booking.start)


@pytest.mark.parametrize("model", ["helpdesk", "openinghours", "closure", "booking"])
def test_staff_manage_hours_closures_desks_and_bookings_in_the_admin(client, booking, django_user_model, model):
    admin = django_user_model.objects.create_superuser("amministratrice", "a@example.org", "pw")
    client.force_login(admin)
    assert client.get(reverse(f"admin:fd_assistance_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:fd_assistance_{model}_add")).status_code == 200


def test_opening_hours_that_close_before_they_open_are_refused_in_the_admin(client, point, django_user_model):
    from fd_assistance.models import OpeningHours

    admin = django_user_model.objects.create_superuser("amministratore", "b@example.org", "pw")
    client.force_login(admin)
    before = OpeningHours.objects.count()
    response = client.post(reverse("admin:fd_assistance_openinghours_add"),
                           {"point": point.pk, "weekday": 0, "start": "12:00", "end": "09:00"})
    assert response.status_code == 200  # the form again, with the message
    assert "deve venire dopo" in text(response)
    assert OpeningHours.objects.count() == before

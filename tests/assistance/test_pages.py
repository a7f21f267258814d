"""Citizens' pages: the points, free times, booking (signed in or as a guest), confirmation, cancelling."""
from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from .conftest import slot_key, speak_english, text

pytestmark = pytest.mark.django_db


def book_url(point):
    return reverse("fd_assistance:book", args=[point.pk])


def guest_data(start, **changes):
    data = {"start": slot_key(start), "topic": "spid", "details": "Attivare SPID", "first_name": "Mario",
            "phone": "333 123 4567", "email": "", "consent": "on"}
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_list_shows_each_point_with_its_weekly_hours(client, point):
    from fd_assistance.models import OpeningHours

    OpeningHours.objects.create(point=point, weekday=1, start=time(15), end=time(18))
    page = text(client.get(reverse("fd_assistance:points")))
    assert "Biblioteca delle Oblate" in page
    assert "Martedì" in page or "martedì" in page
    assert "09:00–12:00, 15:00–18:00" in page
    english = speak_english(client).get(reverse("fd_assistance:points")).content.decode()
    assert "One-to-one help at the facilitation points" in english
    assert "Tuesday" in english


def test_a_point_lists_the_free_times_of_the_next_two_weeks_as_links(client, point, tomorrow_nine):
    page = text(client.get(reverse("fd_assistance:point", args=[point.pk])))
    assert f'{book_url(point)}?start={slot_key(tomorrow_nine).replace(":", "%3A").replace("+", "%2B")}' in page
    assert page.count('class="fd-slots"') >= 13  # tomorrow and the 12 days after it at least


def test_a_signed_in_person_books_in_one_step_and_gets_a_cancel_link(client, point, learner, tomorrow_nine):
    from fd_assistance.models import Booking

    client.force_login(learner)
    form = text(client.get(book_url(point), {"start": slot_key(tomorrow_nine)}))
    assert 'name="first_name"' not in form
    response = client.post(book_url(point), {"start": slot_key(tomorrow_nine), "topic": "pagopa"})
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("fd_assistance:booking", args=[booking.cancel_token])
    confirmation = text(client.get(response["Location"]))
    assert "prenotat" in confirmation.lower()
    assert reverse("fd_assistance:cancel", args=[booking.cancel_token]) in confirmation
    assert (booking.user, booking.topic, booking.start) == (learner, "pagopa", tomorrow_nine)
    # The time is no longer offered.
    page = text(client.get(reverse("fd_assistance:point", args=[point.pk])))
    assert slot_key(tomorrow_nine).replace(":", "%3A").replace("+", "%2B") not in page


def test_a_guest_books_with_a_first_name_and_a_phone(client, point, tomorrow_nine):
    from fd_assistance.models import Booking

    response = client.post(book_url(point), guest_data(tomorrow_nine))
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.user, booking.first_name, booking.phone, booking.consent) == (None, "Mario", "333 123 4567", True)


@pytest.mark.parametrize(("changes", "message"), [
    ({"phone": "", "email": ""}, "numero di telefono o un'e-mail"),
    ({"phone": "chiamami"}, "solo cifre"),
    ({"email": "non-una-mail", "phone": ""}, "e-mail"),
    ({"consent": None}, "obbligatorio"),
    ({"first_name": "   "}, "nome"),
    ({"topic": "astrologia"}, "valida"),
])
def test_a_guest_form_with_a_mistake_says_what_and_keeps_what_was_written(client, point, tomorrow_nine, changes,
                                                                           message):
    from fd_assistance.models import Booking

    response = client.post(book_url(point), guest_data(tomorrow_nine, **changes))
    page = text(response)
    assert response.status_code == 400
    assert message in page
    assert "Attivare SPID" in page  # nothing the person wrote is lost
    assert not Booking.objects.exists()


def test_a_taken_time_is_refused_with_a_conflict(client, point, learner, tomorrow_nine):
    client.force_login(learner)
    assert client.post(book_url(point), {"start": slot_key(tomorrow_nine), "topic": "cie"}).status_code == 302
    client.logout()
    response = client.post(book_url(point), guest_data(tomorrow_nine))
    assert response.status_code == 409
    assert "Qualcuno ha appena prenotato" in text(response)
    assert "Mario" in text(response)


def test_booking_the_same_time_twice_says_the_first_booking_holds(client, point, other_point, learner,
                                                                  tomorrow_nine):
    from fd_assistance.models import Booking

    client.force_login(learner)
    data = {"start": slot_key(tomorrow_nine), "topic": "cie"}
    assert client.post(book_url(point), data).status_code == 302
    again = client.post(book_url(point), data)
    assert again.status_code == 409
    assert "Hai già prenotato" in text(again)
    elsewhere = client.post(book_url(other_point), data)
    assert elsewhere.status_code == 409
    assert Booking.objects.count() == 1


def _at(day, hour, minute=0):
    return timezone.make_aware(timezone.datetime.combine(day, time(hour, minute)))


@pytest.mark.parametrize(("when", "status", "message"), [
    (lambda: _at(timezone.localdate() - timedelta(days=1), 9), 400, "già passato"),
    (lambda: _at(timezone.localdate() + timedelta(days=1), 14), 400, "fuori dall'orario"),
    (lambda: _at(timezone.localdate() + timedelta(days=1), 9, 10), 400, "fuori dall'orario"),
    (lambda: _at(timezone.localdate() + timedelta(days=30), 9), 400, "prossimi 14 giorni"),
    (lambda: _at(timezone.localdate() + timedelta(days=3), 9), 400, "è chiuso"),
])
def test_times_that_cannot_be_booked_are_refused_with_the_reason(client, point, when, status, message):
    from fd_assistance.models import Booking, Closure

    closed = timezone.localdate() + timedelta(days=3)
    Closure.objects.create(point=point, first_day=closed, last_day=closed)
    start = when()
    shown = client.get(book_url(point), {"start": slot_key(start)})
    posted = client.post(book_url(point), guest_data(start))
    assert (shown.status_code, posted.status_code) == (status, status)
    assert message in text(posted)
    assert not Booking.objects.exists()


def test_a_start_that_is_not_a_time_is_refused(client, point):
    response = client.post(book_url(point), {**guest_data(timezone.now()), "start": "domani"})
    assert response.status_code == 400
    assert "Scegli un orario" in text(response)


def test_cancelling_by_link_asks_first_then_frees_the_time(client, point, tomorrow_nine):
    from fd_assistance.models import Booking

    client.post(book_url(point), guest_data(tomorrow_nine))
    booking = Booking.objects.get()
    cancel_url = reverse("fd_assistance:cancel", args=[booking.cancel_token])
    assert client.get(cancel_url).status_code == 200
    booking.refresh_from_db()
    assert booking.status == "booked"  # a GET (a link preview) cancels nothing
    done = client.post(cancel_url)
    assert done.status_code == 200
    assert "annullata" in text(done)
    booking.refresh_from_db()
    assert (booking.status, booking.active_slot) == ("cancelled", None)
    assert client.post(cancel_url).status_code == 409
    # The time can be booked again.
    assert client.post(book_url(point), guest_data(tomorrow_nine, first_name="Anna")).status_code == 302


def test_an_unknown_link_or_point_is_not_found(client, point):
    assert client.get(reverse("fd_assistance:booking", args=["nope"])).status_code == 404
    assert client.post(reverse("fd_assistance:cancel", args=["nope"])).status_code == 404
    assert client.get(reverse("fd_assistance:point", args=[point.pk + 99])).status_code == 404


def test_an_inactive_point_takes_no_bookings(client, point, tomorrow_nine):
    point.active = False
    point.save()
    assert client.get(reverse("fd_assistance:point", args=[point.pk])).status_code == 404
    assert client.post(book_url(point), guest_data(tomorrow_nine)).status_code == 404


def test_a_point_without_opening_hours_says_there_are_no_free_times(client, point):
    from fd_assistance.models import OpeningHours

    OpeningHours.objects.filter(point=point).delete()
    page = text(client.get(reverse("fd_assistance:point", args=[point.pk])))
    assert "Non ci sono orari liberi" in page

"""Fuzzed booking, cancelling and agenda endpoints: any input gets a 2xx/3xx/4xx answer, never a 5xx."""
import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import slot_key

pytestmark = pytest.mark.django_db

TEXT = st.one_of(st.text(max_size=60), st.sampled_from([
    "", "0", "-1", "1e9", "9999-12-31T23:59+00:00", "0001-01-01T00:00+01:00", "2026-03-29T02:30+01:00",
    "2026-13-01", "2026-W01-1", "9999-12-31", "spid", "done", "no_show", "on", "333 1234567", "a@b.it",
]))
FUZZ = settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
FIELDS = ("start", "topic", "details", "first_name", "phone", "email", "consent")


@FUZZ
@given(data=st.fixed_dictionaries({}, optional={name: TEXT for name in FIELDS}), real_start=st.booleans(),
       signed_in=st.booleans())
def test_booking_never_fails_with_a_server_error(client, point, learner, tomorrow_nine, data, real_start,
                                                 signed_in):
    if real_start:
        data = {**data, "start": slot_key(tomorrow_nine)}
    if signed_in:
        client.force_login(learner)
    else:
        client.logout()
    url = reverse("fd_assistance:book", args=[point.pk])
    assert client.post(url, data).status_code < 500
    assert client.get(url, {"start": data.get("start", "")}).status_code < 500


@FUZZ
@given(token=st.text(alphabet=st.characters(blacklist_characters="/?#%", blacklist_categories=("Cs",)),
                     min_size=1, max_size=60))
def test_cancel_links_never_fail_with_a_server_error(client, token):
    assert client.get(reverse("fd_assistance:cancel", args=[token])).status_code < 500
    assert client.post(reverse("fd_assistance:cancel", args=[token])).status_code < 500


@FUZZ
@given(day=TEXT, point_value=TEXT, outcome=TEXT, minutes=TEXT)
def test_the_agenda_never_fails_with_a_server_error(client, point, learner, tomorrow_nine, facilitator, day,
                                                    point_value, outcome, minutes):
    from fd_assistance import bookings
    from fd_assistance.models import Booking

    client.force_login(facilitator)
    assert client.get(reverse("fd_assistance:agenda"), {"day": day, "point": point_value}).status_code < 500
    booking = Booking.objects.first() or bookings.book(point.pk, tomorrow_nine, "spid", user=learner)
    Booking.objects.filter(pk=booking.pk).update(status="booked")  # marked by an earlier example: again
    response = client.post(reverse("fd_assistance:mark", args=[booking.pk]), {"outcome": outcome, "minutes": minutes})
    assert response.status_code < 500

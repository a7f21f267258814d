"""The iCal feeds parse with icalendar and keep one event per session across edits and cancellation."""
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse

from .conftest import make_session

pytestmark = pytest.mark.django_db


def events(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_a_session_stays_one_event_whose_sequence_grows_through_edits_and_cancellation(client, settings):
    settings.FD_CALENDAR_ICAL_DOMAIN = "firenzedigitale.example"
    session = make_session(title="SPID in un'ora")
    other = make_session(title="Il Fascicolo sanitario", topics="health_record")
    uid = f"{session.uuid}@firenzedigitale.example"
    calendar, first = events(client, reverse("fd_calendar:feed"))
    assert set(first) == {uid, f"{other.uuid}@firenzedigitale.example"}
    assert first[uid]["SEQUENCE"] == 0 and first[uid]["STATUS"] == "CONFIRMED"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Rome"]
    start = first[uid].decoded("DTSTART")
    assert start.tzinfo.key == "Europe/Rome" and start == session.starts_at.astimezone(ZoneInfo("Europe/Rome"))
    assert first[uid]["DTSTART"].params["TZID"] == "Europe/Rome"

    session.title = "SPID e CIE in un'ora"
    session.save()
    session.cancelled = True
    session.save()
    _calendar, after = events(client, reverse("fd_calendar:feed"))
    assert set(after) == set(first)  # no second event
    assert after[uid]["SEQUENCE"] == 2 > first[uid]["SEQUENCE"]
    assert after[uid]["STATUS"] == "CANCELLED" and str(after[uid]["SUMMARY"]) == "SPID e CIE in un'ora"
    _calendar, single = events(client, reverse("fd_calendar:session_ics", args=[session.uuid]))
    assert list(single) == [uid] and single[uid]["SEQUENCE"] == 2


def test_feeds_per_topic_and_per_point(client, point):
    at_point = make_session(facilitation_point=point, topics="pagopa")
    elsewhere = make_session(topics="spid")
    _c, by_topic = events(client, reverse("fd_calendar:topic_feed", args=["pagopa"]))
    assert list(by_topic) == [f"{at_point.uuid}@firenzedigitale.example"]
    _c, by_point = events(client, reverse("fd_calendar:point_feed", args=[point.pk]))
    assert list(by_point) == [f"{at_point.uuid}@firenzedigitale.example"]
    assert elsewhere.uuid
    assert client.get(reverse("fd_calendar:topic_feed", args=["astrology"])).status_code == 404
    assert client.get(reverse("fd_calendar:point_feed", args=[point.pk + 99])).status_code == 404

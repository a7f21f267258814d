"""iCalendar (RFC 5545) for the programme, made with the ``icalendar`` library.

Every session is one VEVENT whose UID never changes (``<uuid>@<FD_CALENDAR_ICAL_DOMAIN>``) and
whose SEQUENCE is the session's revision, so a calendar that subscribed to a feed updates the
event after an edit instead of adding a second one. A cancelled session stays in the feeds with
STATUS:CANCELLED, which removes it from the calendars that had it. Times carry TZID Europe/Rome
with its VTIMEZONE.
"""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.urls import reverse

PRODID = "-//Firenze Digitale//Training calendar//IT"


def time_zone():
    return ZoneInfo(settings.FD_CALENDAR_TIME_ZONE)


def event_uid(session):
    return f"{session.uuid}@{settings.FD_CALENDAR_ICAL_DOMAIN}"


def _event(session, base_url):
    zone = time_zone()
    event = icalendar.Event()
    event.add("uid", event_uid(session))
    event.add("sequence", session.sequence)
    event.add("dtstamp", session.updated_at.astimezone(UTC) if session.updated_at else datetime.now(UTC))
    event.add("last-modified", (session.updated_at or datetime.now(UTC)).astimezone(UTC))
    event.add("dtstart", session.starts_at.astimezone(zone))
    event.add("dtend", session.ends_at.astimezone(zone))
    event.add("summary", session.title)
    if session.description:
        event.add("description", session.description)
    place = ", ".join(part for part in (session.place, session.district) if part)
    if place:
        event.add("location", place)
    event.add("url", base_url + reverse("fd_calendar:session", args=[session.uuid]))
    event.add("status", "CANCELLED" if session.cancelled else "CONFIRMED")
    return event


def calendar_of(sessions, base_url, name):
    """The bytes of a VCALENDAR holding one VEVENT per session."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.FD_CALENDAR_TIME_ZONE)
    for session in sessions:
        calendar.add_component(_event(session, base_url))
    calendar.add_missing_timezones()
    return calendar.to_ical()

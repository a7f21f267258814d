"""Bookable slots: a point's weekly opening hours, minus its closures, minus what is booked.

Opening hours are wall-clock times in Europe/Rome (the site's ``TIME_ZONE``). A slot starts at
the opening time and every slot length after it while it still ends by the closing time, counted
on the wall clock. On the night clocks go forward (last Sunday of March) a wall time that does not
exist (02:00-02:59) gives no slot; on the night they go back (last Sunday of October) a repeated
wall time gives one slot, at its first occurrence.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from .models import Booking, Closure, HelpDesk, OpeningHours


def local_zone():
    return ZoneInfo(settings.TIME_ZONE)


def slot_minutes(point_id):
    minutes = HelpDesk.objects.filter(point_id=point_id).values_list("slot_minutes", flat=True).first()
    return minutes or settings.FD_ASSISTANCE_SLOT_MINUTES


def days_ahead(today=None):
    today = today or timezone.localdate()
    return [today + timedelta(days=n) for n in range(settings.FD_ASSISTANCE_DAYS_AHEAD)]


@dataclass(frozen=True)
class Slot:
    start: datetime  # aware, Europe/Rome
    end: datetime

    @property
    def key(self):
        """How a slot travels in a form or a link: its start, with its UTC offset."""
        return self.start.isoformat(timespec="minutes")


def _wall_time(day, clock, zone):
    """``day`` at ``clock`` in ``zone``, or None if that wall time does not exist that day."""
    moment = datetime.combine(day, clock, tzinfo=zone)  # fold=0: the first of a repeated hour
    round_trip = moment.astimezone(UTC).astimezone(zone)
    if round_trip.replace(tzinfo=None) != moment.replace(tzinfo=None):
        return None  # skipped by the clocks going forward
    return moment


def day_slots(day, ranges, minutes, zone=None):
    """Every slot of ``day`` from ``ranges`` (``(start, end)`` wall-clock times), in order."""
    zone = zone or local_zone()
    length = timedelta(minutes=minutes)
    found = {}
    for opens, closes in ranges:
        wall = datetime.combine(day, opens)
        closing = datetime.combine(day, closes)
        while wall + length <= closing:
            start = _wall_time(day, wall.time(), zone)
            if start is not None:
                end = (start.astimezone(UTC) + length).astimezone(zone)
                found.setdefault(start, Slot(start, end))
            wall += length
    return [found[start] for start in sorted(found)]


def _ranges_by_weekday(point_id):
    ranges = {}
    for weekday, opens, closes in OpeningHours.objects.filter(point_id=point_id).values_list(
            "weekday", "start", "end"):
        ranges.setdefault(weekday, []).append((opens, closes))
    return ranges


def closed_days(point_id, days):
    if not days:
        return set()
    closed = set()
    for first, last in Closure.objects.filter(point_id=point_id, first_day__lte=days[-1],
                                              last_day__gte=days[0]).values_list("first_day", "last_day"):
        closed.update(day for day in days if first <= day <= last)
    return closed


def opening_slots(point_id, days):
    """``{day: [Slot]}``: the slots of the opening hours on each open day (booked ones included)."""
    ranges = _ranges_by_weekday(point_id)
    minutes = slot_minutes(point_id)
    closed = closed_days(point_id, days)
    zone = local_zone()
    return {day: ([] if day in closed else day_slots(day, ranges.get(day.weekday(), []), minutes, zone))
            for day in days}


def free_slots(point_id, today=None, now=None):
    """``{day: [Slot]}`` of the next ``FD_ASSISTANCE_DAYS_AHEAD`` days: not past, not booked."""
    now = now or timezone.now()
    days = days_ahead(today or timezone.localdate(now))
    by_day = opening_slots(point_id, days)
    taken = set(Booking.objects.filter(point_id=point_id, active_slot__isnull=False,
                                       start__gte=now - timedelta(days=1)).values_list("start", flat=True))
    return {day: [slot for slot in slots if slot.start > now and slot.start not in taken]
            for day, slots in by_day.items()}


def weekly_hours(point_id):
    """``[(weekday label, [(start, end)])]`` for the days the point opens, Monday first."""
    from .models import Weekday

    ranges = _ranges_by_weekday(point_id)
    return [(Weekday(day).label, sorted(ranges[day])) for day in sorted(ranges)]

"""Free slots: opening hours in wall-clock time, minus closures, minus bookings, across DST changes."""
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from fd_assistance.slots import day_slots, free_slots

ROME = ZoneInfo("Europe/Rome")


def clock(slots):
    return [slot.start.strftime("%H:%M") for slot in slots]


def test_a_morning_and_an_afternoon_give_slots_in_order_that_end_by_closing_time():
    slots = day_slots(date(2026, 5, 4), [(time(15), time(16, 15)), (time(9), time(10))], 30, ROME)
    assert clock(slots) == ["09:00", "09:30", "15:00", "15:30"]  # 16:00 would end after 16:15
    assert slots[-1].end == datetime(2026, 5, 4, 16, tzinfo=ROME)


def test_a_longer_slot_gives_fewer_times():
    assert clock(day_slots(date(2026, 5, 4), [(time(9), time(11, 50))], 45, ROME)) == ["09:00", "09:45", "10:30"]


def test_the_night_clocks_go_forward_has_no_slot_in_the_missing_hour():
    slots = day_slots(date(2026, 3, 29), [(time(1), time(4))], 30, ROME)
    assert clock(slots) == ["01:00", "01:30", "03:00", "03:30"]
    # 01:30 + 30 minutes of real time is 03:00 on the wall clock.
    assert slots[1].end.strftime("%H:%M") == "03:00"
    assert [slot.start.utcoffset() for slot in slots] == [timedelta(hours=1)] * 2 + [timedelta(hours=2)] * 2


def test_the_night_clocks_go_back_gives_each_wall_time_once():
    slots = day_slots(date(2026, 10, 25), [(time(1), time(4))], 30, ROME)
    assert clock(slots) == ["01:00", "01:30", "02:00", "02:30", "03:00", "03:30"]
    assert len({slot.start.astimezone(UTC) for slot in slots}) == 6


@pytest.mark.django_db
def test_in_the_week_of_the_change_nine_o_clock_stays_nine_o_clock(point, settings):
    from fd_assistance.models import OpeningHours

    OpeningHours.objects.filter(point=point).delete()
    OpeningHours.objects.create(point=point, weekday=0, start=time(9), end=time(9, 30))  # Mondays only
    now = datetime(2026, 3, 23, 7, tzinfo=UTC)  # Monday 23 March, 08:00 in Rome
    free = {day: slots for day, slots in free_slots(point.pk, now=now).items() if slots}
    assert list(free) == [date(2026, 3, 23), date(2026, 3, 30)]
    before, after = free[date(2026, 3, 23)][0], free[date(2026, 3, 30)][0]
    assert before.start.astimezone(ROME).hour == after.start.astimezone(ROME).hour == 9
    assert before.start.astimezone(UTC).hour == 8  # CET, UTC+1
    assert after.start.astimezone(UTC).hour == 7  # CEST, UTC+2


@pytest.mark.django_db
def test_closures_bookings_and_the_past_are_not_free(point, learner):
    from fd_assistance.models import Booking, Closure

    now = datetime(2026, 5, 4, 10, 10, tzinfo=ROME)  # a Monday, 10:10
    Closure.objects.create(point=point, first_day=date(2026, 5, 6), last_day=date(2026, 5, 7), reason="Inventario")
    booked = datetime(2026, 5, 5, 9, 30, tzinfo=ROME)
    Booking.objects.create(point=point, start=booked, end=booked + timedelta(minutes=30), topic="spid", user=learner)
    cancelled = datetime(2026, 5, 5, 10, tzinfo=ROME)
    Booking.objects.create(point=point, start=cancelled, end=cancelled + timedelta(minutes=30), topic="cie",
                           user=learner, status=Booking.Status.CANCELLED)
    free = free_slots(point.pk, now=now)
    assert len(free) == 14
    assert clock(free[date(2026, 5, 4)]) == ["10:30", "11:00", "11:30"]
    assert clock(free[date(2026, 5, 5)]) == ["09:00", "10:00", "10:30", "11:00", "11:30"]
    assert free[date(2026, 5, 6)] == free[date(2026, 5, 7)] == []
    assert len(free[date(2026, 5, 8)]) == 6


@pytest.mark.django_db
def test_a_help_desk_sets_the_slot_length_of_its_point(point, other_point):
    from fd_assistance.models import HelpDesk

    HelpDesk.objects.create(point=point, slot_minutes=60)
    now = datetime(2026, 5, 4, 7, tzinfo=ROME)
    assert clock(free_slots(point.pk, now=now)[date(2026, 5, 4)]) == ["09:00", "10:00", "11:00"]
    assert len(free_slots(other_point.pk, now=now)[date(2026, 5, 4)]) == 6

"""The forecast: least-squares pace over the last 28 days, weekly pace needed, status thresholds."""
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fd_progress.forecast import forecast, trend_rate

pytestmark = pytest.mark.unit
START = date(2026, 1, 1)
TODAY = date(2026, 3, 1)
DEADLINE = date(2026, 12, 31)


def linear(rate, start=START, end=TODAY, offset=0.0):
    days = (end - start).days
    return {start + timedelta(days=n): offset + rate * n for n in range(days + 1)}


def test_a_steady_pace_is_found_exactly_and_projected_to_the_deadline():
    result = forecast(linear(10), goal=3600, period_start=START, deadline=DEADLINE, today=TODAY)
    assert result.daily_rate == pytest.approx(10)
    assert result.value == pytest.approx(590)
    assert result.expected == pytest.approx(590 + 10 * (DEADLINE - TODAY).days)
    assert result.status == "on_track"


def test_only_the_last_28_days_set_the_pace():
    series = linear(1, end=TODAY - timedelta(days=28))
    last = series[max(series)]
    for n in range(1, 29):
        series[TODAY - timedelta(days=28) + timedelta(days=n)] = last + 20 * n
    assert trend_rate(series, TODAY, 28) == pytest.approx(20)


@pytest.mark.parametrize(("goal", "status"), [(3600, "on_track"), (3900, "at_risk"), (4100, "behind")])
def test_status_thresholds(goal, status):
    # 590 now + 10/day * 305 days = 3640 expected; at risk down to 90% of the goal.
    assert forecast(linear(10), goal=goal, period_start=START, deadline=DEADLINE, today=TODAY).status == status


def test_weekly_pace_needed():
    result = forecast(linear(10), goal=5000, period_start=START, deadline=DEADLINE, today=TODAY)
    weeks_left = (DEADLINE - TODAY).days / 7
    assert result.weekly_needed == pytest.approx((5000 - 590) / weeks_left)


def test_after_the_deadline_a_target_is_achieved_or_missed():
    series = linear(10, end=DEADLINE)
    assert forecast(series, 3000, START, DEADLINE, today=DEADLINE + timedelta(days=5)).status == "achieved"
    assert forecast(series, 9000, START, DEADLINE, today=DEADLINE + timedelta(days=5)).status == "missed"


def test_a_target_not_started_yet_is_zero_and_needs_the_whole_goal_per_remaining_week():
    result = forecast({}, goal=700, period_start=TODAY + timedelta(days=7), deadline=TODAY + timedelta(days=77),
                      today=TODAY)
    assert result.value == 0
    assert result.weekly_needed == pytest.approx(700 / 11)


@given(st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=90),
       st.integers(min_value=0, max_value=100000))
def test_the_forecast_never_goes_below_today_nor_below_zero_pace(increments, goal):
    series, running = {}, 0
    for n, step in enumerate(increments):
        running += step
        series[START + timedelta(days=n)] = running
    today = START + timedelta(days=len(increments) - 1)
    result = forecast(series, goal, START, today + timedelta(days=30), today=today)
    assert result.daily_rate >= 0
    assert result.expected >= result.value == running
    assert result.status in {"on_track", "at_risk", "behind"}

"""Where a target will land at the current pace, and what weekly pace it still needs.

Method (also in docs/progress.md): a least-squares line is fitted to the cumulative value of the
last ``FD_PROGRESS_TREND_DAYS`` days (28 by default, fewer if the period started more recently);
its slope is the current daily pace (never below zero). The forecast is today's value plus that
pace times the days left. Status: *on track* when the forecast reaches the goal, *at risk* when
it reaches at least ``FD_PROGRESS_AT_RISK_RATIO`` (90%) of it, *behind* otherwise; after the
deadline, *achieved* or *missed*.
"""

import statistics
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

STATUS_LABELS = {
    "on_track": _("On track"),
    "at_risk": _("At risk"),
    "behind": _("Behind"),
    "achieved": _("Achieved"),
    "missed": _("Missed"),
}


@dataclass(frozen=True)
class Forecast:
    value: float  # the value today
    daily_rate: float  # the recent pace, per day
    expected: float  # the value expected at the deadline at that pace
    weekly_needed: float  # the weekly pace still needed to reach the goal by the deadline
    status: str

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


def trend_rate(cumulative, today, days):
    """Least-squares slope (per day) of ``cumulative`` {day: value} over the last ``days`` days."""
    points = [
        (float((day - today).days), float(value))
        for day, value in cumulative.items()
        if today - timedelta(days=days) < day <= today
    ]
    if len(points) < 2:
        return 0.0
    xs, ys = zip(*points, strict=True)
    if len(set(xs)) < 2:
        return 0.0
    slope, _intercept = statistics.linear_regression(xs, ys)
    return max(slope, 0.0)


def forecast(cumulative, goal, period_start, deadline, today=None):
    """Forecast a target from its cumulative daily series {day: value} (days from period_start)."""
    today = min(today or timezone.localdate(), deadline)
    goal = float(goal)
    known = [value for day, value in cumulative.items() if day <= today]
    value = float(max(known)) if known else 0.0
    days = getattr(settings, "FD_PROGRESS_TREND_DAYS", 28)
    rate = trend_rate(cumulative, today, min(days, max((today - period_start).days + 1, 1)))
    days_left = max((deadline - today).days, 0)
    expected = value + rate * days_left
    weeks_left = days_left / 7
    missing = max(goal - value, 0.0)
    weekly_needed = missing / weeks_left if weeks_left else missing
    if days_left == 0:
        status = "achieved" if value >= goal else "missed"
    elif expected >= goal:
        status = "on_track"
    elif expected >= goal * getattr(settings, "FD_PROGRESS_AT_RISK_RATIO", 0.9):
        status = "at_risk"
    else:
        status = "behind"
    return Forecast(
        value=value, daily_rate=rate, expected=expected, weekly_needed=weekly_needed, status=status
    )


def as_decimal(number):
    return Decimal(str(round(number, 2)))

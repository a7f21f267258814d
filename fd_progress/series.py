"""Reading the daily counters for targets: never the raw events.

All targets of a page are read with one query over ``DailyCount`` (the rows of their metric and
scope inside their periods), so the cost follows the number of days and scopes, not of events.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q, Sum
from django.utils import timezone

from .forecast import forecast
from .models import DailyCount, Target


@dataclass
class TargetProgress:
    target: Target
    cumulative: dict  # {day: cumulative value from period_start}, every day up to today
    forecast: object
    milestones: list = field(default_factory=list)

    @property
    def value(self):
        return self.forecast.value

    @property
    def percent(self):
        goal = float(self.target.goal)
        return min(100.0, 100.0 * self.value / goal) if goal else 100.0


def _daily_rows(targets, today):
    keys = defaultdict(lambda: [date.max, date.min])
    for target in targets:
        span = keys[target.scope_key]
        span[0] = min(span[0], target.period_start)
        span[1] = max(span[1], min(target.deadline, today))
    if not keys:
        return {}
    query = Q()
    for (metric, scope_type, scope_value), (start, end) in keys.items():
        query |= Q(
            metric=metric, scope_type=scope_type, scope_value=scope_value, day__gte=start, day__lte=end
        )
    daily = defaultdict(dict)
    for metric, scope_type, scope_value, day, value in DailyCount.objects.filter(query).values_list(
        "metric", "scope_type", "scope_value", "day", "value"
    ):
        daily[(metric, scope_type, scope_value)][day] = value
    return daily


def cumulative_series(daily, start, end):
    """{day: running total} for every day from ``start`` to ``end`` (inclusive)."""
    series, total, day = {}, Decimal(0), start
    while day <= end:
        total += daily.get(day, 0)
        series[day] = total
        day += timedelta(days=1)
    return series


def progress_of(targets, today=None):
    """Return a :class:`TargetProgress` for each target, in the same order."""
    today = today or timezone.localdate()
    targets = list(targets)
    daily = _daily_rows(targets, today)
    result = []
    for target in targets:
        end = min(target.deadline, today)
        series = cumulative_series(daily.get(target.scope_key, {}), target.period_start, end)
        result.append(
            TargetProgress(
                target=target,
                cumulative=series,
                forecast=forecast(series, target.goal, target.period_start, target.deadline, today),
                milestones=list(target.milestones.all()),
            )
        )
    return result


def breakdown(metric, scope_type, start=None, end=None):
    """Totals of ``metric`` per value of ``scope_type`` (e.g. people reached per district)."""
    rows = DailyCount.objects.filter(metric=metric, scope_type=scope_type)
    if start:
        rows = rows.filter(day__gte=start)
    if end:
        rows = rows.filter(day__lte=end)
    return list(
        rows.values_list("scope_value").annotate(total=Sum("value")).order_by("-total", "scope_value")
    )

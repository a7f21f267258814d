"""The staff dashboard: every target, its burn-up chart, breakdowns by scope, a CSV download."""

import csv

from django.http import StreamingHttpResponse
from django.shortcuts import render

from ..keyset import pages
from ..metrics import Metric, ScopeType
from ..models import FacilitationPoint, Target
from ..sections import target_section
from ..series import breakdown, progress_of
from .access import staff_required

BREAKDOWN_SCOPES = (
    ScopeType.DISTRICT,
    ScopeType.PARTNER,
    ScopeType.POINT,
    ScopeType.ORGANISATION,
    ScopeType.COURSE,
    ScopeType.SCHOOL,
)


def scope_label(scope_type, scope_value, point_names):
    if scope_type == ScopeType.PROGRAMME:
        return ScopeType.PROGRAMME.label
    if scope_type == ScopeType.POINT:
        return point_names.get(scope_value, scope_value)
    return scope_value


def point_names():
    return {str(pk): name for pk, name in FacilitationPoint.objects.values_list("pk", "name")}


# Shown open on the dashboard besides the first target: those at risk, which a push can still save.
# The others are a heading and one line each (status, value, deadline), opened on demand.
OPEN_STATUSES = ("at_risk",)


def decorate(items, names, suppressed=None):
    """Each item's scope label, whether it is shown open, and its rendered section
    (``suppressed(item)``: hide its figure)."""
    for index, item in enumerate(items):
        item.open = index == 0 or item.forecast.status in OPEN_STATUSES
        item.scope = scope_label(item.target.scope_type, item.target.scope_value, names)
        item.suppressed = bool(suppressed and suppressed(item))
        item.section = target_section(item)
    return items


@staff_required
def dashboard(request):
    names = point_names()
    items = decorate(progress_of(Target.objects.prefetch_related("milestones")), names)
    metric = request.GET.get("metric")
    metric = Metric(metric) if metric in Metric.values else Metric.PEOPLE_REACHED
    breakdowns = []
    for scope_type in BREAKDOWN_SCOPES:
        rows = [
            (scope_label(scope_type, value, names), total) for value, total in breakdown(metric, scope_type)
        ]
        if rows:
            breakdowns.append((scope_type.label, rows))
    return render(
        request,
        "fd_progress/dashboard.html",
        {
            "items": items,
            "metric": metric,
            "metrics": Metric.choices,
            "breakdowns": breakdowns,
        },
    )


TARGET_FIELDS = [
    "id", "title_it", "title_en", "metric", "scope_type", "scope", "period_start", "deadline", "goal", "value",
    "percent", "expected_at_deadline", "weekly_rate_needed", "status",
]
CSV_CHUNK = 500  # targets read (and their progress computed) at a time: memory stays flat with the row count


class _Echo:
    def write(self, value):
        return value


def target_rows(names):
    """One CSV row per target, read ``CSV_CHUNK`` targets at a time by primary key."""
    for page in pages(Target.objects.prefetch_related("milestones").order_by("pk"), CSV_CHUNK):
        yield from _rows(page, names)


def _rows(targets, names):
    for item in progress_of(targets):
        target, forecast = item.target, item.forecast
        yield [
            target.pk, csv_safe(target.title_it), csv_safe(target.title_en), target.metric, target.scope_type,
            csv_safe(scope_label(target.scope_type, target.scope_value, names)), target.period_start,
            target.deadline, target.goal, round(item.value, 2), round(item.percent, 1), round(forecast.expected, 2),
            round(forecast.weekly_needed, 2), forecast.status,
        ]


@staff_required
def targets_csv(request):
    """Streamed: rows go out as they are made, so a region's many targets never sit in memory at once."""
    writer = csv.writer(_Echo())
    names = point_names()

    def lines():
        yield writer.writerow(TARGET_FIELDS)
        for row in target_rows(names):
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="fd-progress-targets.csv"'
    return response


def csv_safe(text):
    """Keep spreadsheet programs from running author text as a formula."""
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text

"""The daily snapshot: each target's value and forecast, kept as history (one row a day)."""


from django.db import connection
from django.utils import timezone

from .forecast import as_decimal
from .models import Target, TargetSnapshot
from .series import progress_of


def take_snapshots(today=None):
    """Upsert today's snapshot of every target still open (or closed today); return how many."""
    today = today or timezone.localdate()
    targets = Target.objects.filter(period_start__lte=today, deadline__gte=today).prefetch_related(
        "milestones"
    )
    rows = [
        TargetSnapshot(
            target=item.target,
            day=today,
            value=as_decimal(item.value),
            forecast=as_decimal(item.forecast.expected),
            status=item.forecast.status,
        )
        for item in progress_of(targets, today)
    ]
    options = {"update_conflicts": True, "update_fields": ["value", "forecast", "status"]}
    if connection.features.supports_update_conflicts_with_target:
        options["unique_fields"] = ["target", "day"]
    TargetSnapshot.objects.bulk_create(rows, **options)
    return len(rows)

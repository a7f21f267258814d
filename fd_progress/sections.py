"""Each target's section of the dashboard and the public page, rendered once per fingerprint.

A section (figures, burn-up chart, the chart's data table) shows only what its fingerprint holds:
the chart's fingerprint (series, milestones, forecast, title, description, day, language) plus
the scope, percentage, weekly pace, status and whether the figure is suppressed. New counts, a
new day, an edited target or another language give another key: nothing to invalidate.
"""

import hashlib
import json

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .burn_up_chart import CHART_CACHE_SECONDS, cached_burn_up_svg, chart_fingerprint, table_rows

SECTION_VERSION = 2  # raise when _target.html changes, so sections cached before are not reused


def section_key(item):
    forecast = item.forecast
    shown = [
        SECTION_VERSION, chart_fingerprint(item, chart_id(item)), item.scope, item.percent, forecast.weekly_needed,
        forecast.status, getattr(item, "suppressed", False), float(item.target.goal), getattr(item, "open", False),
        item.value, str(item.target.deadline), str(item.target.period_start),
    ]
    return "fd_progress:section:" + hashlib.sha256(json.dumps(shown, default=str).encode()).hexdigest()


def chart_id(item):
    return f"chart-{item.target.pk}"


def target_section(item):
    """The rendered ``fd_progress/_target.html`` of ``item`` (cached under its fingerprint)."""
    key = section_key(item)
    html = cache.get(key)
    if html is None:
        item.chart = cached_burn_up_svg(item, chart_id(item))
        item.rows = table_rows(item)
        html = str(render_to_string("fd_progress/_target.html", {"item": item}))
        cache.set(key, html, CHART_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308  (our own template's output, autoescaped when rendered)

"""Burn-up charts (pygal, SVG) that a screen reader can announce, plus the same data as rows.

Drawing a chart costs far more than everything else on the dashboard, and a chart changes only
when what it draws changes (a new day, new counts, an edited target) or the language does. So
``cached_burn_up_svg`` keeps each chart in Django's cache under a fingerprint of exactly what it
draws, in the page's language: a change in the counts makes a new key, so there is nothing to
invalidate, and old keys expire. See docs/decisions/ (dashboard chart cache).
"""

import hashlib
import json
from datetime import timedelta

import pygal
from django.core.cache import cache
from django.utils.formats import date_format, number_format
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from pygal.style import Style

STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#1a1a1a",
    foreground_strong="#000000",
    foreground_subtle="#4d4d4d",
    opacity="1",
    opacity_hover="1",
    colors=("#0b4f8a", "#1a1a1a", "#8a4b00", "#6b2f8a"),
    guide_stroke_color="#d0d0d0",
    major_guide_stroke_color="#b0b0b0",
    font_family="sans-serif",
)


def weekly_points(cumulative):
    """The cumulative series sampled every seventh day, always ending on its last day."""
    days = sorted(cumulative)
    if not days:
        return []
    picked = days[::7]
    if picked[-1] != days[-1]:
        picked.append(days[-1])
    return [(day, float(cumulative[day])) for day in picked]


def table_rows(item):
    """Rows (week ending, actual, milestone due) for the accessible data table."""
    milestones = {milestone.date: float(milestone.value) for milestone in item.milestones}
    rows = []
    for day, value in weekly_points(item.cumulative):
        due = [amount for when, amount in milestones.items() if day - timedelta(days=7) < when <= day]
        rows.append((day, value, due[-1] if due else None))
    return rows


def describe(item):
    target, forecast = item.target, item.forecast
    return _(
        "Burn-up chart from %(start)s to %(deadline)s. Value today: %(value)s of %(goal)s. "
        "Expected at the deadline at the current pace: %(expected)s. Status: %(status)s."
    ) % {
        "start": date_format(target.period_start),
        "deadline": date_format(target.deadline),
        "value": number_format(round(item.value), force_grouping=True),
        "goal": number_format(round(float(target.goal)), force_grouping=True),
        "expected": number_format(round(forecast.expected), force_grouping=True),
        "status": forecast.status_label,
    }


CHART_CACHE_SECONDS = 2 * 24 * 3600  # a chart's fingerprint holds today's date: it is redrawn the next day anyway
CHART_VERSION = 1  # raise when burn_up_svg draws differently, so charts cached before are not reused


def chart_fingerprint(item, chart_id):
    """A hash of everything the chart shows (its series, labels and text), in the active language."""
    target, forecast = item.target, item.forecast
    drawn = [
        CHART_VERSION, get_language(), chart_id, target.title, describe(item), target.period_start, target.deadline,
        float(target.goal), weekly_points(item.cumulative), [(m.date, float(m.value)) for m in item.milestones],
        forecast.expected,
    ]
    return hashlib.sha256(json.dumps(drawn, default=str, ensure_ascii=False).encode()).hexdigest()


def cached_burn_up_svg(item, chart_id):
    """``burn_up_svg``, drawn once per fingerprint (the target's counts, day and language)."""
    key = f"fd_progress:chart:{chart_fingerprint(item, chart_id)}"
    svg = cache.get(key)
    if svg is None:
        svg = burn_up_svg(item, chart_id)
        cache.set(key, svg, CHART_CACHE_SECONDS)
    return svg


def burn_up_svg(item, chart_id):
    """Inline SVG with role="img", a <title> and a <desc>: actual, goal, milestones, forecast."""
    target, forecast = item.target, item.forecast
    label_format = "j M" if (target.deadline - target.period_start).days < 120 else "M Y"
    chart = pygal.DateLine(
        disable_xml_declaration=True,
        js=[],
        style=STYLE,
        width=760,
        height=320,
        show_legend=True,
        legend_at_bottom=True,
        x_label_rotation=0,
        truncate_label=-1,
        dots_size=2,
        no_data_text="",
        x_value_formatter=lambda day: date_format(day, label_format),
        show_x_guides=False,
    )
    actual = weekly_points(item.cumulative)
    chart.add(_("Actual"), actual)
    chart.add(
        _("Goal"),
        [(target.period_start, float(target.goal)), (target.deadline, float(target.goal))],
        show_dots=False,
        stroke_style={"width": 3},
    )
    if item.milestones:
        chart.add(
            _("Milestones"), [(m.date, float(m.value)) for m in item.milestones], stroke=False, dots_size=5
        )
    if actual and actual[-1][0] < target.deadline:
        chart.add(
            _("Forecast"),
            [actual[-1], (target.deadline, forecast.expected)],
            show_dots=False,
            stroke_style={"width": 2, "dasharray": "6, 4"},
        )
    svg = chart.render(is_unicode=True)
    head_end = svg.index(">") + 1
    label = (
        f'<title id="{chart_id}-title">{escape(target.title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(describe(item))}</desc>'
    )
    opening = svg[:head_end].replace(
        "<svg ", f'<svg role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false" ', 1
    )
    return opening + label + svg[head_end:]

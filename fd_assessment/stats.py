"""Anonymous statistics, kept incrementally: completing an attempt adds it to eight ``StatsCell``
rows (its course, month and cohort, and the "*" totals over each of them), so a statistics page
reads a few rows whatever the number of attempts: no recount, ever.

Every group smaller than ``fd_core.privacy.MIN_GROUP_SIZE`` people is suppressed.
"""
import csv
import io
import itertools
import re

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from fd_core.privacy import is_suppressed, suppress

from .errors import StatisticsFilterError
from .framework import titles
from .models import StatsCell

PERIOD_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
ALL = "all"
STANDALONE = "standalone"
ANY = StatsCell.ANY


def dimensions(result):
    """``[(dimension, {"score", "level8", ...}), ...]``: competences, areas ("a1") and "all"."""
    dims = list(result["competences"].items())
    dims += [(f"a{aid}", entry) for aid, entry in result["areas"].items()]
    dims.append((ALL, result["overall"]))
    return dims


def cell_keys(course, period, cohort, kind):
    """The eight cells a completion adds to, in a fixed order (so concurrent updates cannot deadlock)."""
    combos = sorted(set(itertools.product((course, ANY), (period, ANY), (cohort, ANY))))
    return [{"course": c, "period": p, "cohort": h, "kind": kind} for c, p, h in combos]


def add_to_cell(cell, result, first_result=None):
    """Add one completed attempt's result (and its growth since the first) to a cell, in memory."""
    cell.attempts += 1
    before = dict(dimensions(first_result)) if first_result else {}
    for dim, entry in dimensions(result):
        counts = cell.levels.setdefault(dim, [0] * 8)
        counts[entry["level8"] - 1] += 1
        cell.score_sums[dim] = round(cell.score_sums.get(dim, 0) + entry["score"], 3)
        if dim in before:
            n, total = cell.growth.get(dim, [0, 0])
            cell.growth[dim] = [n + 1, round(total + entry["score"] - before[dim]["score"], 3)]


def record_completion(attempt, first_result=None):
    """Add a completed attempt to its eight cells (inside the completing transaction)."""
    kind = "first" if attempt.attempt_number == 1 else "retake"
    course = str(attempt.course_key or "")
    period = attempt.completed.strftime("%Y-%m")
    for keys in cell_keys(course, period, attempt.cohort, kind):
        try:
            cell = StatsCell.objects.select_for_update().get(**keys)  # the unique index, no ORDER BY
        except StatsCell.DoesNotExist:
            try:
                with transaction.atomic():
                    cell = StatsCell.objects.create(**keys)
            except IntegrityError:  # created meanwhile by another completion
                cell = StatsCell.objects.select_for_update().get(**keys)
        add_to_cell(cell, attempt.result, first_result)
        cell.save(update_fields=["attempts", "levels", "score_sums", "growth"])


def parse_filters(course=None, period_from=None, period_to=None, cohort=None):
    """Validate the filters people type; raise StatisticsFilterError with a clear message."""
    filters = {}
    for name, value in (("period_from", period_from), ("period_to", period_to)):
        if value:
            if not PERIOD_RE.match(value):
                raise StatisticsFilterError(
                    _("%(name)s must be a month written as YYYY-MM, for example 2026-11.") % {"name": name})
            filters[name] = value
    if course and course != ALL:
        filters["course"] = "" if course == STANDALONE else course[:191]
    if cohort and cohort != ALL:
        filters["cohort"] = cohort[:64]
    return filters


def _cells(filters):
    queryset = StatsCell.objects.filter(course=filters.get("course", ANY), cohort=filters.get("cohort", ANY))
    if "period_from" in filters or "period_to" in filters:
        queryset = queryset.exclude(period=ANY)
        if "period_from" in filters:
            queryset = queryset.filter(period__gte=filters["period_from"])
        if "period_to" in filters:
            queryset = queryset.filter(period__lte=filters["period_to"])
    else:
        queryset = queryset.filter(period=ANY)
    return queryset


def statistics(language="it", **raw_filters):
    """Level distribution (4 levels) and mean score per competence, area and overall, for first
    attempts and retakes, plus the mean growth of retakes; small groups suppressed."""
    filters = parse_filters(**raw_filters)
    table, growth = {}, {}
    for cell in _cells(filters):
        for dim, counts in cell.levels.items():
            row = table.setdefault((dim, cell.kind), {"levels8": [0] * 8, "s": 0.0})
            row["levels8"] = [a + b for a, b in zip(row["levels8"], counts, strict=True)]
            row["s"] += cell.score_sums.get(dim, 0)
        for dim, (n, total) in cell.growth.items():
            g = growth.setdefault(dim, [0, 0.0])
            g[0] += n
            g[1] += total
    people = sum(table.get((ALL, "first"), {"levels8": [0]})["levels8"])
    out = {"filters": filters, "people": suppress(people), "suppressed": is_suppressed(people) or people == 0,
           "rows": [], "growth": []}
    if out["suppressed"]:
        return out
    names = titles(language)
    for dim, kind in sorted(table, key=lambda key: (_order(key[0]), key[1])):
        row = table[(dim, kind)]
        n = sum(row["levels8"])
        levels4 = [row["levels8"][2 * i] + row["levels8"][2 * i + 1] for i in range(4)]
        shown = not is_suppressed(n)
        out["rows"].append({
            "dimension": dim, "title": _title(dim, names), "kind": kind, "count": suppress(n),
            "levels4": [suppress(c) for c in levels4] if shown else [None] * 4,
            "mean_score": round(row["s"] / n, 1) if shown and n else None,
        })
    for dim in sorted(growth, key=_order):
        n, total = growth[dim]
        shown = not is_suppressed(n)
        out["growth"].append({"dimension": dim, "title": _title(dim, names), "retakes": suppress(n),
                              "mean_change": round(total / n, 1) if shown and n else None})
    return out


def _order(dim):
    """Overall first, then the areas, then the competences, each in DigComp order."""
    if dim == ALL:
        return (0, 0.0)
    if dim.startswith("a"):
        return (1, float(dim[1:]))
    return (2, float(dim))


def _title(dim, names):
    if dim == ALL:
        return _("Overall")
    return names.get(dim[1:] if dim.startswith("a") else dim, dim)


def filter_choices():
    """The courses, cohorts and periods that have statistics (for the staff page's selects)."""
    cells = StatsCell.objects.filter(kind="first")
    return {
        "courses": sorted(set(cells.exclude(course=ANY).values_list("course", flat=True))),
        "cohorts": sorted(set(cells.exclude(cohort__in=[ANY, ""]).values_list("cohort", flat=True))),
        "periods": sorted(set(cells.exclude(period=ANY).values_list("period", flat=True))),
    }


def statistics_csv(data):
    """The statistics as CSV text (suppressed cells are left empty and marked)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["dimension", "title", "kind", "count", "level_1", "level_2", "level_3", "level_4",
                     "mean_score", "note"])
    if data["suppressed"]:
        writer.writerow(["all", "", "", "", "", "", "", "", "", _("suppressed: fewer than 5 people")])
    for row in data["rows"]:
        cells = ["" if n is None else n for n in row["levels4"]]
        note = _("some cells suppressed (fewer than 5)") if None in row["levels4"] else ""
        writer.writerow([row["dimension"], row["title"], row["kind"], "" if row["count"] is None else row["count"],
                         *cells, "" if row["mean_score"] is None else row["mean_score"], note])
    for row in data["growth"]:
        writer.writerow([row["dimension"], row["title"], "growth", "" if row["retakes"] is None else row["retakes"],
                         "", "", "", "", "" if row["mean_change"] is None else row["mean_change"],
                         _("mean change since first attempt")])
    return buffer.getvalue()

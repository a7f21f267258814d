"""Anonymous statistics, kept incrementally: each completed attempt adds to a few counter rows,
so reading the statistics costs the same at 1,000 or 100,000 attempts (no recount).

Every group smaller than ``fd_core.privacy.MIN_GROUP_SIZE`` people is suppressed.
"""
import csv
import io
import re

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils.translation import gettext as _

from fd_core.privacy import is_suppressed, suppress

from .framework import titles
from .models import GrowthCounter, LevelCounter

PERIOD_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
ALL = "all"
STANDALONE = "standalone"


class StatisticsFilterError(ValueError):
    """A filter value a person can correct; the message says how."""


def _dimensions(result):
    dims = [(cid, entry) for cid, entry in result["competences"].items()]
    dims += [(f"a{aid}", entry) for aid, entry in result["areas"].items()]
    dims.append((ALL, result["overall"]))
    return dims


def _bump(model, keys, **increments):
    updates = {name: F(name) + value for name, value in increments.items()}
    if model.objects.filter(**keys).update(**updates):
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **increments)
    except IntegrityError:  # created meanwhile by another completion
        model.objects.filter(**keys).update(**updates)


def record_completion(attempt, first_result=None):
    """Add a completed attempt to the counters (called inside the completing transaction)."""
    base = {"course": str(attempt.course_key or ""), "period": attempt.completed.strftime("%Y-%m"),
            "cohort": attempt.cohort}
    kind = "first" if attempt.attempt_number == 1 else "retake"
    for dim, entry in _dimensions(attempt.result):
        _bump(LevelCounter, dict(base, dimension=dim, kind=kind, level8=entry["level8"]),
              count=1, score_sum=entry["score"])
    if first_result:
        before = dict(_dimensions(first_result))
        for dim, entry in _dimensions(attempt.result):
            if dim in before:
                _bump(GrowthCounter, dict(base, dimension=dim), count=1,
                      delta_sum=entry["score"] - before[dim]["score"])


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


def _filtered(model, filters):
    queryset = model.objects.all()
    if "course" in filters:
        queryset = queryset.filter(course=filters["course"])
    if "cohort" in filters:
        queryset = queryset.filter(cohort=filters["cohort"])
    if "period_from" in filters:
        queryset = queryset.filter(period__gte=filters["period_from"])
    if "period_to" in filters:
        queryset = queryset.filter(period__lte=filters["period_to"])
    return queryset


def statistics(language="it", **raw_filters):
    """Level distribution (4 levels) and mean score per competence, area and overall, for first
    attempts and retakes, plus the mean growth of retakes; small groups suppressed."""
    filters = parse_filters(**raw_filters)
    cells = (_filtered(LevelCounter, filters).values("dimension", "kind", "level8")
             .annotate(n=Sum("count"), s=Sum("score_sum")))
    table = {}
    for cell in cells:
        row = table.setdefault((cell["dimension"], cell["kind"]), {"levels8": [0] * 8, "n": 0, "s": 0.0})
        row["levels8"][cell["level8"] - 1] += cell["n"]
        row["n"] += cell["n"]
        row["s"] += cell["s"]
    people = table.get((ALL, "first"), {"n": 0})["n"]
    names = titles(language)
    out = {"filters": filters, "people": suppress(people), "suppressed": is_suppressed(people) or people == 0,
           "rows": [], "growth": []}
    if out["suppressed"]:
        return out
    order = {dim: n for n, dim in enumerate(list(names) + [ALL])}
    def sort_key(key):
        dim = key[0][1:] if key[0].startswith("a") else key[0]
        return (0 if key[0] == ALL else 1 if key[0].startswith("a") else 2, order.get(dim, 99), key[1])
    for (dim, kind) in sorted(table, key=sort_key):
        row = table[(dim, kind)]
        levels4 = [row["levels8"][2 * i] + row["levels8"][2 * i + 1] for i in range(4)]
        shown = not is_suppressed(row["n"])
        out["rows"].append({
            "dimension": dim, "title": _title(dim, names), "kind": kind, "count": suppress(row["n"]),
            "levels4": [suppress(n) for n in levels4] if shown else [None] * 4,
            "mean_score": round(row["s"] / row["n"], 1) if shown else None,
        })
    growth = (_filtered(GrowthCounter, filters).values("dimension")
              .annotate(n=Sum("count"), d=Sum("delta_sum")))
    for row in sorted(growth, key=lambda r: sort_key((r["dimension"], ""))):
        shown = not is_suppressed(row["n"])
        out["growth"].append({"dimension": row["dimension"], "title": _title(row["dimension"], names),
                              "retakes": suppress(row["n"]),
                              "mean_change": round(row["d"] / row["n"], 1) if shown else None})
    return out


def _title(dim, names):
    if dim == ALL:
        return _("Overall")
    return names.get(dim[1:] if dim.startswith("a") else dim, dim)


def filter_choices():
    """The courses, cohorts and periods that have statistics (for the staff page's selects)."""
    base = LevelCounter.objects.filter(dimension=ALL, kind="first")
    return {
        "courses": sorted(set(base.values_list("course", flat=True))),
        "cohorts": sorted(set(base.exclude(cohort="").values_list("cohort", flat=True))),
        "periods": sorted(set(base.values_list("period", flat=True))),
    }


def statistics_csv(data):
    """The statistics as CSV text (suppressed cells are left empty and marked)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["dimension", "title", "kind", "count", "level_1", "level_2", "level_3",
                     "level_4", "mean_score", "note"])
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

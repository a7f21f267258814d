"""Watched intervals: validation, merging, coverage and the real-time plausibility check.

A learner's browser reports the media intervals it actually played since its last report.
The server keeps the union of all accepted intervals; the pill is complete when that union
covers the author's threshold of the duration. The union (the coverage) can only grow as fast as
the video plays at the top speed: since the learner's first report, coverage may have grown by at
most ``(now - first report) x MAX_SPEED + SLACK_SECONDS``. The grace is given once per learner, not
once per report, so sending many small reports quickly buys nothing; rewatching adds no coverage
and so spends no budget; a pause (or a night) only lets the learner catch up on what was really
played meanwhile.
"""
import math

from .errors import N_, PillInputError

MAX_SPEED = 2.0
SPEEDS = (0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
# Seconds of grace, once per learner, for network delay and clock granularity.
SLACK_SECONDS = 4.0
# A report may end this many seconds past the declared duration (encoders round up).
END_TOLERANCE = 1.0
MAX_INTERVALS_PER_REPORT = 200
# Rounding room for the comparison: Unix times near 1.8e9 s carry only about 2.4e-7 s of precision
# (a float's 53 bits), so "now - first report" can come out a few tenths of a microsecond short.
CLOCK_ROUNDING_SECONDS = 1e-6


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def parse_intervals(raw, duration):
    """Validate a report's intervals: a list of [start, end] pairs of seconds inside the video."""
    if not isinstance(raw, list):
        raise PillInputError(N_("Watched intervals must be a list of [start, end] pairs."), "intervals")
    if len(raw) > MAX_INTERVALS_PER_REPORT:
        raise PillInputError(
            N_("Too many intervals in one report (at most {limit})."), "intervals",
            limit=MAX_INTERVALS_PER_REPORT,
        )
    limit = duration + END_TOLERANCE
    intervals = []
    for pair in raw:
        if not (isinstance(pair, (list, tuple)) and len(pair) == 2 and all(is_number(x) for x in pair)):
            raise PillInputError(N_("Each watched interval must be a pair of numbers of seconds."),
                                 "intervals")
        start, end = float(pair[0]), float(pair[1])
        if start < 0 or end < start or end > limit:
            raise PillInputError(
                N_("The interval {start}-{end} is outside the video (0-{duration} seconds)."), "intervals",
                start=round(start, 2), end=round(end, 2), duration=round(duration, 2),
            )
        intervals.append((start, min(end, duration)))
    return intervals


def merge(intervals):
    """Union of intervals as a sorted list of disjoint [start, end] lists (empty ones dropped)."""
    merged = []
    for start, end in sorted((float(s), float(e)) for s, e in intervals if e > s):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def covered_seconds(intervals):
    return sum(end - start for start, end in merge(intervals))


def claimed_seconds(intervals):
    """Media seconds a report claims were played (overlaps count: each is play time)."""
    return sum(end - start for start, end in intervals)


def allowed_growth(elapsed_wall_seconds):
    """The most coverage (media seconds) real time allows since the first report, at the top speed."""
    return max(0.0, elapsed_wall_seconds) * MAX_SPEED + SLACK_SECONDS


def within_budget(watched, reported, started_at, covered_at_start, now):
    """True when adding ``reported`` to ``watched`` keeps the coverage growth since the learner's
    first report (``started_at``, when the coverage was ``covered_at_start`` seconds) in real time."""
    grown = covered_seconds(list(watched) + list(reported)) - covered_at_start
    return grown <= allowed_growth(now - started_at) + CLOCK_ROUNDING_SECONDS


def reached(watched, moment, tolerance=1.0):
    """True when the watched intervals include ``moment`` (give or take ``tolerance`` seconds)."""
    return any(start - tolerance <= moment <= end + tolerance for start, end in watched)


def coverage(intervals, duration):
    """Fraction (0..1) of the duration covered by the union of intervals."""
    if duration <= 0:
        return 0.0
    return min(1.0, covered_seconds(intervals) / duration)

"""Watched intervals: validation, merging, coverage and the real-time plausibility check.

A learner's browser reports the media intervals it actually played since its last report.
The server keeps the union of all accepted intervals; the pill is complete when that union
covers the author's threshold of the duration. A report claiming more media seconds than the
wall-clock time since the previous report allows at the top speed is impossible and refused.
"""
import math

from .errors import N_, PillInputError

MAX_SPEED = 2.0
SPEEDS = (0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
# Seconds of grace for network delay and clock granularity on each report.
SLACK_SECONDS = 4.0
# A report may end this many seconds past the declared duration (encoders round up).
END_TOLERANCE = 1.0
MAX_INTERVALS_PER_REPORT = 200


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


def allowed_seconds(elapsed_wall_seconds):
    """The most media seconds real time allows since the previous report, at the top speed."""
    return max(0.0, elapsed_wall_seconds) * MAX_SPEED + SLACK_SECONDS


def is_plausible(intervals, elapsed_wall_seconds):
    return claimed_seconds(intervals) <= allowed_seconds(elapsed_wall_seconds)


def coverage(intervals, duration):
    """Fraction (0..1) of the duration covered by the union of intervals."""
    if duration <= 0:
        return 0.0
    return min(1.0, covered_seconds(intervals) / duration)

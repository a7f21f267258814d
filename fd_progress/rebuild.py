"""Recount everything from the sources, independently of the live, incremental path.

1. Back-fill the event log from the sources the platform keeps: users (registrations), the
   ``BlockCompletion`` rows of our block types, training sessions with their attendance and
   head counts, and the one-to-one assistance logs. Events already in the log are skipped by
   their ``dedup_key``. The log itself is the source for enrolments, self-assessments and
   badges (the platform's own tables for those are not public contracts).
2. Recount: read every event once, keep each person's earliest day per metric and scope, sum
   the amounts per day, and replace all counters in one transaction under the counter lock.
"""

from collections import defaultdict
from decimal import Decimal

from completion.models import BlockCompletion
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Sum

from . import ingest
from .contributions import EVENT_FIELDS
from .counting import accumulate, as_date, insert_daily, insert_people, lock_counters, mark_processed
from .metrics import COUNTED_BLOCK_TYPES, EventKind
from .models import (
    ActivityEvent,
    AssistanceLog,
    CountedPerson,
    DailyCount,
    SessionAttendance,
    TrainingSession,
)

CHUNK = 5000


class _Writer:
    """Collects events and saves them in chunks, skipping those already in the log."""

    def __init__(self):
        self.batch = []

    def add(self, event):
        self.batch.append(event)
        if len(self.batch) >= CHUNK:
            self.flush()

    def flush(self):
        ingest.save_events(self.batch, schedule=False)
        self.batch = []


def _progress(iterable, total, desc, progress):
    return progress(iterable, total=total, desc=desc, unit="row") if progress else iterable


def backfill(progress=None):
    """Add to the log every event the sources know and the log does not."""
    writer = _Writer()
    prefix = getattr(settings, "FD_PROGRESS_RETIRED_USERNAME_PREFIX", "retired__user_")
    users = get_user_model().objects.exclude(username__startswith=prefix)
    for user_id, joined in _progress(
        users.values_list("id", "date_joined").iterator(chunk_size=CHUNK), users.count(), "users", progress
    ):
        writer.add(
            ingest.build_event(EventKind.REGISTRATION, (user_id,), ingest.local_day(joined), user_id=user_id)
        )
    completions = BlockCompletion.objects.filter(block_type__in=COUNTED_BLOCK_TYPES, completion__gte=1.0)
    rows = completions.values_list("user_id", "block_key", "context_key", "modified")
    for user_id, block_key, course_key, when in _progress(
        rows.iterator(chunk_size=CHUNK), completions.count(), "completions", progress
    ):
        writer.add(
            ingest.build_event(
                EventKind.COMPLETION,
                (user_id, block_key),
                ingest.local_day(when),
                user_id=user_id,
                course_key=course_key,
            )
        )
    logged_heads = dict(
        ActivityEvent.objects.filter(kind=EventKind.HEAD_COUNT)
        .values("session_id")
        .annotate(total=Sum("head_count"))
        .values_list("session_id", "total")
    )
    sessions = TrainingSession.objects.select_related("facilitation_point")
    attendance = defaultdict(list)
    for session_id, user_id in SessionAttendance.objects.values_list("session_id", "user_id").iterator():
        attendance[session_id].append(user_id)
    for session in _progress(sessions.iterator(), sessions.count(), "sessions", progress):
        writer.add(ingest.session_event(session))
        for user_id in attendance[session.pk]:
            writer.add(ingest.attendance_event(session, user_id))
        logged = logged_heads.get(session.pk) or 0
        if logged != session.head_count:
            writer.add(
                ingest.head_count_event(
                    session, session.head_count - logged, f"rebuild:{logged}->{session.head_count}"
                )
            )
    logs = AssistanceLog.objects.select_related("facilitation_point")
    for entry in _progress(logs.iterator(), logs.count(), "assistance", progress):
        writer.add(ingest.assistance_event(entry))
    writer.flush()


def _event_rows():
    """Every event as ``(id, processed, *EVENT_FIELDS)``, in id order: a plain cursor read in
    chunks, the day and the amount made a ``date`` and a ``Decimal`` as the ORM would (SQLite
    returns them as text and numbers), without its converters' cost per value."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(name) for name in ("id", "processed", *EVENT_FIELDS))
    day, amount = 2 + EVENT_FIELDS.index("day"), 2 + EVENT_FIELDS.index("amount")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {quote(ActivityEvent._meta.db_table)} ORDER BY {quote('id')}")  # noqa: S608
        while chunk := cursor.fetchmany(CHUNK):
            for row in chunk:
                row = list(row)
                row[day] = as_date(row[day])
                if not isinstance(row[amount], Decimal):
                    row[amount] = Decimal(str(row[amount]))
                yield row


def recount(progress=None):
    """Replace every counter by a full recount of the event log; return the number of events read."""
    people, amounts = {}, defaultdict(Decimal)
    with transaction.atomic():
        lock_counters()
        skip = connection.features.has_select_for_update_skip_locked
        # Pending rows a live worker has already claimed are left to it; every other row is ours.
        pending = ActivityEvent.objects.filter(processed=False)
        pending = pending.select_for_update(skip_locked=True) if skip else pending.select_for_update()
        ours = set(pending.values_list("id", flat=True))
        events = ActivityEvent.objects.filter(processed=True).count() + len(ours)
        for row in _progress(_event_rows(), events, "recount", progress):
            if not row[1] and row[0] not in ours:
                continue
            accumulate(people, amounts, *row[2:])
        for (metric, scope_type, scope_value, _user), day in people.items():
            amounts[(metric, scope_type, scope_value, day)] += 1
        CountedPerson.objects.all().delete()
        DailyCount.objects.all().delete()
        # The tables are empty now: plain multi-row inserts, no model instance per row.
        insert_people([(*key, day) for key, day in people.items()], chunk=CHUNK)
        insert_daily(amounts, chunk=CHUNK)
        mark_processed(sorted(ours), chunk=CHUNK)
    return events


def rebuild(progress=None):
    backfill(progress)
    return recount(progress)

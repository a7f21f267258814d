"""Recording events: one compact, de-duplicated row each, processed later in batches.

Every function here writes inside the caller's transaction and asks for a batch run once that
transaction commits. If the broker is down the row simply stays pending: the sweep task or the
``fd_progress_rebuild`` command processes it later, so nothing is lost.
"""

import hmac
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django.conf import settings
from django.db import connection, transaction
from django.db.models.constants import OnConflict
from django.utils import timezone

from fd_core import batching
from fd_core.queueing import BrokerGate

from .metrics import EventKind
from .models import ActivityEvent


def dedup_key(*parts):
    """A keyed hash of the event's natural key: the same event always gives the same key.

    ``hmac.digest`` is the one-shot (OpenSSL) form of ``hmac.new(...).hexdigest()``: same value,
    without building an HMAC object per event."""
    natural = "\x1f".join(str(part) for part in parts)
    return hmac.digest(settings.SECRET_KEY.encode(), natural.encode(), "sha256").hex()


def local_day(when=None):
    when = when or timezone.now()
    if timezone.is_aware(when):
        return timezone.localdate(when)
    return when.date()


class Event(NamedTuple):
    """One event as it is written to the log: the columns of :class:`ActivityEvent` that
    :func:`build_event` fills, in the order of ``EVENT_COLUMNS``.

    A plain tuple, not a model instance: a model's ``__init__`` (its field loop and the
    ``pre_init``/``post_init`` signals) cost more than the whole insert of the row."""

    kind: str
    dedup_key: str
    user_id: int | None
    day: date
    course_key: str
    organisation: str
    partner: str
    district: str
    point_id: int | None
    school: str
    session_id: int | None
    amount: Decimal | int
    head_count: int


def build_event(
    kind,
    natural_key,
    day,
    user_id=None,
    course_key="",
    organisation="",
    partner="",
    district="",
    point_id=None,
    school="",
    amount=1,
    head_count=0,
    session_id=None,
):
    return Event(
        kind,
        dedup_key(kind, *natural_key),
        user_id,
        day,
        str(course_key or "")[:191],
        (organisation or "")[:100],
        (partner or "")[:100],
        (district or "")[:100],
        point_id,
        (school or "")[:100],
        session_id,
        amount,
        head_count,
    )


EVENT_COLUMNS = (*Event._fields, "processed", "created")


def save_events(events, schedule=True, chunk=5000):
    """Insert events, silently skipping those already recorded (the unique ``dedup_key``).

    One multi-row ``INSERT`` that ignores conflicts (``INSERT IGNORE`` on MariaDB/MySQL, ``OR
    IGNORE`` on SQLite, ``ON CONFLICT DO NOTHING`` on PostgreSQL) through the driver's
    ``executemany``, so a million events do not pay the ORM's per-value cost. Inside a
    ``fd_core.batching.batch()`` (a sender announcing many things at once) the rows are written
    together when the batch ends, in the same transaction.
    """
    if not events:
        return 0
    if not batching.defer(_insert_events, events):
        _insert_events(events, chunk)
    if schedule:
        schedule_processing()
    return len(events)


def _insert_sql():
    ops, quote = connection.ops, connection.ops.quote_name
    fields = [ActivityEvent._meta.get_field(name) for name in EVENT_COLUMNS]
    sql = "{} {} ({}) VALUES ({}){}".format(
        ops.insert_statement(on_conflict=OnConflict.IGNORE),
        quote(ActivityEvent._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
        ops.on_conflict_suffix_sql(fields, OnConflict.IGNORE, None, None) or "",
    )
    return sql, fields


def _insert_events(events, chunk=5000):
    """The rows as the driver takes them: each :class:`Event`'s plain values (strings, ints, dates,
    decimals) then ``processed`` and ``created``, not one ORM ``get_db_prep_save`` per value,
    which costs more than the database's insert."""
    sql, fields = _insert_sql()
    now = fields[-1].get_db_prep_save(timezone.now(), connection)
    rows = [(*event, False, now) for event in events]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), chunk):
            cursor.executemany(sql, rows[start : start + chunk])


def schedule_processing():
    """Ask for a batch run once the current transaction commits: once a transaction, however many
    events it records (a batch of awards announces each award, and each records one event)."""
    if connection.in_atomic_block:
        active = set(connection.savepoint_ids)
        for entry in connection.run_on_commit:
            # Registered in this transaction's still-open savepoints: it runs whenever ours would.
            if entry[1] is _enqueue and set(entry[0]) <= active:
                return
    transaction.on_commit(_enqueue)


BROKER = BrokerGate("fd_progress", "FD_PROGRESS_ENQUEUE_BACKOFF_SECONDS", 60)


def _enqueue():
    """Ask a worker to process pending events; during a broker outage, do not make requests wait.

    After a failed attempt no new attempt is made for ``FD_PROGRESS_ENQUEUE_BACKOFF_SECONDS``: the
    rows stay pending, and the sweep task (or a rebuild) counts them once the broker is back.
    """
    from .tasks import process_events

    BROKER.enqueue(process_events)


def registration(user_id, when=None):
    return save_events([build_event(EventKind.REGISTRATION, (user_id,), local_day(when), user_id=user_id)])


def enrollment(user_id, course_key, when=None):
    return save_events(
        [
            build_event(
                EventKind.ENROLLMENT,
                (user_id, course_key),
                local_day(when),
                user_id=user_id,
                course_key=course_key,
            )
        ]
    )


def completion(user_id, usage_key, course_key, when=None):
    return save_events(
        [
            build_event(
                EventKind.COMPLETION,
                (user_id, usage_key),
                local_day(when),
                user_id=user_id,
                course_key=course_key,
            )
        ]
    )


def assessment(user_id, attempt_id, course_key=None, when=None):
    return save_events(
        [
            build_event(
                EventKind.ASSESSMENT,
                (attempt_id,),
                local_day(when),
                user_id=user_id,
                course_key=course_key or "",
            )
        ]
    )


def badge(user_id, award_uuid, course_key=None, when=None):
    return save_events(
        [
            build_event(
                EventKind.BADGE, (award_uuid,), local_day(when), user_id=user_id, course_key=course_key or ""
            )
        ]
    )


def _session_scope(session):
    return {
        "partner": session.partner,
        "district": session.effective_district,
        "point_id": session.facilitation_point_id,
        "organisation": session.facilitation_point.organisation if session.facilitation_point_id else "",
        "school": session.school,
        "session_id": session.pk,
    }


def session_event(session):
    return build_event(EventKind.SESSION, (session.pk,), session.date, **_session_scope(session))


def attendance_event(session, user_id):
    return build_event(
        EventKind.ATTENDANCE, (session.pk, user_id), session.date, user_id=user_id, **_session_scope(session)
    )


def head_count_event(session, change, token):
    """``change`` people without an account added (or, if negative, corrected away)."""
    return build_event(
        EventKind.HEAD_COUNT, (session.pk, token), session.date, head_count=change, **_session_scope(session)
    )


def assistance_event(log_entry):
    point = log_entry.facilitation_point
    return build_event(
        EventKind.ASSISTANCE,
        (log_entry.pk,),
        log_entry.date,
        district=point.district,
        point_id=point.pk,
        organisation=point.organisation,
        amount=log_entry.hours,
        head_count=log_entry.people,
    )

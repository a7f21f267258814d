"""Live, incremental counting: pending events in, counters updated by upsert, in batches.

Exactness rests on the database, not on luck:

- the same event twice is one row (unique ``ActivityEvent.dedup_key``);
- two workers never take the same pending rows (``select_for_update(skip_locked=True)``);
- the counter writes of a batch happen while holding one lock row (``CounterLock``), so two
  batches never read and write the same counter at once;
- a person counts once per metric and scope (unique ``CountedPerson``), on the earliest day
  seen: an event that arrives late with an earlier day moves that person to the earlier day.
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db import connection, transaction

from .contributions import EVENT_FIELDS, contributions
from .models import ActivityEvent, CountedPerson, CounterLock, DailyCount

COUNTER_LOCK = "counters"


def lock_counters():
    """Take the counter lock for the rest of the current transaction."""
    CounterLock.objects.get_or_create(name=COUNTER_LOCK)
    CounterLock.objects.select_for_update().get(name=COUNTER_LOCK)


def accumulate(people, amounts, *event):
    """Add one event's contributions: each person's earliest day, and the amounts per day."""
    event_people, event_amounts = contributions(*event)
    for metric, scope_type, scope_value, user_id, day in event_people:
        key = (metric, scope_type, scope_value, user_id)
        if key not in people or day < people[key]:
            people[key] = day
    for metric, scope_type, scope_value, day, value in event_amounts:
        amounts[(metric, scope_type, scope_value, day)] += value


def claim_pending(batch_size):
    skip = connection.features.has_select_for_update_skip_locked
    query = ActivityEvent.objects.filter(processed=False).order_by("id")
    query = query.select_for_update(skip_locked=True) if skip else query.select_for_update()
    return list(query.values_list("id", *EVENT_FIELDS)[:batch_size])


def process_pending(batch_size=1000):
    """Process up to ``batch_size`` pending events; return how many were processed."""
    CounterLock.objects.get_or_create(name=COUNTER_LOCK)
    with transaction.atomic():
        rows = claim_pending(batch_size)
        if not rows:
            return 0
        lock_counters()
        people, amounts = {}, defaultdict(Decimal)
        for row in rows:
            accumulate(people, amounts, *row[1:])
        _count_people(people, amounts)
        upsert_daily(amounts)
        mark_processed([row[0] for row in rows])
        return len(rows)


def mark_processed(ids, chunk=5000):
    """``processed = true`` on the events with these ids: a plain ``UPDATE ... WHERE id IN`` a
    chunk at a time, without the ORM's preparation of each id."""
    quote = connection.ops.quote_name
    table, processed = quote(ActivityEvent._meta.db_table), quote("processed")
    with connection.cursor() as cursor:
        for start in range(0, len(ids), chunk):
            part = ids[start : start + chunk]
            cursor.execute(
                f"UPDATE {table} SET {processed} = %s WHERE {quote('id')} IN ({', '.join(['%s'] * len(part))})",  # noqa: S608
                [True, *part],
            )


def _count_people(people, deltas):
    """Count new people, move people seen earlier than before; record the changes in ``deltas``."""
    if not people:
        return
    known = counted_people(list(people))
    new, moved = [], []
    for key, day in people.items():
        metric, scope_type, scope_value, user_id = key
        person = known.get(key)
        if person is None:
            new.append((metric, scope_type, scope_value, user_id, day))
            deltas[(metric, scope_type, scope_value, day)] += 1
        elif day < person[1]:
            deltas[(metric, scope_type, scope_value, person[1])] -= 1
            deltas[(metric, scope_type, scope_value, day)] += 1
            moved.append(CountedPerson(id=person[0], first_day=day))
    insert_people(new)
    if moved:
        CountedPerson.objects.bulk_update(moved, ["first_day"], batch_size=2000)


PERSON_COLUMNS = ("metric", "scope_type", "scope_value", "user_id")


def _rows_with_keys(model, key_columns, value_columns, keys, chunk):
    """Rows of ``model`` whose ``key_columns`` are exactly one of ``keys``, read with a plain
    cursor, about ``chunk`` keys a statement. Yields ``key_values + value_values`` tuples as the
    driver returns them.

    The keys are grouped by all their columns but the last (a batch touches a few dozen metrics and
    scopes), and each group is asked as equalities on those columns and an ``IN`` list on the last
    one: point lookups in the unique index that every database plans well, where a row-value
    ``IN`` of a thousand tuples costs MariaDB more to plan than to read."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in key_columns)
    values = ", ".join(quote(column) for column in value_columns)
    table = quote(model._meta.db_table)
    prefix = " AND ".join(f"{quote(column)} = %s" for column in key_columns[:-1])
    last = quote(key_columns[-1])
    groups = defaultdict(list)
    for key in keys:
        groups[key[:-1]].append(key[-1])
    statements, clauses, params, size = [], [], [], 0
    for head, tails in groups.items():
        for start in range(0, len(tails), chunk):
            part = tails[start : start + chunk]
            clauses.append(f"({prefix} AND {last} IN ({', '.join(['%s'] * len(part))}))")
            params.extend((*head, *part))
            size += len(part)
            if size >= chunk:
                statements.append((clauses, params))
                clauses, params, size = [], [], 0
    if clauses:
        statements.append((clauses, params))
    with connection.cursor() as cursor:
        for clauses, params in statements:
            cursor.execute(f"SELECT {columns}, {values} FROM {table} WHERE {' OR '.join(clauses)}", params)  # noqa: S608
            yield from cursor.fetchall()


def as_date(value):
    """A date column's value as a ``date`` (SQLite returns ISO text)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def counted_people(keys, chunk=1000):
    """{(metric, scope_type, scope_value, user_id): (id, first_day)} of the people already counted
    with exactly these keys."""
    return {(metric, scope_type, scope_value, user_id): (pk, as_date(first_day))
            for metric, scope_type, scope_value, user_id, pk, first_day
            in _rows_with_keys(CountedPerson, PERSON_COLUMNS, ("id", "first_day"), keys, chunk)}


def insert_people(rows, chunk=5000):
    """Insert new counted people (checked absent under the counter lock; the unique constraint guards).

    A plain multi-row ``INSERT`` through the driver's ``executemany``: the ORM's per-value
    preparation would cost more than the database does for these five plain columns.
    """
    quote = connection.ops.quote_name
    columns = ("metric", "scope_type", "scope_value", "user_id", "first_day")
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 (names quoted, values are parameters)
        quote(CountedPerson._meta.db_table), ", ".join(quote(c) for c in columns), ", ".join(["%s"] * len(columns))
    )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), chunk):
            cursor.executemany(sql, rows[start : start + chunk])


def upsert_daily(deltas):
    """Add ``deltas`` {(metric, scope_type, scope_value, day): change} to the daily counters.

    Call with the counter lock held: the current values of exactly those keys are read, then
    written back by ``INSERT ... ON DUPLICATE KEY UPDATE`` (``ON CONFLICT`` on SQLite/PostgreSQL).
    """
    deltas = {key: change for key, change in deltas.items() if change}
    if not deltas:
        return
    if connection.vendor == "mysql":
        add_daily(deltas)
        return
    current = current_values(list(deltas))
    rows = [
        DailyCount(
            metric=key[0],
            scope_type=key[1],
            scope_value=key[2],
            day=key[3],
            value=current.get(key, Decimal(0)) + change,
        )
        for key, change in deltas.items()
    ]
    write_daily(rows)


KEY_COLUMNS = ("metric", "scope_type", "scope_value", "day")


def add_daily(deltas, chunk=5000):
    """MariaDB/MySQL: add the changes in one multi-row ``INSERT ... ON DUPLICATE KEY UPDATE value =
    value + VALUES(value)`` through ``executemany``: no read of the current values, no ORM per value
    (the counter lock is held, so no other batch adds to the same counters meanwhile)."""
    quote = connection.ops.quote_name
    value = quote("value")
    columns = ", ".join(quote(column) for column in (*KEY_COLUMNS, "value"))
    sql = (
        f"INSERT INTO {quote(DailyCount._meta.db_table)} ({columns}) VALUES (%s, %s, %s, %s, %s) "  # noqa: S608
        f"ON DUPLICATE KEY UPDATE {value} = {value} + VALUES({value})"
    )
    rows = [(*key, change) for key, change in deltas.items()]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), chunk):
            cursor.executemany(sql, rows[start : start + chunk])


def current_values(keys, chunk=500):
    """{key: value} of the daily counters with exactly these (metric, scope_type, scope_value, day) keys."""
    return {(metric, scope_type, scope_value, as_date(day)): Decimal(str(value))
            for metric, scope_type, scope_value, day, value
            in _rows_with_keys(DailyCount, KEY_COLUMNS, ("value",), keys, chunk)}


def insert_daily(deltas, chunk=5000):
    """Insert daily counters {(metric, scope_type, scope_value, day): value} known to be absent
    (the rebuild, after emptying the table): a plain multi-row ``INSERT`` through ``executemany``."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in (*KEY_COLUMNS, "value"))
    sql = f"INSERT INTO {quote(DailyCount._meta.db_table)} ({columns}) VALUES (%s, %s, %s, %s, %s)"  # noqa: S608
    rows = [(*key, value) for key, value in deltas.items() if value]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), chunk):
            cursor.executemany(sql, rows[start : start + chunk])


def write_daily(rows):
    unique = ["metric", "scope_type", "scope_value", "day"]
    options = {"update_conflicts": True, "update_fields": ["value"]}
    if connection.features.supports_update_conflicts_with_target:
        options["unique_fields"] = unique
    DailyCount.objects.bulk_create(rows, batch_size=2000, **options)


def pending_count():
    return ActivityEvent.objects.filter(processed=False).count()

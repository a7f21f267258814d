"""The event log and the counters built from it.

Every receiver writes one compact :class:`ActivityEvent` (duplicates are refused by the unique
``dedup_key``); batches of pending events are turned into :class:`CountedPerson` rows (a person
once per metric and scope) and :class:`DailyCount` rows (one number per metric, scope and day).
"""

from django.db import models


class ActivityEvent(models.Model):
    """One thing that happened, reduced to what the counters need.

    ``user_id`` is not a foreign key: on retirement it is replaced by a random negative number,
    so the person still counts once but can no longer be found.

    .. pii: the user id of the person the event is about
    .. pii_types: id
    .. pii_retirement: local_api
    """

    kind = models.CharField(max_length=16)
    dedup_key = models.CharField(max_length=64, unique=True)
    user_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    day = models.DateField()
    course_key = models.CharField(max_length=191, blank=True)
    organisation = models.CharField(max_length=100, blank=True)
    partner = models.CharField(max_length=100, blank=True)
    district = models.CharField(max_length=100, blank=True)
    point_id = models.IntegerField(null=True, blank=True)
    school = models.CharField(max_length=100, blank=True)
    session_id = models.IntegerField(null=True, blank=True)
    amount = models.DecimalField(max_digits=12, decimal_places=2, default=1)
    head_count = models.IntegerField(default=0)
    processed = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["processed", "id"], name="fd_progress_event_pending")]

    def __str__(self):
        return f"{self.kind} {self.day}"


class CountedPerson(models.Model):
    """A person counted once for a metric in a scope, on the first day they were seen there.

    .. pii: the user id of the counted person (a random negative number after retirement)
    .. pii_types: id
    .. pii_retirement: local_api
    """

    metric = models.CharField(max_length=32)
    scope_type = models.CharField(max_length=16)
    scope_value = models.CharField(max_length=191, blank=True)
    user_id = models.BigIntegerField(db_index=True)
    first_day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["metric", "scope_type", "scope_value", "user_id"],
                name="fd_progress_person_once_per_scope",
            ),
        ]

    def __str__(self):
        return f"{self.metric} {self.scope_type}:{self.scope_value} since {self.first_day}"


class DailyCount(models.Model):
    """The figure of one metric in one scope on one day (people newly counted, or an amount).

    .. no_pii:
    """

    metric = models.CharField(max_length=32)
    scope_type = models.CharField(max_length=16)
    scope_value = models.CharField(max_length=191, blank=True)
    day = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=2, default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["metric", "scope_type", "scope_value", "day"],
                name="fd_progress_daily_count_once",
            ),
        ]

    def __str__(self):
        return f"{self.metric} {self.scope_type}:{self.scope_value} {self.day} = {self.value}"


class CounterLock(models.Model):
    """A single row locked while counters are written, so concurrent batches never lose an update.

    .. no_pii:
    """

    name = models.CharField(max_length=32, unique=True)

    def __str__(self):
        return self.name

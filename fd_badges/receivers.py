"""Signal receivers of fd_badges, connected by the plugin framework through signals_config
(``RECEIVERS`` in apps.py).

Each receiver records what happened in the database (in the sender's transaction, no broker
needed), then queues the evaluation with ``transaction.on_commit``. If the broker is down the
pending row stays and the periodic sweep awards what is owed.
"""
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .models import Award, BadgeRule, LearnerFact, PendingEvaluation
from .queueing import enqueue


class _Evaluations:
    """The learners whose evaluation a transaction queued, sent once it commits: one
    ``evaluate_learner`` message for each ``FD_BADGES_BATCH_SIZE`` of them, since each task also
    takes the other pending learners in batches (a demo or an import that announces a hundred
    attempts in one transaction sends one message, not a hundred evaluations of one learner)."""

    def __init__(self, user_id):
        self.user_ids = [user_id]

    def __call__(self):
        from .tasks import evaluate_learner

        learners = list(dict.fromkeys(self.user_ids))
        for user_id in learners[::settings.FD_BADGES_BATCH_SIZE]:
            enqueue(evaluate_learner, user_id)  # broker down: the sweep will pick the pending rows up


def _queue(user_id, reason):
    PendingEvaluation.objects.create(user_id=user_id, reason=reason[:191])
    if connection.in_atomic_block:
        active = set(connection.savepoint_ids)
        for entry in connection.run_on_commit:
            # Registered in this transaction's still-open savepoints: it is sent whenever ours would be.
            if isinstance(entry[1], _Evaluations) and set(entry[0]) <= active:
                entry[1].user_ids.append(user_id)
                return
    transaction.on_commit(_Evaluations(user_id))


_LARGER = {"mysql": "GREATEST({old}, VALUES({column}))", "sqlite": "MAX({old}, excluded.{column})",
           "postgresql": "GREATEST({old}, EXCLUDED.{column})"}
_NEW = {"mysql": "VALUES({column})", "sqlite": "excluded.{column}", "postgresql": "EXCLUDED.{column}"}


def _record(user_id, kind, key, value, keep_max=True):
    """Save the fact (the larger value if ``keep_max``) in one upsert statement (``ON DUPLICATE
    KEY UPDATE`` on MariaDB/MySQL, ``ON CONFLICT ... DO UPDATE`` on SQLite and PostgreSQL), as this
    runs inside the learner's request, once for every event."""
    vendor = connection.vendor
    if vendor not in _NEW:
        fact, created = LearnerFact.objects.get_or_create(user_id=user_id, kind=kind, key=key,
                                                          defaults={"value": value})
        if not created and (value > fact.value or not keep_max):
            LearnerFact.objects.filter(pk=fact.pk).update(value=value)
        return
    quote = connection.ops.quote_name
    table, column = quote(LearnerFact._meta.db_table), quote("value")
    new = (_LARGER if keep_max else _NEW)[vendor].format(old=f"{table}.{column}", column=column)
    keys = ", ".join(quote(name) for name in ("user_id", "kind", "key"))
    conflict = (f"ON DUPLICATE KEY UPDATE {column} = {new}" if vendor == "mysql"
                else f"ON CONFLICT ({keys}) DO UPDATE SET {column} = {new}")
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({keys}, {column}, {quote('updated')}) VALUES (%s, %s, %s, %s, %s) {conflict}",  # noqa: S608
            [user_id, kind, key, value, LearnerFact._meta.get_field("updated").get_db_prep_save(
                timezone.now(), connection)])


def on_course_passing_status_updated(sender, signal=None, **kwargs):
    data = kwargs.get("course_passing_status")
    if data is None:
        return
    course_key = str(data.course.course_key)
    passed = getattr(data, "is_passing", None)
    if passed is None:  # older openedx-events spelled it as a status string
        passed = str(getattr(data, "status", "")).upper() == "PASSING"
    _record(data.user.id, LearnerFact.COURSE_PASSED, course_key, 1 if passed else 0, keep_max=True)
    if passed:
        _queue(data.user.id, f"passed {course_key}")


def on_block_completion_saved(sender, instance=None, **kwargs):
    if instance is None or instance.completion < 1.0:
        return
    course_key = instance.context_key
    if not BadgeRule.objects.filter(kind=BadgeRule.BLOCKS_COMPLETED, course_key=course_key,
                                    badge_class__active=True).exists():
        return
    _queue(instance.user_id, f"completed {instance.block_key}")


def on_assessment_completed(sender, user_id=None, levels=None, areas=None, **kwargs):
    if user_id is None:
        return
    for kind, found in ((LearnerFact.DIGCOMP_COMPETENCE, levels), (LearnerFact.DIGCOMP_AREA, areas)):
        for target, result in (found or {}).items():
            try:
                level = int(result.get("level8") if isinstance(result, dict) else result)
            except (TypeError, ValueError):
                continue
            _record(user_id, kind, str(target)[:191], level)
    _queue(user_id, f"assessment {kwargs.get('attempt_id', '')}")


def on_user_retired(sender, user=None, **kwargs):
    """Forget a retired learner: revoke their awards and erase what identifies them."""
    if user is None:
        return
    from .awarding import revoke

    for award in Award.objects.filter(user=user).select_related("badge_class__issuer", "user"):
        revoke(award, "account retired")
    Award.objects.filter(user=user).update(user=None, narrative="", evidence=[], credential=None)
    LearnerFact.objects.filter(user=user).delete()
    PendingEvaluation.objects.filter(user=user).delete()


def on_results_page_extras(sender, user_id=None, completed_at=None, until_at=None, **kwargs):
    """The badges earned with a DigComp attempt (awarded since it was completed and before the
    person's next attempt, not revoked), for
    its results page: ``[{"kind": "badge", "title", "url"}]`` in the page's language (the sender
    sets it). An award still queued is not shown: the page says only what is true now."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    if user_id is None or completed_at is None:
        return []
    awards = Award.objects.filter(user_id=user_id, awarded_at__gte=completed_at, revoked_at__isnull=True)
    awards = awards.filter(awarded_at__lt=until_at) if until_at is not None else awards
    return [{"kind": "badge", "url": reverse("fd_badges:award_page", args=[award.uuid]),
             "title": _("Your new badge: %(name)s") % {"name": award.badge_class.name}}
            for award in awards.select_related("badge_class").order_by("awarded_at", "id")]

"""Award a badge at most once per learner and class, sign its credential, tell the learner and others."""
import logging
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import timezone

from . import completion, notify
from .credentials import data_integrity, keys
from .credentials.document import unsigned_credential
from .criteria import evaluate
from .models import Award, BadgeClass, LearnerFact, PendingEvaluation

log = logging.getLogger(__name__)


def award(user, badge_class, source=Award.AUTO, awarded_by=None, narrative="", evidence=None):
    """Create the award if the learner does not have it yet. Returns ``(award, created)``.

    A database unique constraint on (user, badge class) makes concurrent calls safe: the loser of
    the race gets the winner's award.
    """
    expires = timezone.now() + timedelta(days=badge_class.valid_days) if badge_class.valid_days else None
    try:
        with transaction.atomic():
            created = Award.objects.create(user=user, badge_class=badge_class, source=source,
                                           awarded_by=awarded_by, narrative=narrative,
                                           evidence=evidence or [], expires_at=expires)
    except IntegrityError:
        return Award.objects.get(user=user, badge_class=badge_class), False
    return created, True


def award_many(rows, badge_class, source=Award.BULK, awarded_by=None, batch_size=500):
    """Award ``badge_class`` to every ``(user, narrative)`` of ``rows`` who does not hold it yet.

    Returns ``(created_count, pending_ids)``: ``pending_ids`` are the awards of these learners not
    yet announced (the new ones and any left unfinished earlier), for ``complete`` to finish.
    """
    expires = timezone.now() + timedelta(days=badge_class.valid_days) if badge_class.valid_days else None
    created, pending = 0, []
    for start in range(0, len(rows), batch_size):
        batch = rows[start:start + batch_size]
        user_ids = [user.pk for user, _narrative in batch]
        held = set(Award.objects.filter(badge_class=badge_class, user_id__in=user_ids).values_list("user_id",
                                                                                                  flat=True))
        new = [(user, narrative) for user, narrative in batch if user.pk not in held]
        try:
            with transaction.atomic():
                Award.objects.bulk_create([
                    Award(user=user, badge_class=badge_class, source=source, awarded_by=awarded_by,
                          narrative=narrative, evidence=[], expires_at=expires) for user, narrative in new])
            created += len(new)
        except IntegrityError:  # one of them was awarded meanwhile: one by one, the constraint decides
            created += sum(award(user, badge_class, source=source, awarded_by=awarded_by, narrative=narrative)[1]
                           for user, narrative in new)
        pending += Award.objects.filter(badge_class=badge_class, user_id__in=user_ids,
                                        notified_at__isnull=True).values_list("pk", flat=True)
    return created, pending


def sign(award_obj):
    """Sign the award's credential once (a retry after a crash finds it signed and skips)."""
    if award_obj.credential:
        return award_obj
    issuer = award_obj.badge_class.issuer
    now = timezone.now()
    credential = data_integrity.sign(unsigned_credential(award_obj), keys.active_key(issuer), now)
    if Award.objects.filter(pk=award_obj.pk, credential__isnull=True).update(credential=credential, signed_at=now):
        award_obj.credential, award_obj.signed_at = credential, now
    else:  # another worker signed it first: keep theirs
        award_obj.refresh_from_db(fields=["credential", "signed_at"])
    return award_obj


def reissue(award_obj):
    """Sign the award's credential again, with the issuer's active key: what staff do on purpose
    after a key was withdrawn (a credential signed by a withdrawn key never verifies again)."""
    if award_obj.revoked_at:
        return award_obj
    Award.objects.filter(pk=award_obj.pk).update(credential=None, signed_at=None)
    award_obj.credential = award_obj.signed_at = None
    return sign(award_obj)


def announce(award_obj, stale_after=None):
    """Run every side effect of the award not done yet, each marked done only after it ran.

    An effect claimed by another worker less than ``stale_after`` seconds ago (default
    ``FD_BADGES_EFFECT_LEASE_SECONDS``) is left to it; an older claim is a worker that died, and
    the effect runs again. ``notified_at`` is set once every effect is done. Returns ``True`` then.
    """
    if award_obj.notified_at is not None:  # announced (perhaps before effects were recorded)
        return True
    return bool(completion.announce_many([award_obj], stale_after))


def complete(award_obj, stale_after=None):
    """Sign, then run the award's side effects (each at least once, see :func:`announce`)."""
    completion.complete_many([award_obj], stale_after)
    return award_obj


def _pending_rows(user_ids, batch_size):
    """Lock the pending evaluations of ``user_ids`` and up to ``batch_size`` others that no other
    worker holds (``SKIP LOCKED``); return ``{row id: user id}``. Call inside a transaction."""
    skip = {"skip_locked": True} if connection.features.has_select_for_update_skip_locked else {}
    rows = PendingEvaluation.objects.select_for_update(**skip).order_by("id")
    found = dict(rows.filter(user_id__in=user_ids).values_list("id", "user_id"))
    if batch_size > len(set(user_ids)):
        # A plain walk of the primary key with a LIMIT: a filter here would let MariaDB lock every
        # matching row before sorting, and a second worker would find them all taken.
        found.update(rows.values_list("id", "user_id")[:batch_size - len(user_ids)])
    return found


def _facts_of(user_ids):
    facts = defaultdict(dict)
    for user_id, kind, key, value in LearnerFact.objects.filter(user_id__in=user_ids).values_list(
            "user_id", "kind", "key", "value"):
        facts[user_id][kind, key] = value
    return facts


def evaluate_pending(max_batches=20, stale_after=None):
    """Evaluate learners whose evaluation is pending, a batch at a time, until a batch finds none
    free (taken by other workers, or none left) or ``max_batches`` ran. Returns the learners done."""
    done = 0
    for _ in range(max_batches):
        claimed = []
        evaluate_users([], stale_after=stale_after, claimed=claimed)
        done += len(claimed)
        if not claimed:
            break
    return done


def evaluate_users(user_ids, source=Award.AUTO, stale_after=None, batch_size=None, claimed=None):
    """Award every active badge class whose rules the learners now meet, for ``user_ids`` and for
    up to ``batch_size`` other learners whose evaluation is pending (and not taken by another
    worker), in one transaction; then sign and announce their unfinished awards as one batch.

    Returns ``{user_id: [award, ...]}``: for each learner of ``user_ids``, the awards of the
    classes they meet now. The unique (learner, class) constraint keeps awards at most once when
    workers race on the same learners; the pending rows are deleted in the same transaction as the
    awards, so a worker that dies leaves both, and the sweep does them again.
    """
    batch_size = settings.FD_BADGES_BATCH_SIZE if batch_size is None else batch_size
    asked = list(dict.fromkeys(user_ids))
    with transaction.atomic():
        pending = _pending_rows(asked, batch_size)
        if claimed is not None:
            claimed.extend(pending)
        everyone = sorted(set(asked) | set(pending.values()))
        users = get_user_model().objects.in_bulk(everyone)
        facts = _facts_of(users)
        owned = set(Award.objects.filter(user_id__in=users).values_list("user_id", "badge_class_id"))
        classes = list(BadgeClass.objects.filter(active=True).prefetch_related("rules"))
        met = {}
        for user_id in sorted(users):
            for badge_class in classes:
                if (user_id, badge_class.pk) not in owned:
                    earned, evidence = evaluate(badge_class, users[user_id], facts[user_id])
                    if earned:
                        met[user_id, badge_class.pk] = _new_award(users[user_id], badge_class, source, evidence)
        if met:
            Award.objects.bulk_create(list(met.values()), ignore_conflicts=True)  # a racing worker's stays
        PendingEvaluation.objects.filter(pk__in=list(pending)).delete()
        # The learners' unfinished awards (new, or left by a worker that died): signed, and their
        # effects claimed, in this same transaction; the effects run once it has committed.
        unfinished = list(Award.objects.filter(user_id__in=users, notified_at__isnull=True).select_related(
            "badge_class__issuer", "user").order_by("pk"))
        completion.sign_many(unfinished)
        effects = completion.claim_effects(unfinished, stale_after)
    try:
        completion.run_effects(effects)
    except BaseException:
        _pending_again(effects.awards)
        raise
    asked_set = set(asked)
    wanted = {key for key in met if key[0] in asked_set}
    result = {user_id: [] for user_id in asked}
    awards = unfinished + [award for award in Award.objects.filter(user_id__in=asked, notified_at__isnull=False)
                           .select_related("badge_class", "user") if (award.user_id, award.badge_class_id) in wanted]
    seen = set()
    for award in awards:
        if (award.user_id, award.badge_class_id) in wanted and award.pk not in seen:
            seen.add(award.pk)
            result[award.user_id].append(award)
    for found in result.values():
        found.sort(key=lambda award: award.badge_class.slug)
    return result


def _pending_again(awards):
    """The batch stops before its effects are all done (the task will be retried; its claims were
    given back): its learners with unannounced awards are pending again, so the retry's batches, or
    another worker's, finish them at once instead of the sweep."""
    try:
        user_ids = set(Award.objects.filter(pk__in=[award.pk for award in awards], notified_at__isnull=True)
                       .values_list("user_id", flat=True))
        PendingEvaluation.objects.bulk_create([PendingEvaluation(user_id=user_id, reason="announcing interrupted")
                                               for user_id in sorted(user_ids)])
    except DatabaseError:  # the database is gone: the sweep finds the unannounced awards
        log.exception("fd_badges: could not mark %d awards' learners pending again", len(awards))


def _new_award(user, badge_class, source, evidence):
    expires = timezone.now() + timedelta(days=badge_class.valid_days) if badge_class.valid_days else None
    return Award(user=user, badge_class=badge_class, source=source, evidence=evidence or [], expires_at=expires)


def evaluate_user(user_id, source=Award.AUTO, stale_after=None):
    """Award every active badge class whose rules the learner now meets; clear their pending rows.

    Only this learner: a task then goes on with the other pending learners in batches
    (:func:`evaluate_pending`), so a worker that dies takes no other learner's award down with it.
    """
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        PendingEvaluation.objects.filter(user_id=user_id).delete()
        return []
    return evaluate_users([user_id], source, stale_after, batch_size=1)[user_id]


def revoke(award_obj, reason, by=None):
    from .credentials import status_list

    if award_obj.revoked_at:
        return award_obj
    Award.objects.filter(pk=award_obj.pk).update(revoked_at=timezone.now(), revocation_reason=reason)
    award_obj.refresh_from_db(fields=["revoked_at", "revocation_reason"])
    status_list.forget(award_obj.badge_class.issuer, status_list.position(award_obj.pk)[0])
    notify.revoked(award_obj, reason)
    return award_obj

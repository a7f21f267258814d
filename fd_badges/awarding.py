"""Award a badge at most once per learner and class, sign its credential, tell the learner and others."""
import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from . import data_integrity, keys, notify
from .credentials import unsigned_credential
from .criteria import evaluate, learner_facts
from .models import Award, AwardEffect, BadgeClass, PendingEvaluation

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
    Seven statements an award: create the rows, claim, read the claim, one per effect, finish.
    """
    if award_obj.notified_at is not None:  # announced (perhaps before effects were recorded)
        return True
    AwardEffect.objects.bulk_create([AwardEffect(award_id=award_obj.pk, effect=effect)
                                     for effect in AwardEffect.EFFECTS], ignore_conflicts=True)
    lease = settings.FD_BADGES_EFFECT_LEASE_SECONDS if stale_after is None else stale_after
    now = timezone.now()
    pending = AwardEffect.objects.filter(award_id=award_obj.pk, done_at__isnull=True)
    pending.filter(Q(claimed_at__isnull=True) | Q(claimed_at__lte=now - timedelta(seconds=lease))).update(
        claimed_at=now, attempts=F("attempts") + 1)
    claimed = set(pending.filter(claimed_at=now).values_list("effect", flat=True))
    finished = 0
    for effect in AwardEffect.EFFECTS:
        if effect not in claimed:
            continue  # done, or running in another worker right now
        try:
            notify.EFFECTS[effect](award_obj)
        except Exception:  # a failing receiver or mail server: the sweep tries again later
            log.exception("fd_badges: %s of award %s failed; the sweep will retry it", effect, award_obj.uuid)
            AwardEffect.objects.filter(award_id=award_obj.pk, effect=effect).update(claimed_at=None)
            continue
        AwardEffect.objects.filter(award_id=award_obj.pk, effect=effect).update(done_at=timezone.now())
        finished += 1
    if finished != len(AwardEffect.EFFECTS) and pending.exists():
        return False
    Award.objects.filter(pk=award_obj.pk, notified_at__isnull=True).update(notified_at=timezone.now())
    award_obj.notified_at = award_obj.notified_at or timezone.now()
    return True


def complete(award_obj, stale_after=None):
    """Sign, then run the award's side effects (each at least once, see :func:`announce`)."""
    sign(award_obj)
    announce(award_obj, stale_after)
    return award_obj


def evaluate_user(user_id, source=Award.AUTO, stale_after=None):
    """Award every active badge class whose rules the learner now meets; clear their pending rows."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        PendingEvaluation.objects.filter(user_id=user_id).delete()
        return []
    started = timezone.now()
    facts = learner_facts(user)
    owned = set(Award.objects.filter(user=user).values_list("badge_class_id", flat=True))
    done = []
    for badge_class in BadgeClass.objects.filter(active=True).exclude(pk__in=owned).prefetch_related("rules"):
        met, evidence = evaluate(badge_class, user, facts)
        if met:
            award_obj, _created = award(user, badge_class, source=source, evidence=evidence)
            done.append(award_obj)
    for award_obj in Award.objects.filter(user=user).filter(notified_at__isnull=True).select_related(
            "badge_class__issuer", "user"):
        complete(award_obj, stale_after)
    PendingEvaluation.objects.filter(user=user, created__lte=started).delete()
    return done


def revoke(award_obj, reason, by=None):
    from . import status_list

    if award_obj.revoked_at:
        return award_obj
    Award.objects.filter(pk=award_obj.pk).update(revoked_at=timezone.now(), revocation_reason=reason)
    award_obj.refresh_from_db(fields=["revoked_at", "revocation_reason"])
    status_list.forget(award_obj.badge_class.issuer, status_list.position(award_obj.pk)[0])
    notify.revoked(award_obj, reason)
    return award_obj

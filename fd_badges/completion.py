"""Sign and announce awards in batches: a handful of statements and commits a batch, not a dozen an award.

The guarantees are those of the single-award path (docs/decisions/0007 and 0014):

- each award is signed once: the unsigned awards of the batch are locked (``SELECT ... FOR
  UPDATE``) before signing, so a second worker waits and then finds them signed;
- each side effect is an ``AwardEffect`` row, claimed (and committed) before it runs and marked
  done only after it ran; a worker that dies leaves its claims, which the sweep takes over once
  the lease has passed;
- effects run one kind at a time over the batch (every e-mail, then every ``BADGE_AWARDED``, then
  every ``badge_awarded``), each kind marked done in one statement; ``BADGE_AWARDED`` and
  ``badge_awarded`` run in one transaction with their marks, so what their receivers write (the
  fd_progress count) commits together with "done". If a receiver fails, that kind is run again
  award by award, and only the awards whose effect failed are left to the sweep;
- a run finishes what it claimed or gives it back: a transient database error (a deadlock with a
  worker racing on the same learners, a lock wait timeout, a lost connection) makes the run give
  back its claims not done, claim again what is still free and carry on, a few times; and however
  the run ends, no claim of its own is left behind (each claim is known by its moment), so no
  effect waits for the lease and the sweep unless a worker died.
"""
import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import DatabaseError, OperationalError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from fd_core import batching

from . import notify
from .credentials import data_integrity, keys
from .credentials.document import unsigned_credential
from .models import Award, AwardEffect

log = logging.getLogger(__name__)
# A run that meets a transient database error gives back its claims and tries again this many times.
ATTEMPTS = 5


@dataclass
class Claim:
    """The effects a run holds: ``effects`` are ``{(award_id, effect)}``, all claimed at ``at``
    (the moment tells this run's claims from another worker's); ``lease`` is the claim's length."""

    awards: list
    effects: set = field(default_factory=set)
    at: object = None
    lease: float = 0


def sign_many(awards):
    """Sign every award of ``awards`` that has no credential yet; keep a signature made elsewhere."""
    unsigned = sorted((award for award in awards if not award.credential), key=lambda award: award.pk)
    if not unsigned:
        return
    by_pk = {award.pk: award for award in unsigned}
    with transaction.atomic(savepoint=False):
        mine = set(Award.objects.select_for_update().filter(pk__in=by_pk, credential__isnull=True)
                   .order_by("pk").values_list("pk", flat=True))
        now = timezone.now()
        signing_keys, parts = {}, {}
        for pk in mine:
            award = by_pk[pk]
            issuer = award.badge_class.issuer
            if issuer.pk not in signing_keys:
                signing_keys[issuer.pk] = keys.active_key(issuer)
            award.credential = data_integrity.sign(unsigned_credential(award, parts=parts), signing_keys[issuer.pk],
                                                   now)
            award.signed_at = now
        _save_credentials([by_pk[pk] for pk in mine])
        theirs = [pk for pk in by_pk if pk not in mine]  # signed by another worker meanwhile
        for pk, credential, signed_at in Award.objects.filter(pk__in=theirs).values_list("pk", "credential",
                                                                                         "signed_at"):
            by_pk[pk].credential, by_pk[pk].signed_at = credential, signed_at


def _save_credentials(awards, chunk=100):
    """The credentials of a batch (signed at one moment) in one ``UPDATE`` each ``chunk`` awards:
    a ``CASE`` on the primary key, written by hand because the ORM's ``bulk_update`` resolves an
    expression per row, which costs more than signing."""
    if not awards:
        return
    field = Award._meta.get_field("credential")
    quote = connection.ops.quote_name
    table, pk = quote(Award._meta.db_table), quote(Award._meta.pk.column)
    credential, signed_at = quote(field.column), quote(Award._meta.get_field("signed_at").column)
    signed = Award._meta.get_field("signed_at").get_db_prep_save(awards[0].signed_at, connection)
    with connection.cursor() as cursor:
        for start in range(0, len(awards), chunk):
            part = awards[start:start + chunk]
            cases = " ".join(["WHEN %s THEN %s"] * len(part))
            marks = ", ".join(["%s"] * len(part))
            params = [value for award in part for value in (award.pk, field.get_db_prep_save(award.credential,
                                                                                            connection))]
            cursor.execute(f"UPDATE {table} SET {credential} = CASE {pk} {cases} END, {signed_at} = %s "  # noqa: S608
                           f"WHERE {pk} IN ({marks})", [*params, signed, *(award.pk for award in part)])


def _claim(award_ids, lease):
    """Create the awards' effect rows, claim those free (or claimed longer than ``lease`` seconds
    ago); return the claimed ``{(award_id, effect)}`` and the moment of the claim. Committed before
    any effect runs.

    Rows are read first, without locks: the statements that claim then touch only the new awards'
    rows and those that looked free, never the rows another worker racing on the same learners
    holds while it runs their effects (waiting on them is how two workers deadlock)."""
    now = timezone.now()
    stale = now - timedelta(seconds=lease)
    free, rows = [], Counter()
    for pk, award_id, claimed_at, done_at in AwardEffect.objects.filter(award_id__in=award_ids).values_list(
            "pk", "award_id", "claimed_at", "done_at"):
        rows[award_id] += 1
        if done_at is None and (claimed_at is None or claimed_at <= stale):
            free.append(pk)
    new = [pk for pk in award_ids if rows[pk] < len(AwardEffect.EFFECTS)]
    if not free and not new:
        return set(), now
    mine = Q(pk__in=free) | Q(award_id__in=new)
    with transaction.atomic(savepoint=False):
        if new:
            AwardEffect.objects.bulk_create([AwardEffect(award_id=pk, effect=effect) for pk in new
                                             for effect in AwardEffect.EFFECTS], ignore_conflicts=True)
        AwardEffect.objects.filter(mine, Q(claimed_at__isnull=True) | Q(claimed_at__lte=stale),
                                   done_at__isnull=True).update(claimed_at=now, attempts=F("attempts") + 1)
        return set(AwardEffect.objects.filter(mine, claimed_at=now).values_list("award_id", "effect")), now


def _give_back(claim):
    """Release this run's claims not done (those claimed at ``claim.at``), for the next run to take
    at once; a claim another worker took over after the lease is theirs and stays."""
    if claim.effects:
        AwardEffect.objects.filter(award_id__in={pk for pk, _effect in claim.effects}, done_at__isnull=True,
                                   claimed_at=claim.at).update(claimed_at=None)


def _mark(effect, awards, done=True):
    if not awards:
        return
    rows = AwardEffect.objects.filter(award_id__in=[award.pk for award in awards], effect=effect)
    if done:
        rows.update(done_at=timezone.now())
    else:  # a failing receiver or mail server: release the claim, the sweep tries again later
        rows.filter(done_at__isnull=True).update(claimed_at=None)


def _transient(error):
    """A deadlock, lock wait timeout or lost connection, outside any transaction of the caller's:
    the run can give back its claims, reconnect if need be, and try again."""
    return isinstance(error, OperationalError) and not connection.in_atomic_block


def _persist(write, *args):
    """``write(*args)`` (an idempotent mark, in autocommit) again after a transient error: an
    e-mail that went out is marked sent, not given back to be sent twice."""
    for attempt in range(ATTEMPTS):
        try:
            return write(*args)
        except OperationalError as error:
            if not _transient(error) or attempt == ATTEMPTS - 1:
                raise
            _pause(attempt)


def _pause(attempt):
    connection.close_if_unusable_or_obsolete()  # a lost connection: the next statement opens another
    time.sleep(0.05 * 2 ** attempt)


def _failed(effect, award):
    log.exception("fd_badges: %s of award %s failed; the sweep will retry it", effect, award.uuid)


def _send_emails(awards):
    """Every award's e-mail over one connection to the mail server; each failure left to the sweep."""
    done, failed = [], []
    connection = get_connection()
    try:
        connection.open()
    except Exception:
        log.exception("fd_badges: the mail server cannot be reached; the sweep will send %d e-mails", len(awards))
        _mark(AwardEffect.EMAIL, awards, done=False)
        return
    try:
        for award in awards:
            try:
                notify.send_award_email(award, connection)
            except Exception:
                _failed(AwardEffect.EMAIL, award)
                failed.append(award)
            else:
                done.append(award)
    finally:
        connection.close()
    _persist(_mark, AwardEffect.EMAIL, done)
    _persist(_mark, AwardEffect.EMAIL, failed, False)


def _run_in_one_transaction(effect, awards, then=None):
    """Run ``effect`` for every award and mark it done, all in one transaction (with ``then()``
    at its end); if any receiver fails, run it again award by award (each in its own transaction),
    so that only those that fail are left to the sweep, and call ``then()`` after them."""
    run = notify.EFFECTS[effect]
    try:
        with transaction.atomic(), batching.batch():  # receivers' rows are written together, see fd_core
            for award in awards:
                run(award)
            _mark(effect, awards)
            if then:
                then()
        return
    except Exception as error:
        if _transient(error):  # a deadlock is not the receiver's fault: the run tries the kind again
            raise
        if len(awards) == 1:
            _failed(effect, awards[0])
            _mark(effect, awards, done=False)
            awards = []
        else:
            log.warning("fd_badges: %s failed in a batch of %d awards; running it award by award", effect,
                        len(awards), exc_info=True)
    for award in awards:
        try:
            with transaction.atomic():
                run(award)
                _mark(effect, [award])
        except Exception as error:
            if _transient(error):
                raise
            _failed(effect, award)
            _mark(effect, [award], done=False)
    if then:
        then()


def _finish(awards):
    """Set ``notified_at`` on the awards whose effects are all done; return those."""
    unfinished = set(AwardEffect.objects.filter(award_id__in=[award.pk for award in awards], done_at__isnull=True)
                     .values_list("award_id", flat=True))
    finished = [award for award in awards if award.pk not in unfinished]
    if finished:
        now = timezone.now()
        Award.objects.filter(pk__in=[award.pk for award in finished], notified_at__isnull=True).update(notified_at=now)
        for award in finished:
            award.notified_at = now
    return finished


def claim_effects(awards, stale_after=None):
    """Create and claim the effects of the unannounced ``awards``; returns the :class:`Claim` that
    :func:`run_effects` runs. Commits at once unless called inside a transaction (evaluation signs,
    claims and saves the awards in one), which must commit before the effects run."""
    awards = [award for award in awards if award.notified_at is None]
    lease = settings.FD_BADGES_EFFECT_LEASE_SECONDS if stale_after is None else stale_after
    if not awards:
        return Claim(awards, lease=lease)
    effects, at = _claim([award.pk for award in awards], lease)
    return Claim(awards, effects, at, lease)


def run_effects(claim):
    """Run each claimed effect (every e-mail, then every event, then every signal), at least once;
    ``notified_at`` is set, in the transaction of the last kind, on the awards whose effects are all
    done. Returns the awards announced.

    A transient database error (a racing worker's deadlock, a lost connection) does not end the
    run: it gives back its claims not done, claims again those still free and goes on, up to
    ``ATTEMPTS`` times; then it raises (the task is retried). However it ends, it leaves no claim of
    its own not done: what it did not run is free at once for the next run, not after the lease."""
    if not claim.awards:
        return []
    try:
        for attempt in range(ATTEMPTS):
            try:
                return _run_claimed(claim)
            except OperationalError as error:
                if not _transient(error) or attempt == ATTEMPTS - 1:
                    raise
                log.info("fd_badges: %s while announcing %d awards; claiming again", error, len(claim.awards))
                _persist(_give_back, claim)
                _pause(attempt)
                claim.effects, claim.at = _persist(_claim, [award.pk for award in claim.awards], claim.lease)
    except BaseException:  # the run ends here (the task will be retried): what it did not do is free at once
        try:
            _persist(_give_back, claim)
        except DatabaseError:  # the database is gone (or the caller's transaction broken): the lease will do
            log.exception("fd_badges: could not give back the claims of %d awards", len(claim.awards))
        raise


def _run_claimed(claim):
    awards, claimed = claim.awards, claim.effects
    finished = []

    def finish():
        finished[:] = _finish(awards)

    last = AwardEffect.EFFECTS[-1]
    for effect in AwardEffect.EFFECTS:
        mine = [award for award in awards if (award.pk, effect) in claimed]
        if not mine:  # done, or running in another worker right now
            if effect == last:
                _persist(finish)
        elif effect == AwardEffect.EMAIL:
            _send_emails(mine)
        else:
            _run_in_one_transaction(effect, mine, then=finish if effect == last else None)
    return finished


def announce_many(awards, stale_after=None):
    """Run the side effects not done yet of ``awards`` (signed), each at least once; set
    ``notified_at`` on every award whose effects are all done. Returns the awards announced."""
    return run_effects(claim_effects(awards, stale_after))


def complete_many(awards, stale_after=None):
    """Sign, then announce, a batch of awards (loaded with ``badge_class__issuer`` and ``user``):
    signing and claiming their effects in one transaction, then the effects."""
    awards = list(awards)
    with transaction.atomic():
        sign_many(awards)
        claimed = claim_effects(awards, stale_after)
    run_effects(claimed)
    return awards

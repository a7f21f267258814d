"""Celery tasks of fd_badges. Every task is idempotent: re-running it never gives a second award."""
import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import OperationalError
from django.utils import timezone

from . import awarding, bulk_jobs, completion
from .models import Award, BadgeClass, PendingEvaluation

log = logging.getLogger(__name__)
RETRY = {"autoretry_for": (OperationalError, ConnectionError), "retry_backoff": True, "max_retries": 8,
         "acks_late": True, "reject_on_worker_lost": True}


@shared_task(bind=True, **RETRY)
def evaluate_learner(self, user_id):
    """Evaluate every badge class for one learner and award what they earned, with other pending
    learners in the same batch; then go on with batches of pending learners no worker holds."""
    found = [str(award.uuid) for award in awarding.evaluate_user(user_id)]
    awarding.evaluate_pending()
    return found


@shared_task(bind=True, **RETRY)
def award_badge(self, user_id, slug, narrative="", awarded_by_id=None, source=Award.MANUAL):
    """Award a badge by hand (staff, CSV import): no rules checked."""
    user = get_user_model().objects.get(pk=user_id)
    badge_class = BadgeClass.objects.get(slug=slug)
    award, _created = awarding.award(user, badge_class, source=source, narrative=narrative,
                                     awarded_by=get_user_model().objects.filter(pk=awarded_by_id).first())
    awarding.complete(award)
    return str(award.uuid)


def _batches(items):
    size = settings.FD_BADGES_BATCH_SIZE
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start:start + size]


@shared_task(bind=True, **RETRY)
def complete_awards(self, award_ids):
    """Sign and announce awards already saved (by staff, a CSV import); done ones are skipped."""
    done = 0
    for ids in _batches(award_ids):
        awards = Award.objects.filter(pk__in=ids, notified_at__isnull=True).select_related(
            "badge_class__issuer", "user").order_by("pk")
        done += len(completion.complete_many(awards))
    return done


@shared_task(bind=True, **RETRY)
def run_bulk_job(self, job_id):
    """Read, match and award a large bulk-award file, saving the progress the staff page shows."""
    job = bulk_jobs.run(job_id)
    return job.status if job else None


@shared_task(bind=True, **RETRY)
def sweep(self, older_than_seconds=None):
    """Award whatever is owed: learners whose events were recorded but never evaluated (the broker
    was down, a worker died), and awards never signed or whose side effects are not all done."""
    delay = older_than_seconds if older_than_seconds is not None else settings.FD_BADGES_SWEEP_DELAY_SECONDS
    cutoff = timezone.now() - timedelta(seconds=delay)
    user_ids = set(PendingEvaluation.objects.filter(created__lte=cutoff).values_list("user_id", flat=True))
    done = 0
    for ids in _batches(sorted(user_ids)):
        found = awarding.evaluate_users(ids, source=Award.SWEEP, stale_after=delay, batch_size=len(ids))
        done += sum(len(awards) for awards in found.values())
    owed = Award.objects.filter(notified_at__isnull=True, awarded_at__lte=cutoff).values_list("pk", flat=True)
    for ids in _batches(owed):  # effects a dead worker claimed earlier run again
        completion.complete_many(Award.objects.filter(pk__in=ids).select_related("badge_class__issuer", "user")
                                 .order_by("pk"), stale_after=delay)
    for job_id in bulk_jobs.owed(delay):
        bulk_jobs.run(job_id)
    if user_ids or done:
        log.info("fd_badges sweep: %d learners evaluated, %d awards", len(user_ids), done)
    return done

"""Bulk award jobs: small files are awarded in the request, large ones on the worker, with progress.

A job row records the file, how many rows are read and matched, the learners awarded and the rows
skipped; the staff page polls (or, without JavaScript, reloads) it. A job left ``queued`` (the
broker was down) or ``running`` by a worker that died is run again by the sweep: awarding is
idempotent (one award per learner and class), so a second run only finishes the first.
"""
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from . import awarding, bulk, queueing
from .models import Award, BulkAwardJob

PROBLEMS_KEPT = 500
CHUNK = 1000


def _problems(job, problems):
    job.problem_count += len(problems)
    room = PROBLEMS_KEPT - len(job.problems)
    if room > 0:
        job.problems = job.problems + [str(problem) for problem in problems[:room]]


def award_now(badge_class, records, narrative, by):
    """Match and award ``records`` in this request; return ``(job, queued)``: ``queued["all"]`` says,
    once the caller's transaction has committed, whether the signing could be queued."""
    job = BulkAwardJob(token=secrets.token_urlsafe(12), badge_class=badge_class, requested_by=by,
                       narrative=narrative, status=BulkAwardJob.AWARDED, rows=len(records))
    rows, problems = bulk.match(records, narrative)
    queued = {"all": True}
    with transaction.atomic():
        created, pending = awarding.award_many(rows, badge_class, source=Award.BULK, awarded_by=by)
        transaction.on_commit(lambda: queued.update(all=queueing.enqueue_completion(pending)))
        job.processed, job.created_count = len(records), created
        job.user_ids = [user.pk for user, _narrative in rows]
        _problems(job, problems)
        job.save()
    return job, queued


def award_later(badge_class, text, rows, narrative, by):
    """Save the file as a job and queue it for the worker (once committed); return ``(job, queued)``."""
    from .tasks import run_bulk_job

    job = BulkAwardJob.objects.create(token=secrets.token_urlsafe(12), badge_class=badge_class, requested_by=by,
                                      narrative=narrative, csv_text=text, rows=rows)
    queued = {"all": True}
    transaction.on_commit(lambda: queued.update(all=queueing.enqueue(run_bulk_job, job.pk)))
    return job, queued


def run(job_id):
    """Read, match and award a queued job's file in chunks, saving the progress after each."""
    claimed = BulkAwardJob.objects.filter(pk=job_id, status__in=[BulkAwardJob.QUEUED, BulkAwardJob.RUNNING]).update(
        status=BulkAwardJob.RUNNING, updated=timezone.now())
    if not claimed:
        return None
    job = BulkAwardJob.objects.select_related("badge_class__issuer", "requested_by").get(pk=job_id)
    try:
        records = bulk.read(job.csv_text)
    except bulk.BulkError as error:
        BulkAwardJob.objects.filter(pk=job.pk).update(status=BulkAwardJob.FAILED, error=str(error), csv_text="",
                                                      updated=timezone.now())
        return job
    job.rows, job.processed, job.created_count, job.user_ids, job.problems, job.problem_count = (
        len(records), 0, 0, [], [], 0)
    seen = set()
    for start in range(0, len(records), CHUNK):
        rows, problems = bulk.match(records[start:start + CHUNK], job.narrative, seen)
        with transaction.atomic():
            created, pending = awarding.award_many(rows, job.badge_class, source=Award.BULK,
                                                   awarded_by=job.requested_by)
            job.processed = min(start + CHUNK, len(records))
            job.created_count += created
            job.user_ids = job.user_ids + [user.pk for user, _narrative in rows]
            _problems(job, problems)
            job.updated = timezone.now()
            job.save(update_fields=["rows", "processed", "created_count", "user_ids", "problems", "problem_count",
                                    "updated"])
        queueing.enqueue_completion(pending)  # broker down: the sweep signs and announces them
    BulkAwardJob.objects.filter(pk=job.pk).update(status=BulkAwardJob.AWARDED, csv_text="", updated=timezone.now())
    job.status = BulkAwardJob.AWARDED
    return job


def owed(older_than_seconds):
    """Jobs the sweep must (re)run: queued while the broker was down, or left running by a dead worker."""
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    return list(BulkAwardJob.objects.filter(status__in=[BulkAwardJob.QUEUED, BulkAwardJob.RUNNING],
                                            updated__lte=cutoff).values_list("pk", flat=True))


def progress(job):
    """What the staff page shows: learners announced of those matched, and rows read of the file."""
    done = Award.objects.filter(badge_class_id=job.badge_class_id, user_id__in=job.user_ids,
                                notified_at__isnull=False).count() if job.user_ids else 0
    return {"done": done, "total": len(job.user_ids), "status": job.status, "rows": job.rows,
            "processed": job.processed, "created": job.created_count,
            "held": len(job.user_ids) - job.created_count, "skipped": job.problem_count,
            "finished": job.status in (BulkAwardJob.AWARDED, BulkAwardJob.FAILED) and done >= len(job.user_ids)}

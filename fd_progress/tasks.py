"""Celery tasks of fd_progress: batch processing, the sweep, the daily snapshot."""

import logging

from celery import shared_task
from django.conf import settings
from django.db import DatabaseError

from .counting import pending_count, process_pending

log = logging.getLogger(__name__)


def _drain(max_batches):
    size = getattr(settings, "FD_PROGRESS_BATCH_SIZE", 1000)
    total = 0
    for _ in range(max_batches):
        done = process_pending(size)
        total += done
        if done < size:
            break
    return total


@shared_task(bind=True, autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=8, acks_late=True)
def process_events(self, max_batches=50):
    """Process pending events in batches; enqueued after each transaction that records events."""
    done = _drain(max_batches)
    if done and pending_count():
        process_events.apply_async(retry=False)
    return done


@shared_task(bind=True, autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=8, acks_late=True)
def sweep_pending_events(self, max_batches=500):
    """Beat task: process whatever is still pending (e.g. events recorded while the broker was down)."""
    done = _drain(max_batches)
    if done:
        log.info("fd_progress sweep processed %d pending events", done)
    return done


@shared_task(bind=True, autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=8, acks_late=True)
def daily_snapshot(self):
    """Beat task: store each target's value and forecast for today."""
    from .snapshots import take_snapshots

    return take_snapshots()

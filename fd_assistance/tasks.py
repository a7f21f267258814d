"""Celery tasks of fd_assistance: erasing guests' data after the retention period."""

from celery import shared_task
from django.db import DatabaseError


@shared_task(bind=True, autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=5, acks_late=True)
def erase_expired_guests(self):
    """Beat task (daily): erase guests' names and contacts once their retention period is over."""
    from .guests import erase_expired

    return erase_expired()

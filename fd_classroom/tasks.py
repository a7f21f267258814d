"""Celery tasks of fd_classroom: deleting classes past their retention period."""

from celery import shared_task
from django.db import DatabaseError


@shared_task(bind=True, autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=5, acks_late=True)
def purge_expired_classes(self):
    """Beat task (hourly): delete classes, their nicknames and answers, after the retention period."""
    from .classes import purge_expired

    return purge_expired()

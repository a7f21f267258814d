"""Tasks that only the fixture tests send to the real Celery worker.

The ``celery_worker`` fixture starts the worker with ``--include tests.helpers.worker_tasks``,
so these are registered there without being part of any shipped app.
"""
from celery import shared_task


@shared_task(name="fd_tests.set_first_name")
def set_first_name(user_id, first_name):
    """Read a user committed by the test process and change it: proves both share one database."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(pk=user_id)
    user.first_name = first_name
    user.save(update_fields=["first_name"])
    return user.username


@shared_task(name="fd_tests.create_user")
def create_user(username):
    """Create a user from the worker; the test then finds it in the database."""
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(username=username)
    return user.pk

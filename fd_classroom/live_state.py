"""What pupils' screens poll: a class's few live values, read from the cache, else with one query.

Teachers' changes write the database and then, once committed, the fresh values into the
cache; a poll that misses the cache reads the row by its unique code and only *adds* it to the
cache, so a poll that read just before a change can never overwrite the newer values.
"""

from django.core.cache import cache
from django.db import transaction

from .models import ClassSession

FIELDS = ("pk", "version", "status", "scene_id", "pointed_id", "paused", "question_id")
TIMEOUT = 6 * 3600


def _key(code):
    return f"fd_classroom:live:{code}"


def read(code):
    """``(class id, version, status, scene, pointed, paused, question)`` or None if there is no class."""
    key = _key(code)
    row = cache.get(key)
    if row is None:
        row = ClassSession.objects.filter(code=code).values_list(*FIELDS).first()
        if row is None:
            return None
        row = tuple(row)
        cache.add(key, row, TIMEOUT)
    return row


def publish(session):
    """After the change commits, put the class's fresh values in the cache."""
    code, pk = session.code, session.pk

    def store():
        row = ClassSession.objects.filter(pk=pk).values_list(*FIELDS).first()
        if row is None:
            cache.delete(_key(code))
        else:
            cache.set(_key(code), tuple(row), TIMEOUT)

    transaction.on_commit(store)


def forget(code):
    transaction.on_commit(lambda: cache.delete(_key(code)))


def on_class_deleted(sender, instance, **kwargs):
    """``post_delete`` of a class (by the teacher, the retention task, retirement or the admin)."""
    forget(instance.code)

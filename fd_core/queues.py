"""Celery queues of the suite: awards, counting, exports, notices and cleanup, each of which can have its own
workers.

Every task of the suite has a kind (``awards``, ``counting``, ``exports``, ``notices`` for e-mails to
people, ``cleanup`` for erasing what is kept no longer), declared by its app as ``TASK_KINDS`` in its
``settings/common.py`` (tests/contract/test_conventions.py fails a task without one). With the setting
``FD_TASK_QUEUES`` (kind -> queue name, e.g. ``{"awards": "fd.awards", "counting": "fd.counting"}``) each app's
``plugin_settings`` routes its tasks there: into ``EXPLICIT_QUEUES`` in the LMS (read
by ``openedx.core.lib.celery.routers.route_task``) and into ``CELERY_TASK_ROUTES`` elsewhere (the
sandbox). A kind left out, or an empty setting (the default), keeps its tasks on the default queue.
Workers then take queues with ``celery worker --queues fd.awards`` (see the README: sizing).
"""

KINDS = ("awards", "counting", "exports", "notices", "cleanup")


def task_routes(queues, task_kinds):
    """``{task name: {"queue": name}}`` for the tasks of ``task_kinds`` (task name -> kind) whose
    kind has a queue in ``queues``."""
    unknown = set(task_kinds.values()) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds of task: {sorted(unknown)}")
    return {task: {"queue": queues[kind]} for task, kind in task_kinds.items() if queues.get(kind)}


def apply_routes(settings, task_kinds):
    """Route an app's tasks (``task_kinds``: task name -> kind) as ``settings.FD_TASK_QUEUES`` says."""
    routes = task_routes(getattr(settings, "FD_TASK_QUEUES", None) or {}, task_kinds)
    if not routes:
        return
    if isinstance(getattr(settings, "EXPLICIT_QUEUES", None), dict):  # the LMS and Studio
        settings.EXPLICIT_QUEUES.update(routes)
        return
    current = getattr(settings, "CELERY_TASK_ROUTES", None)
    if current is None:
        settings.CELERY_TASK_ROUTES = current = {}
    if isinstance(current, dict):
        current.update(routes)

"""Celery queues of the suite: awards, counting and exports, each of which can have its own workers.

Every task of the suite has a kind (``TASK_KINDS``). With the setting ``FD_TASK_QUEUES`` (kind ->
queue name, e.g. ``{"awards": "fd.awards", "counting": "fd.counting", "exports": "fd.exports"}``)
each app's ``plugin_settings`` routes its tasks there: into ``EXPLICIT_QUEUES`` in the LMS (read
by ``openedx.core.lib.celery.routers.route_task``) and into ``CELERY_TASK_ROUTES`` elsewhere (the
sandbox). A kind left out, or an empty setting (the default), keeps its tasks on the default queue.
Workers then take queues with ``celery worker --queues fd.awards`` (see the README: sizing).
"""

TASK_KINDS = {
    "fd_badges.tasks.evaluate_learner": "awards",
    "fd_badges.tasks.award_badge": "awards",
    "fd_badges.tasks.complete_awards": "awards",
    "fd_badges.tasks.sweep": "awards",
    "fd_badges.tasks.run_bulk_job": "exports",
    "fd_progress.tasks.process_events": "counting",
    "fd_progress.tasks.sweep_pending_events": "counting",
    "fd_progress.tasks.daily_snapshot": "counting",
}


def task_routes(queues, prefix=""):
    """``{task name: {"queue": name}}`` for the tasks whose name starts with ``prefix`` and whose
    kind has a queue in ``queues``."""
    return {task: {"queue": queues[kind]} for task, kind in TASK_KINDS.items()
            if task.startswith(prefix) and queues.get(kind)}


def apply_routes(settings, prefix):
    """Route the app's tasks (names starting with ``prefix``) as ``settings.FD_TASK_QUEUES`` says."""
    routes = task_routes(getattr(settings, "FD_TASK_QUEUES", None) or {}, prefix)
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

"""Default settings of fd_classroom. Operators override any of them in their LMS/Studio settings."""

from celery.schedules import crontab

from fd_core.plugin import apply_defaults, merge_beat_schedule
from fd_core.queues import apply_routes

DEFAULTS = {
    # Days a class (its pupils' nicknames and pooled answers) is kept before it is deleted.
    "FD_CLASSROOM_RETENTION_DAYS": 7,
    # Minutes a join code lets new pupils in after the teacher started the class.
    "FD_CLASSROOM_CODE_MINUTES": 180,
    # Join attempts one client address may make per window (a whole class shares one address).
    "FD_CLASSROOM_JOIN_ATTEMPTS": 120,
    "FD_CLASSROOM_JOIN_WINDOW_SECONDS": 600,
    # Wrong codes from one address before it is locked out, and for how long.
    "FD_CLASSROOM_WRONG_CODES": 10,
    "FD_CLASSROOM_LOCKOUT_SECONDS": 900,
    # Seconds between two polls of a pupil's screen.
    "FD_CLASSROOM_POLL_SECONDS": 2,
    # Pupils in one class at most.
    "FD_CLASSROOM_MAX_PUPILS": 60,
    # Celery beat entries; the site merges them into CELERY_BEAT_SCHEDULE.
    "FD_CLASSROOM_BEAT_SCHEDULE": {
        "fd_classroom.purge": {
            "task": "fd_classroom.tasks.purge_expired_classes",
            "schedule": crontab(minute=17),
        },
    },
}

# The kind of each task, for queues of their own (FD_TASK_QUEUES, see fd_core.queues).
TASK_KINDS = {
    "fd_classroom.tasks.purge_expired_classes": "cleanup",
}


def plugin_settings(settings):
    apply_defaults(settings, DEFAULTS)
    apply_routes(settings, TASK_KINDS)
    merge_beat_schedule(settings, settings.FD_CLASSROOM_BEAT_SCHEDULE)

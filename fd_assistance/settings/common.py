"""Default settings of fd_assistance. Operators override any of them in their LMS/Studio settings."""

from celery.schedules import crontab

from fd_core.plugin import apply_defaults, merge_beat_schedule
from fd_core.queues import apply_routes

DEFAULTS = {
    # Minutes of one bookable slot, unless a point's help desk says otherwise.
    "FD_ASSISTANCE_SLOT_MINUTES": 30,
    # Days ahead (today included) a citizen can book.
    "FD_ASSISTANCE_DAYS_AHEAD": 14,
    # Days after a booking's end before a guest's name, phone, e-mail and note are erased.
    "FD_ASSISTANCE_GUEST_RETENTION_DAYS": 30,
    # Celery beat entries (<app>.<task>), merged into CELERY_BEAT_SCHEDULE.
    "FD_ASSISTANCE_BEAT_SCHEDULE": {
        "fd_assistance.erase_guests": {
            "task": "fd_assistance.tasks.erase_expired_guests",
            "schedule": crontab(hour=3, minute=41),
        },
    },
}

# The kind of each task, for queues of their own (FD_TASK_QUEUES, see fd_core.queues).
TASK_KINDS = {
    "fd_assistance.tasks.erase_expired_guests": "cleanup",
}


def plugin_settings(settings):
    apply_defaults(settings, DEFAULTS)
    apply_routes(settings, TASK_KINDS)
    merge_beat_schedule(settings, settings.FD_ASSISTANCE_BEAT_SCHEDULE)

"""Default settings of fd_progress. Operators override any of them in their LMS/Studio settings."""

from celery.schedules import crontab

from fd_core.plugin import apply_defaults, merge_beat_schedule
from fd_core.queues import apply_routes

DEFAULTS = {
    # Events processed per database transaction by the batch task.
    "FD_PROGRESS_BATCH_SIZE": 1000,
    # After the broker refused a task, seconds during which requests do not try again (the sweep
    # task counts what was recorded meanwhile).
    "FD_PROGRESS_ENQUEUE_BACKOFF_SECONDS": 60,
    # Show the public page of figures (only targets marked public appear on it).
    "FD_PROGRESS_PUBLIC_PAGE": True,
    # Forecast: days of recent activity the trend is fitted on, and the "at risk" band.
    "FD_PROGRESS_TREND_DAYS": 28,
    "FD_PROGRESS_AT_RISK_RATIO": 0.9,
    # Open edX renames retired users with this prefix (RETIRED_USERNAME_PREFIX).
    "FD_PROGRESS_RETIRED_USERNAME_PREFIX": "retired__user_",
    # Open data: who publishes the figures (DCAT-AP_IT metadata).
    "FD_PROGRESS_PUBLISHER_NAME": "Comune di Firenze",
    "FD_PROGRESS_PUBLISHER_ID": "c_d612",
    "FD_PROGRESS_DATASET_TITLE": {
        "it": "Firenze Digitale: partecipazione giornaliera",
        "en": "Firenze Digitale: daily participation",
    },
    # Celery beat entries; the site merges them into CELERY_BEAT_SCHEDULE.
    "FD_PROGRESS_BEAT_SCHEDULE": {
        "fd_progress.sweep": {
            "task": "fd_progress.tasks.sweep_pending_events",
            "schedule": crontab(minute="*/5"),
        },
        "fd_progress.daily_snapshot": {
            "task": "fd_progress.tasks.daily_snapshot",
            "schedule": crontab(hour=23, minute=55),
        },
    },
}


# The kind of each task, for queues of their own (FD_TASK_QUEUES, see fd_core.queues).
TASK_KINDS = {
    "fd_progress.tasks.process_events": "counting",
    "fd_progress.tasks.sweep_pending_events": "counting",
    "fd_progress.tasks.daily_snapshot": "counting",
}

# Settings that were renamed: an operator's value under the old name still applies.
RENAMED = {"FD_PROGRESS_ENQUEUE_BACKOFF": "FD_PROGRESS_ENQUEUE_BACKOFF_SECONDS"}


def plugin_settings(settings):
    apply_defaults(settings, DEFAULTS, renamed=RENAMED)
    apply_routes(settings, TASK_KINDS)
    merge_beat_schedule(settings, settings.FD_PROGRESS_BEAT_SCHEDULE)

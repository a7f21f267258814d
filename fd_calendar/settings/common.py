"""Default settings of fd_calendar. Operators override any of them in their LMS/Studio settings."""

from celery.schedules import crontab

from fd_core.plugin import apply_defaults, merge_beat_schedule
from fd_core.queues import apply_routes

DEFAULTS = {
    # Days after a session ended that a guest's registration (first name, phone, e-mail) is kept.
    "FD_CALENDAR_GUEST_RETENTION_DAYS": 30,
    # Hours before the start of a session when registered people get their e-mail reminder.
    "FD_CALENDAR_REMINDER_HOURS": 24,
    # Seconds a check-in code is shown before it changes (it is accepted for two windows).
    "FD_CALENDAR_CODE_SECONDS": 30,
    # Seconds a valid code scanned before signing in still checks the person in after they sign in.
    "FD_CALENDAR_SIGN_IN_GRACE_SECONDS": 600,
    # Shown times and iCalendar TZID.
    "FD_CALENDAR_TIME_ZONE": "Europe/Rome",
    # The right-hand part of the iCalendar UIDs; keep it for good, or calendars duplicate events.
    "FD_CALENDAR_ICAL_DOMAIN": "firenzedigitale.example",
    # Site address used in e-mails and feeds when there is no request ("" = LMS_ROOT_URL/SITE_ROOT_URL).
    "FD_CALENDAR_SITE_URL": "",
    # Back-off after the broker refused a task (the beat task sends what was not queued).
    "FD_CALENDAR_ENQUEUE_BACKOFF_SECONDS": 60,
    # Celery beat entries (<app>.<task>), merged into CELERY_BEAT_SCHEDULE.
    "FD_CALENDAR_BEAT_SCHEDULE": {
        "fd_calendar.reminders": {
            "task": "fd_calendar.tasks.send_reminders",
            "schedule": crontab(minute="*/15"),
        },
        "fd_calendar.purge_guests": {
            "task": "fd_calendar.tasks.purge_guests",
            "schedule": crontab(hour=3, minute=41),
        },
    },
}

# The kind of each task, for queues of their own (FD_TASK_QUEUES, see fd_core.queues).
TASK_KINDS = {
    "fd_calendar.tasks.send_reminders": "notices",
    "fd_calendar.tasks.send_promotion_notice": "notices",
    "fd_calendar.tasks.purge_guests": "cleanup",
}


def plugin_settings(settings):
    apply_defaults(settings, DEFAULTS)
    apply_routes(settings, TASK_KINDS)
    merge_beat_schedule(settings, settings.FD_CALENDAR_BEAT_SCHEDULE)

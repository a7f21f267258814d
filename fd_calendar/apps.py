"""Django app configuration and the Open edX plugin registration of fd_calendar."""

from django.apps import AppConfig

from fd_core.plugin import Receiver, plugin_app_config

RECEIVERS = (Receiver("on_user_retired", "fd_core.platform.USER_RETIRE_LMS_MISC"),)


class CalendarConfig(AppConfig):
    name = "fd_calendar"
    label = "fd_calendar"
    verbose_name = "Training calendar"
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = plugin_app_config(namespace="fd_calendar", url_prefix="fd/calendar", receivers=RECEIVERS)

    def ready(self):
        from . import tasks  # noqa: F401  (registers the Celery tasks with the worker)

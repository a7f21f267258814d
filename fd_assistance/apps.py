"""Django app configuration and the Open edX plugin registration of fd_assistance."""

from django.apps import AppConfig

from fd_core.plugin import Receiver, plugin_app_config

RECEIVERS = (Receiver("on_user_retired", "fd_core.platform.USER_RETIRE_LMS_MISC"),)


class AssistanceConfig(AppConfig):
    name = "fd_assistance"
    label = "fd_assistance"
    verbose_name = "One-to-one assistance at facilitation points"
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = plugin_app_config(namespace="fd_assistance", url_prefix="fd/assistance", receivers=RECEIVERS)

    def ready(self):
        from . import tasks  # noqa: F401  (registers the Celery tasks with the worker)

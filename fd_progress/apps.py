"""Django app configuration and the Open edX plugin registration of fd_progress."""
from django.apps import AppConfig

from fd_core.plugin import plugin_app_config


class ProgressConfig(AppConfig):
    name = "fd_progress"
    label = "fd_progress"
    verbose_name = "Participation targets"
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = plugin_app_config(namespace="fd_progress", url_prefix="fd/progress", receivers=())

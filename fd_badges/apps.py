"""Django app configuration and the Open edX plugin registration of fd_badges."""
from django.apps import AppConfig

from fd_core.plugin import plugin_app_config


class BadgesConfig(AppConfig):
    name = "fd_badges"
    label = "fd_badges"
    verbose_name = "Digital badges"
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = plugin_app_config(namespace="fd_badges", url_prefix="fd/badges", receivers=())

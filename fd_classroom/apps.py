"""Django app configuration and the Open edX plugin registration of fd_classroom."""

from django.apps import AppConfig

from fd_core.plugin import Receiver, plugin_app_config

RECEIVERS = (Receiver("on_user_retired", "fd_core.platform.USER_RETIRE_LMS_MISC"),)


class ClassroomConfig(AppConfig):
    name = "fd_classroom"
    label = "fd_classroom"
    verbose_name = "Class mode of the city tour"
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = plugin_app_config(namespace="fd_classroom", url_prefix="fd/classroom", receivers=RECEIVERS)

    def ready(self):
        from django.db.models.signals import post_delete

        from . import live_state, tasks  # noqa: F401  (tasks: registers the Celery tasks with the worker)
        from .models import ClassSession

        post_delete.connect(live_state.on_class_deleted, sender=ClassSession, dispatch_uid="fd_classroom.forget")

"""The sandbox app: connects plugin receivers exactly as the LMS does at start-up."""
from django.apps import AppConfig


class SandboxConfig(AppConfig):
    name = "sandbox"
    verbose_name = "Open edX LMS stand-in"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from edx_django_utils.plugins import connect_plugin_receivers

        from fd_core.platform import connect_retirement_forwarding

        from . import celery  # noqa: F401  (binds shared tasks to the sandbox's Celery app)

        connect_plugin_receivers("lms.djangoapp")
        connect_retirement_forwarding()

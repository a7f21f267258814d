"""Django app configuration and the Open edX plugin registration of fd_assessment."""
from django.apps import AppConfig

from fd_core.plugin import Receiver, plugin_app_config


class AssessmentConfig(AppConfig):
    name = "fd_assessment"
    label = "fd_assessment"
    verbose_name = "DigComp self-assessment"
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = plugin_app_config(
        namespace="fd_assessment",
        url_prefix="fd/assessment",
        receivers=[
            Receiver("on_xblock_published", "openedx_events.content_authoring.signals.XBLOCK_PUBLISHED"),
            Receiver("on_xblock_deleted", "openedx_events.content_authoring.signals.XBLOCK_DELETED"),
            Receiver("on_user_retired", "fd_core.platform.USER_RETIRE_LMS_MISC"),
        ],
    )

    def ready(self):
        from fd_core.platform import connect_retirement_forwarding

        connect_retirement_forwarding()

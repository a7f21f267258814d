"""Django app configuration and the Open edX plugin registration of fd_badges."""
from django.apps import AppConfig

from fd_core.plugin import Receiver, plugin_app_config

RECEIVERS = (
    Receiver("on_course_passing_status_updated", "openedx_events.learning.signals.COURSE_PASSING_STATUS_UPDATED"),
    Receiver("on_block_completion_saved", "django.db.models.signals.post_save",
             sender_path="completion.models.BlockCompletion", optional=True),
    Receiver("on_user_retired", "fd_core.platform.USER_RETIRE_LMS_MISC"),
    Receiver("on_assessment_completed", "fd_assessment.signals.assessment_completed", optional=True),
    Receiver("on_results_page_extras", "fd_assessment.signals.results_page_extras", optional=True),
)


class BadgesConfig(AppConfig):
    name = "fd_badges"
    label = "fd_badges"
    verbose_name = "Digital badges"
    default_auto_field = "django.db.models.BigAutoField"

    # Mounted at the site root: the DID document must be at /.well-known/did.json (did:web), the
    # rest of the app is under /fd/badges/ (see urls_site.py).
    plugin_app = plugin_app_config(namespace="fd_badges", url_prefix="", urls_module="urls_site",
                                   receivers=RECEIVERS)

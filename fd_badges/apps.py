"""Django app configuration and the Open edX plugin registration of fd_badges."""
from importlib.util import find_spec

from django.apps import AppConfig

from fd_core.plugin import plugin_app_config

RECEIVERS = (
    ("course_passing_status_updated", "openedx_events.learning.signals.COURSE_PASSING_STATUS_UPDATED"),
    ("user_retired", "fd_core.platform.USER_RETIRE_LMS_MISC"),
)
if find_spec("fd_assessment") and find_spec("fd_assessment.signals"):
    RECEIVERS += (("assessment_completed", "fd_assessment.signals.assessment_completed"),
                  ("results_page_extras", "fd_assessment.signals.results_page_extras"))


class BadgesConfig(AppConfig):
    name = "fd_badges"
    label = "fd_badges"
    verbose_name = "Digital badges"
    default_auto_field = "django.db.models.BigAutoField"

    # Mounted at the site root: the DID document must be at /.well-known/did.json (did:web), the
    # rest of the app is under /fd/badges/ (see urls_site.py).
    plugin_app = plugin_app_config(namespace="fd_badges", url_prefix="", urls_module="urls_site",
                                   receivers=RECEIVERS)

    def ready(self):
        from django.db.models.signals import post_save

        from . import receivers

        # edx-completion's BlockCompletion post_save (a lazy sender: completion may load after us)
        post_save.connect(receivers.block_completion_saved, sender="completion.BlockCompletion",
                          dispatch_uid="fd_badges.block_completion_saved")

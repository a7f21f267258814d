"""Django app configuration and the Open edX plugin registration of fd_progress."""

from django.apps import AppConfig

from fd_core.plugin import Receiver, plugin_app_config

RECEIVERS = (
    Receiver("on_registration_completed", "openedx_events.learning.signals.STUDENT_REGISTRATION_COMPLETED"),
    Receiver("on_enrollment_created", "openedx_events.learning.signals.COURSE_ENROLLMENT_CREATED"),
    Receiver("on_block_completion_saved", "django.db.models.signals.post_save",
             sender_path="completion.models.BlockCompletion", optional=True),
    Receiver("on_user_retired", "fd_core.platform.USER_RETIRE_LMS_MISC"),
    # Signals of sibling apps of the suite: connected when those apps are installed.
    Receiver("on_assessment_completed", "fd_assessment.signals.assessment_completed", optional=True),
    Receiver("on_badge_awarded", "fd_badges.signals.badge_awarded", optional=True),
    Receiver("on_class_session_ended", "fd_classroom.signals.class_session_ended", optional=True),
)


class ProgressConfig(AppConfig):
    name = "fd_progress"
    label = "fd_progress"
    verbose_name = "Participation targets"
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = plugin_app_config(namespace="fd_progress", url_prefix="fd/progress", receivers=RECEIVERS)

    def ready(self):
        from . import tasks  # noqa: F401  (registers the Celery tasks with the worker)

"""Django app configuration and the Open edX plugin registration of fd_progress."""

from importlib.util import find_spec

from django.apps import AppConfig

from fd_core.plugin import plugin_app_config

RECEIVERS = (
    ("on_registration_completed", "openedx_events.learning.signals.STUDENT_REGISTRATION_COMPLETED"),
    ("on_enrollment_created", "openedx_events.learning.signals.COURSE_ENROLLMENT_CREATED"),
    ("on_block_completion_saved", "django.db.models.signals.post_save"),
    ("on_user_retired", "fd_core.platform.USER_RETIRE_LMS_MISC"),
)
# Signals of sibling apps of the suite: connected when those apps are installed.
OPTIONAL_RECEIVERS = (
    ("on_assessment_completed", "fd_assessment.signals", "assessment_completed"),
    ("on_badge_awarded", "fd_badges.signals", "badge_awarded"),
    ("on_class_session_ended", "fd_classroom.signals", "class_session_ended"),
)
SENDERS = {"on_block_completion_saved": "completion.models.BlockCompletion"}


def _plugin_app():
    receivers = list(RECEIVERS)
    for func_name, module, signal in OPTIONAL_RECEIVERS:
        if find_spec(module) is not None:
            receivers.append((func_name, f"{module}.{signal}"))
    config = plugin_app_config(namespace="fd_progress", url_prefix="fd/progress", receivers=receivers)
    for project in config["signals_config"].values():
        for receiver in project["receivers"]:
            sender = SENDERS.get(receiver["receiver_func_name"])
            if sender:
                receiver["sender_path"] = sender
    return config


class ProgressConfig(AppConfig):
    name = "fd_progress"
    label = "fd_progress"
    verbose_name = "Participation targets"
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = _plugin_app()

    def ready(self):
        from . import tasks  # noqa: F401  (registers the Celery tasks with the worker)

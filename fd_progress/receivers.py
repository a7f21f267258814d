"""Signal receivers of fd_progress, connected by the plugin framework through signals_config.

Each receiver records one compact event (see :mod:`fd_progress.ingest`); the counting happens
later, in batches, in a Celery task enqueued when the transaction commits.
"""

import logging

from . import ingest
from .ingest import assessment, badge, completion, registration
from .metrics import COUNTED_BLOCK_TYPES

log = logging.getLogger(__name__)


def _event_time(kwargs):
    metadata = kwargs.get("metadata")
    return getattr(metadata, "time", None)


def on_registration_completed(signal=None, sender=None, user=None, **kwargs):
    """openedx-events ``STUDENT_REGISTRATION_COMPLETED`` (``user`` is a ``UserData``)."""
    if user is not None and user.id is not None:
        registration(user.id, _event_time(kwargs))


def on_enrollment_created(signal=None, sender=None, enrollment=None, **kwargs):
    """openedx-events ``COURSE_ENROLLMENT_CREATED`` (``enrollment`` is a ``CourseEnrollmentData``)."""
    if enrollment is None or enrollment.user is None:
        return
    ingest.enrollment(
        enrollment.user.id, str(enrollment.course.course_key), enrollment.creation_date or _event_time(kwargs)
    )


def on_block_completion_saved(sender=None, instance=None, **kwargs):
    """edx-completion ``BlockCompletion`` post_save: a micro-course block fully completed."""
    if instance is None or instance.block_type not in COUNTED_BLOCK_TYPES or instance.completion < 1.0:
        return
    completion(instance.user_id, str(instance.block_key), str(instance.context_key), instance.modified)


def on_assessment_completed(sender=None, user_id=None, attempt_id=None, course_key=None, completed_at=None,
                            **kwargs):
    """``fd_assessment.signals.assessment_completed`` (payload ``AssessmentCompleted``)."""
    if user_id is None or attempt_id is None:
        log.warning("fd_progress: assessment_completed without user or attempt id ignored")
        return
    assessment(user_id, attempt_id, course_key or "", completed_at)


def on_badge_awarded(sender=None, user_id=None, award_uuid=None, course_key=None, awarded_at=None, **kwargs):
    """``fd_badges.signals.badge_awarded`` (payload ``BadgeAwarded``)."""
    if user_id is None or award_uuid is None:
        log.warning("fd_progress: badge_awarded without user or award ignored")
        return
    badge(user_id, award_uuid, course_key or "", awarded_at)


def on_user_retired(sender=None, user=None, **kwargs):
    """``fd_core.platform.USER_RETIRE_LMS_MISC``: keep the counts, forget the person."""
    from .retirement import retire_user

    if user is not None:
        retire_user(user.pk)


def on_class_session_ended(sender=None, class_uuid=None, head_count=0, ended_at=None, **kwargs):
    """``fd_classroom.signals.class_session_ended``: a class tour counts as an in-person session."""
    from .activities import record_class_session

    if not class_uuid:
        log.warning("fd_progress: class_session_ended without class_uuid ignored")
        return
    record_class_session(
        source=f"fd_classroom:{class_uuid}",
        title=kwargs.get("tour_title") or "",
        school=kwargs.get("school_name") or "",
        head_count=max(0, int(head_count or 0)),
        when=ended_at,
    )

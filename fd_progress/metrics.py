"""What fd_progress counts (metrics) and where (scopes)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Metric(models.TextChoices):
    PEOPLE_REACHED = "people_reached", _("People reached")
    REGISTRATIONS = "registrations", _("Registrations")
    # Stored values are part of the REST API and the open-data export, so they keep their spelling.
    ENROLLMENTS = "enrolments", _("Enrolments")
    COURSES_COMPLETED = "courses_completed", _("Micro-courses completed")
    ASSESSMENTS_COMPLETED = "assessments_completed", _("Self-assessments completed")
    BADGES_AWARDED = "badges_awarded", _("Badges awarded")
    SESSIONS_HELD = "sessions_held", _("Training sessions held")
    ATTENDANCES = "attendances", _("Attendances")
    ASSISTANCE_HOURS = "assistance_hours", _("Hours of one-to-one assistance")


class ScopeType(models.TextChoices):
    PROGRAMME = "programme", _("Whole programme")
    ORGANISATION = "organisation", _("Organisation")
    COURSE = "course", _("Course")
    PARTNER = "partner", _("Partner")
    DISTRICT = "district", _("District")
    POINT = "point", _("Facilitation point")
    SCHOOL = "school", _("School")


class EventKind(models.TextChoices):
    REGISTRATION = "registration", _("Registration")
    ENROLLMENT = "enrolment", _("Enrolment")
    COMPLETION = "completion", _("Block completed")
    ASSESSMENT = "assessment", _("Self-assessment completed")
    BADGE = "badge", _("Badge awarded")
    ATTENDANCE = "attendance", _("Attendance of a registered user")
    HEAD_COUNT = "head_count", _("Attendance as a head count")
    SESSION = "session", _("Training session held")
    ASSISTANCE = "assistance", _("One-to-one assistance")


# Metrics whose figures describe people: public figures suppress their small groups.
PEOPLE_METRICS = frozenset(
    {
        Metric.PEOPLE_REACHED,
        Metric.REGISTRATIONS,
        Metric.ENROLLMENTS,
        Metric.COURSES_COMPLETED,
        Metric.ASSESSMENTS_COMPLETED,
        Metric.BADGES_AWARDED,
        Metric.ATTENDANCES,
    }
)

# Block types whose completion counts as a micro-course completed.
COUNTED_BLOCK_TYPES = ("fd_video_pill", "fd_digcomp_assessment")

PROGRAMME_SCOPE = (ScopeType.PROGRAMME.value, "")

"""Enrollment and registration, announced through openedx-events as the LMS announces them."""
from django.db import transaction
from django.utils import timezone
from openedx_events.learning.data import CourseEnrollmentData
from openedx_events.learning.signals import COURSE_ENROLLMENT_CREATED, STUDENT_REGISTRATION_COMPLETED

from .eventdata import course_data, user_data
from .models import CourseEnrollment


def enroll(user, course, mode="audit"):
    """Enrol ``user``; the event is sent once, when the enrollment is first created."""
    with transaction.atomic():
        enrollment, created = CourseEnrollment.objects.get_or_create(user=user, course=course, defaults={"mode": mode})
        if not enrollment.is_active:
            enrollment.is_active = True
            enrollment.save(update_fields=["is_active"])
    if created:
        COURSE_ENROLLMENT_CREATED.send_event(enrollment=CourseEnrollmentData(
            user=user_data(user), course=course_data(course), mode=enrollment.mode,
            is_active=True, creation_date=enrollment.created or timezone.now(),
        ))
    return enrollment


def is_enrolled(user, course):
    return user.is_authenticated and CourseEnrollment.objects.filter(user=user, course=course, is_active=True).exists()


def registration_completed(user):
    STUDENT_REGISTRATION_COMPLETED.send_event(user=user_data(user))

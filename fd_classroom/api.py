"""fd_classroom's door for the tour block: who may lead, the schools, starting a class.

The block calls only these three functions (and never fd_classroom's models or views).
"""

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from fd_core.platform import platform

from .models import School, TeacherRole

__all__ = ["can_lead", "schools", "start_class"]


def can_lead(user, course_key):
    """True for course staff of ``course_key`` and for teachers approved by the programme's staff."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if platform().is_course_staff(user, course_key):
        return True
    return TeacherRole.objects.filter(user_id=user.pk, approved=True).exists()


def schools():
    """The programme's schools a teacher may pick: ``[{"id": int, "name": str}, ...]``."""
    return [{"id": pk, "name": name} for pk, name in School.objects.filter(active=True).values_list("id", "name")]


def start_class(*, teacher, course_key, usage_key, tour, school_id=None):
    """Start a class tour led by ``teacher`` on the block's ``student_view_data()`` snapshot.

    Returns ``{"code", "join_url", "lead_url"}`` (site-relative URLs). Raises ``PermissionDenied``
    if the teacher may not lead, ``django.core.exceptions.ValidationError`` if the tour or the
    school is not valid.
    """
    from .classes import start

    if not can_lead(teacher, course_key):
        raise PermissionDenied("Only course staff and approved teachers can lead a class tour.")
    session = start(teacher, course_key, usage_key, tour, school_id)
    return {
        "code": session.code,
        "join_url": f"{reverse('fd_classroom:join')}?code={session.code}",
        "lead_url": reverse("fd_classroom:lead", kwargs={"public_id": session.public_id}),
    }

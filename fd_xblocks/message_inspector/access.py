"""Who is calling a handler: the signed-in Django user, and whether they are on the course team.

The course-team check is the suite's one positive check (``fd_core.xblock_auth``).
"""
from django.contrib.auth import get_user_model

from fd_core.xblock_auth import caller_is_course_staff, current_user_attrs


def current_user(block):
    """The Django user behind the runtime's user service, or None (anonymous, no-auth route)."""
    attrs = current_user_attrs(block)
    if attrs.get("edx-platform.is_authenticated") is not True or not attrs.get("edx-platform.user_id"):
        return None
    return get_user_model().objects.filter(pk=attrs["edx-platform.user_id"], is_active=True).first()


def is_course_team(block):
    return caller_is_course_staff(block)

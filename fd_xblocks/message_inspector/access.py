"""Who is calling a handler: the signed-in Django user and whether they are on the course team."""
from django.contrib.auth import get_user_model

from fd_core.platform import platform


def current_user(block):
    """The Django user behind the runtime's user service, or None (anonymous, no-auth route)."""
    service = block.runtime.service(block, "user")
    current = service.get_current_user() if service is not None else None
    attrs = getattr(current, "opt_attrs", None) or {}
    if not attrs.get("edx-platform.is_authenticated") or not attrs.get("edx-platform.user_id"):
        return None
    return get_user_model().objects.filter(pk=attrs["edx-platform.user_id"], is_active=True).first()


def is_course_team(block):
    """True only for course staff or instructors of the block's course (and global staff)."""
    user = current_user(block)
    course_key = getattr(block.scope_ids.usage_id, "course_key", None)
    return user is not None and course_key is not None and platform().is_course_staff(user, course_key)

"""Who may use a block's author handlers: a positive check of the caller, never a deny-list.

The LMS exposes every handler of a block (Studio's too) on learner routes and on a no-auth route
where the user is anonymous (and the role may be missing). A caller is course staff only when the
runtime says they are signed in AND either the ``user`` service gives them the LMS role
``staff``/``instructor`` or ``fd_core.platform`` finds a course staff role (Studio's runtime,
where the LMS role may be absent). Anything else, a missing service or attribute included, is no.
"""
from django.contrib.auth import get_user_model

from .platform import platform

STAFF_ROLES = ("staff", "instructor")


def current_user_attrs(block):
    """The ``edx-platform.*`` attributes of the current user, or ``{}`` without a user service."""
    try:
        service = block.runtime.service(block, "user")
    except Exception:  # noqa: BLE001 - NoSuchServiceError and the like: no user known
        return {}
    if service is None:
        return {}
    return getattr(service.get_current_user(), "opt_attrs", None) or {}


def caller_is_course_staff(block):
    """True only for a signed-in member of the course staff (or global staff) of the block's course."""
    attrs = current_user_attrs(block)
    if attrs.get("edx-platform.is_authenticated") is not True:
        return False
    if attrs.get("edx-platform.user_role") in STAFF_ROLES:
        return True
    user_id = attrs.get("edx-platform.user_id")
    course_key = getattr(block.scope_ids.usage_id, "course_key", None)
    if not user_id or course_key is None:
        return False
    user = get_user_model().objects.filter(pk=user_id).first()
    return bool(user is not None and platform().is_course_staff(user, course_key))

"""Platform backend for a real Open edX LMS/Studio: every edx-platform import is lazy, here only."""
# ruff: noqa: PLC0415


def base_template():
    """The LMS's Django base page (its header, footer, theme and stylesheets), which our pages extend.

    ``main_django.html`` is the platform's Django twin of ``main.html``; its blocks are ``title``,
    ``headextra``, ``bodyclass``, ``body`` and ``bodyextra`` (see ``fd_core/page.html``).
    """
    return "main_django.html"


def is_course_staff(user, course_key):
    from common.djangoapps.student.roles import CourseInstructorRole, CourseStaffRole, GlobalStaff

    if not getattr(user, "is_authenticated", False):
        return False
    return bool(
        GlobalStaff().has_user(user)
        or CourseStaffRole(course_key).has_user(user)
        or CourseInstructorRole(course_key).has_user(user)
    )


def get_block(usage_key):
    from xmodule.modulestore.django import modulestore
    from xmodule.modulestore.exceptions import ItemNotFoundError

    try:
        return modulestore().get_item(usage_key)
    except ItemNotFoundError as exc:
        raise LookupError(str(usage_key)) from exc


def jump_to_url(usage_key):
    from django.urls import reverse

    return reverse("jump_to", kwargs={"course_id": str(usage_key.course_key), "location": str(usage_key)})


def course_asset_url(course_key, path):
    """The site-root URL of a course file (``/static/<path>`` in OLX), as the LMS serves it."""
    from xmodule.contentstore.content import StaticContent

    return StaticContent.serialize_asset_key_with_slash(StaticContent.compute_location(course_key, path))


def course_title(course_key):
    from openedx.core.djangoapps.content.course_overviews.models import CourseOverview

    try:
        return CourseOverview.get_from_id(course_key).display_name_with_default
    except CourseOverview.DoesNotExist:
        return str(course_key)


def course_block_keys(course_key, block_type=None):
    from xmodule.modulestore.django import modulestore

    qualifiers = {"category": block_type} if block_type else {}
    return [item.location for item in modulestore().get_items(course_key, qualifiers=qualifiers)]


def retirement_signal(name):
    try:
        from openedx.core.djangoapps.user_api.accounts import signals
    except ImportError:
        return None
    return getattr(signals, name, None)


def read_course_asset(course_key, name):
    """The bytes of a course's uploaded file (Studio's "Files"), or LookupError."""
    from xmodule.contentstore.content import StaticContent
    from xmodule.contentstore.django import contentstore
    from xmodule.exceptions import NotFoundError

    try:
        return contentstore().find(StaticContent.compute_location(course_key, name)).data
    except NotFoundError as exc:
        raise LookupError(name) from exc


def course_home_url(course_key):
    """The course's home page (outline, "Resume course") in the Learning MFE, as the LMS links it."""
    from openedx.features.course_experience.url_helpers import get_learning_mfe_home_url

    return get_learning_mfe_home_url(course_key=course_key, url_fragment="home")

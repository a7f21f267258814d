"""The sandbox's answers to ``fd_core.platform`` (what edx-platform answers in the LMS)."""
from django.dispatch import Signal
from django.urls import reverse

USER_RETIRE_LMS_MISC = Signal()
USER_RETIRE_LMS_CRITICAL = Signal()


def base_template():
    """The sandbox's one header page, with the blocks of the LMS's ``main_django.html``."""
    return "sandbox/main_django.html"


def is_course_staff(user, course_key):
    from .models import CourseAccessRole

    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_staff or CourseAccessRole.objects.filter(user=user, course_key=course_key).exists())


def get_block(usage_key):
    from .models import CourseBlock
    from .runtime import SandboxRuntime, as_usage_key

    usage_key = as_usage_key(usage_key)
    if not CourseBlock.objects.filter(usage_key=usage_key).exists():
        raise LookupError(str(usage_key))
    return SandboxRuntime(user=None, course_key=usage_key.course_key).get_block(usage_key)


def jump_to_url(usage_key):
    return reverse("sandbox:jump_to", kwargs={"course_id": str(usage_key.course_key), "usage_id": str(usage_key)})


def course_home_url(course_key):
    """The course outline, where "continue where you left off" is (the LMS's course home)."""
    return reverse("sandbox:course_outline", kwargs={"course_id": str(course_key)})


def course_asset_url(course_key, path):
    """The site-root URL of a course file (``/static/<path>`` in OLX)."""
    from .rendering import asset_url

    return asset_url(course_key, path)


def course_title(course_key):
    from .models import Course

    course = Course.objects.filter(course_key=course_key).first()
    return course.display_name if course else str(course_key)


def course_block_keys(course_key, block_type=None):
    from .models import CourseBlock

    blocks = CourseBlock.objects.filter(course__course_key=course_key)
    if block_type:
        blocks = blocks.filter(block_type=block_type)
    return [block.usage_key for block in blocks.order_by("id")]


def retirement_signal(name):
    signals = {"USER_RETIRE_LMS_MISC": USER_RETIRE_LMS_MISC, "USER_RETIRE_LMS_CRITICAL": USER_RETIRE_LMS_CRITICAL}
    return signals.get(name)


def read_course_asset(course_key, name):
    """The bytes of a file in the course's ``static/`` folder (the LMS reads its contentstore), or LookupError."""
    from pathlib import Path

    from .models import Course

    course = Course.objects.filter(course_key=course_key).first()
    if course is None or not course.source_dir:
        raise LookupError(name)
    root = (Path(course.source_dir) / "static").resolve()
    target = (root / name).resolve()
    if root not in target.parents or not target.is_file():
        raise LookupError(name)
    return target.read_bytes()

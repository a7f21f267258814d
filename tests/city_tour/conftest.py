"""Fixtures of the city tour tests: the "Firenze smart city" course imported into the sandbox."""
from pathlib import Path

import pytest
from django.urls import reverse

REPO = Path(__file__).resolve().parents[2]
COURSE_DIR = REPO / "course_content" / "smart-city"
TOUR_OLX = COURSE_DIR / "fd_city_tour" / "firenze-smart-city.xml"


@pytest.fixture
def tour_course(db):
    from sandbox.courses import import_course

    return import_course(COURSE_DIR)


@pytest.fixture
def tour_key(tour_course):
    return tour_course.course_key.make_usage_key("fd_city_tour", "firenze-smart-city")


@pytest.fixture
def unit_url(tour_course):
    unit = tour_course.course_key.make_usage_key("vertical", "smart-city-tour-unit")
    return reverse("sandbox:unit", args=[str(tour_course.course_key), str(unit)])


@pytest.fixture
def learner(db, django_user_model, tour_course):
    from sandbox.enrollment import enroll

    user = django_user_model.objects.create_user("pietro", "pietro@example.org", "pw")
    enroll(user, tour_course)
    return user


@pytest.fixture
def staff(db, django_user_model, tour_course):
    from sandbox.models import CourseAccessRole

    user = django_user_model.objects.create_user("maestra", "maestra@example.org", "pw")
    CourseAccessRole.objects.create(user=user, course_key=tour_course.course_key, role="staff")
    return user


def handler_url(usage_key, handler):
    return reverse("sandbox:xblock_handler", kwargs={"usage_id": str(usage_key), "handler": handler, "suffix": ""})


def block_for(user, usage_key, is_staff=False):
    """The block as ``user`` sees it, with the learner's saved state."""
    from sandbox.runtime import SandboxRuntime

    return SandboxRuntime(user, usage_key.course_key, is_staff=is_staff).get_block(usage_key)

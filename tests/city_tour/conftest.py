"""Fixtures of the city tour tests: the "Firenze smart city" course imported into the sandbox."""
from pathlib import Path

import pytest

from tests.helpers import courses

REPO = Path(__file__).resolve().parents[2]
COURSE_DIR = REPO / "course_content" / "smart-city"
TOUR_OLX = COURSE_DIR / "fd_city_tour" / "firenze-smart-city.xml"


@pytest.fixture
def tour_course(db):
    return courses.import_course(COURSE_DIR)


@pytest.fixture
def tour_key(tour_course):
    return tour_course.course_key.make_usage_key("fd_city_tour", "firenze-smart-city")


@pytest.fixture
def unit_url(tour_course):
    return courses.unit_url(tour_course, "smart-city-tour-unit")


@pytest.fixture
def learner_fields():
    return {"username": "pietro"}


@pytest.fixture
def learner_course(tour_course):
    return tour_course


@pytest.fixture
def staff(db, django_user_model, tour_course):
    return courses.course_staff(django_user_model, tour_course, "maestra")


handler_url = courses.handler_url
block_for = courses.block_for

"""Fixtures of the data exercise tests: the open-data-pro course in the sandbox, learners, handlers."""
from pathlib import Path

import pytest

from tests.helpers import courses

REPO = Path(__file__).resolve().parents[2]
COURSE_DIR = REPO / "course_content" / "open-data-pro"
STATIC = COURSE_DIR / "static"


@pytest.fixture
def course(db):
    return courses.import_course(COURSE_DIR)


def exercise_key(course, name):
    return course.course_key.make_usage_key("fd_data_exercise", name)


@pytest.fixture
def learner_fields():
    return {"username": "marta"}


@pytest.fixture
def learner_course(course):
    return course


@pytest.fixture
def staff(db, django_user_model, course):
    return courses.course_staff(django_user_model, course, "autore")


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


handler_url = courses.handler_url
post_json = courses.post_json
block_for = courses.block_for

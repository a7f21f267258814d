"""Fixtures of the data exercise tests: the open-data-pro course in the sandbox, learners, handlers."""
import json
from pathlib import Path

import pytest
from django.urls import reverse

REPO = Path(__file__).resolve().parents[2]
COURSE_DIR = REPO / "course_content" / "open-data-pro"
STATIC = COURSE_DIR / "static"


@pytest.fixture
def course(db):
    from sandbox.courses import import_course

    return import_course(COURSE_DIR)


def exercise_key(course, name):
    return course.course_key.make_usage_key("fd_data_exercise", name)


@pytest.fixture
def learner(db, django_user_model, course):
    from sandbox.enrollment import enroll

    user = django_user_model.objects.create_user("marta", "marta@example.org", "pw")
    enroll(user, course)
    return user


@pytest.fixture
def staff(db, django_user_model, course):
    from sandbox.models import CourseAccessRole

    user = django_user_model.objects.create_user("autore", "autore@example.org", "pw")
    CourseAccessRole.objects.create(user=user, course_key=course.course_key, role="staff")
    return user


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


def handler_url(usage_key, handler, suffix="", noauth=False):
    name = "sandbox:xblock_handler_noauth" if noauth else "sandbox:xblock_handler"
    return reverse(name, kwargs={"usage_id": str(usage_key), "handler": handler, "suffix": suffix})


def post_json(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def block_for(user, usage_key, is_staff=False):
    from sandbox.runtime import SandboxRuntime

    return SandboxRuntime(user, usage_key.course_key, is_staff=is_staff).get_block(usage_key)

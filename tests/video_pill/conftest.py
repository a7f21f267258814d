"""Fixtures of the video pill tests: a one-unit course around the demo pill, learners, requests."""
import json
import shutil
from pathlib import Path

import pytest
from django.urls import reverse

from tests.helpers import courses

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "course_content" / "open-data"
PILL_OLX = DEMO / "fd_video_pill" / "what-is-open-data.xml"
COURSE_ID = "course-v1:FirenzeDigitale+VP101+2026"


def write_course(root, pill_xml):
    """A course directory in the OLX layout with one unit holding the pill (and the demo's media)."""
    courses.write_course(root, number="VP101", display_name="Pillole di prova", block_type="fd_video_pill",
                         blocks={"pill": pill_xml}, units={"pill": ("u1", "Unità")})
    for media in (DEMO / "static").glob("what-is-open-data.*"):
        shutil.copy(media, root / "static" / media.name)
    return root


@pytest.fixture
def pill_course(db, tmp_path):
    from sandbox.courses import import_course

    return import_course(write_course(tmp_path / "course", PILL_OLX.read_text(encoding="utf-8")))


@pytest.fixture
def pill_key(pill_course):
    return pill_course.course_key.make_usage_key("fd_video_pill", "pill")


@pytest.fixture
def unit_url(pill_course):
    unit = pill_course.course_key.make_usage_key("vertical", "u1")
    return reverse("sandbox:unit", args=[str(pill_course.course_key), str(unit)])


@pytest.fixture
def learner_fields():
    return {"username": "giulia"}


@pytest.fixture
def learner_course(pill_course):
    return pill_course


@pytest.fixture
def staff(db, django_user_model, pill_course):
    return courses.course_staff(django_user_model, pill_course, "autrice")


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


handler_url = courses.handler_url


@pytest.fixture
def call(pill_key):
    """``call(client, handler, payload)``: POST JSON to one of the pill's handlers."""

    def post(client, handler, payload, raw=None):
        body = raw if raw is not None else json.dumps(payload)
        return client.post(handler_url(pill_key, handler), data=body, content_type="application/json")

    return post


@pytest.fixture
def learner_block(pill_key):
    """``learner_block(user)``: the pill as that learner's runtime sees it (to read or age stored state)."""
    return lambda user: courses.block_for(user, pill_key)


class Clock:
    """The wall clock the pill's handlers read, moved forward by hand (``clock.advance(seconds)``)."""

    def __init__(self, start):
        self.time = start

    def __call__(self):
        return self.time

    def advance(self, seconds):
        self.time += seconds


@pytest.fixture
def clock(monkeypatch):
    from fd_xblocks.video_pill import learner_handlers

    fake = Clock(1_800_000_000.0)
    monkeypatch.setattr(learner_handlers, "now", fake)
    return fake

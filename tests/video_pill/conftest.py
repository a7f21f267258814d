"""Fixtures of the video pill tests: a one-unit course around the demo pill, learners, requests."""
import json
import shutil
from pathlib import Path

import pytest
from django.urls import reverse

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "course_content" / "open-data"
PILL_OLX = DEMO / "fd_video_pill" / "what-is-open-data.xml"
COURSE_ID = "course-v1:FirenzeDigitale+VP101+2026"


def write_course(root, pill_xml):
    """A course directory in the OLX layout with one unit holding the pill (and the demo's media)."""
    for folder in ("course", "chapter", "sequential", "vertical", "fd_video_pill", "static", "policies/2026"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "course.xml").write_text('<course url_name="2026" org="FirenzeDigitale" course="VP101"/>')
    (root / "course" / "2026.xml").write_text(
        '<course display_name="Pillole di prova" language="it" start="2026-01-01T00:00:00Z">'
        '<chapter url_name="c1"/></course>')
    (root / "chapter" / "c1.xml").write_text('<chapter display_name="Capitolo"><sequential url_name="s1"/></chapter>')
    (root / "sequential" / "s1.xml").write_text('<sequential display_name="Sezione"><vertical url_name="u1"/>'
                                                '</sequential>')
    (root / "vertical" / "u1.xml").write_text('<vertical display_name="Unità"><fd_video_pill url_name="pill"/>'
                                              '</vertical>')
    (root / "fd_video_pill" / "pill.xml").write_text(pill_xml, encoding="utf-8")
    (root / "policies" / "2026" / "grading_policy.json").write_text(
        json.dumps({"GRADER": [], "GRADE_CUTOFFS": {"Pass": 0.5}}))
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
def learner(db, django_user_model, pill_course):
    from sandbox.enrollment import enroll

    user = django_user_model.objects.create_user("giulia", "giulia@example.org", "pw")
    enroll(user, pill_course)
    return user


@pytest.fixture
def staff(db, django_user_model, pill_course):
    from sandbox.models import CourseAccessRole

    user = django_user_model.objects.create_user("autrice", "autrice@example.org", "pw")
    CourseAccessRole.objects.create(user=user, course_key=pill_course.course_key, role="staff")
    return user


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


def handler_url(usage_key, handler, suffix=""):
    return reverse("sandbox:xblock_handler", kwargs={"usage_id": str(usage_key), "handler": handler,
                                                     "suffix": suffix})


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
    from sandbox.runtime import SandboxRuntime

    def get(user):
        return SandboxRuntime(user, pill_key.course_key).get_block(pill_key)

    return get


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

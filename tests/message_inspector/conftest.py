"""Fixtures of the "spot the scam" tests: a small course with real exercises of the online-safety course."""
import json
from pathlib import Path

import pytest

from tests.helpers import courses

REPO = Path(__file__).resolve().parents[2]
COURSE_DIR = REPO / "course_content" / "online-safety"
EXERCISES = COURSE_DIR / "fd_message_inspector"
COURSE = "course-v1:FirenzeDigitale+MI101+2026"
# A scam with a misleading link and a genuine message with nothing to mark as a sign.
SCAM = "sms-inps-rimborso"
GENUINE = "sms-codice-banca-vero"


def write_course(root, exercises, extra=None):
    """The course with a unit per exercise; ``extra`` adds (or replaces) blocks' OLX by name."""
    extra = extra or {}
    blocks = {name: extra.get(name, EXERCISES / f"{name}.xml") for name in exercises
              if name in extra or (EXERCISES / f"{name}.xml").exists()}
    courses.write_course(root, number="MI101", display_name="Riconosci la truffa",
                         block_type="fd_message_inspector", blocks=blocks,
                         units={name: (f"u-{name}", f"Unità {name}") for name in exercises})
    for name, xml in extra.items():  # blocks outside any unit too, as an author's export may hold
        (root / "fd_message_inspector" / f"{name}.xml").write_text(xml, encoding="utf-8")
    return root


@pytest.fixture
def mi_course(db, tmp_path):
    return courses.import_course(write_course(tmp_path / "course", [SCAM, GENUINE]))


def usage(course, name):
    return course.course_key.make_usage_key("fd_message_inspector", name)


def unit_url(course, name):
    return courses.unit_url(course, f"u-{name}")


def handler_url(usage_key, handler, noauth=False):
    return courses.handler_url(usage_key, handler, noauth=noauth)


@pytest.fixture
def learner_fields():
    return {"username": "marta"}


@pytest.fixture
def learner_course(mi_course):
    return mi_course


@pytest.fixture
def author(db, django_user_model, mi_course):
    return courses.course_staff(django_user_model, mi_course, "autore")


@pytest.fixture
def block_of():
    """``block_of(user, usage_key)``: the block as that user's runtime sees it (stored state included)."""
    return courses.block_for


def post_json(client, url, payload, raw=None):
    body = raw if raw is not None else json.dumps(payload)
    return client.post(url, data=body, content_type="application/json")

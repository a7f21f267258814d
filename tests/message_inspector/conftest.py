"""Fixtures of the "spot the scam" tests: a small course with real exercises of the online-safety course."""
import json
import shutil
from pathlib import Path

import pytest
from django.urls import reverse

REPO = Path(__file__).resolve().parents[2]
COURSE_DIR = REPO / "course_content" / "online-safety"
EXERCISES = COURSE_DIR / "fd_message_inspector"
COURSE = "course-v1:FirenzeDigitale+MI101+2026"
# A scam with a misleading link and a genuine message with nothing to mark as a sign.
SCAM = "sms-inps-rimborso"
GENUINE = "sms-codice-banca-vero"


def write_course(root, exercises, extra=None):
    for folder in ("course", "chapter", "sequential", "vertical", "fd_message_inspector", "policies/2026"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "course.xml").write_text('<course url_name="2026" org="FirenzeDigitale" course="MI101"/>')
    (root / "course" / "2026.xml").write_text(
        '<course display_name="Riconosci la truffa" language="it" start="2026-01-01T00:00:00Z">'
        '<chapter url_name="c1"/></course>')
    (root / "chapter" / "c1.xml").write_text('<chapter display_name="Capitolo"><sequential url_name="s1"/></chapter>')
    units = "".join(f'<vertical url_name="u-{name}"/>' for name in exercises)
    (root / "sequential" / "s1.xml").write_text(f'<sequential display_name="Esercizi">{units}</sequential>')
    for name in exercises:
        (root / "vertical" / f"u-{name}.xml").write_text(
            f'<vertical display_name="Unità {name}"><fd_message_inspector url_name="{name}"/></vertical>')
        source = EXERCISES / f"{name}.xml"
        if source.exists():
            shutil.copy(source, root / "fd_message_inspector" / f"{name}.xml")
    for name, xml in (extra or {}).items():
        (root / "fd_message_inspector" / f"{name}.xml").write_text(xml, encoding="utf-8")
    (root / "policies" / "2026" / "grading_policy.json").write_text(
        json.dumps({"GRADER": [], "GRADE_CUTOFFS": {"Pass": 0.5}}))
    return root


@pytest.fixture
def mi_course(db, tmp_path):
    from sandbox.courses import import_course

    return import_course(write_course(tmp_path / "course", [SCAM, GENUINE]))


def usage(course, name):
    return course.course_key.make_usage_key("fd_message_inspector", name)


def unit_url(course, name):
    unit = course.course_key.make_usage_key("vertical", f"u-{name}")
    return reverse("sandbox:unit", args=[str(course.course_key), str(unit)])


def handler_url(usage_key, handler, noauth=False):
    name = "sandbox:xblock_handler_noauth" if noauth else "sandbox:xblock_handler"
    return reverse(name, kwargs={"usage_id": str(usage_key), "handler": handler, "suffix": ""})


@pytest.fixture
def learner(db, django_user_model, mi_course):
    from sandbox.enrollment import enroll

    user = django_user_model.objects.create_user("marta", "marta@example.org", "pw")
    enroll(user, mi_course)
    return user


@pytest.fixture
def author(db, django_user_model, mi_course):
    from sandbox.models import CourseAccessRole

    user = django_user_model.objects.create_user("autore", "autore@example.org", "pw")
    CourseAccessRole.objects.create(user=user, course_key=mi_course.course_key, role="staff")
    return user


@pytest.fixture
def block_of():
    """``block_of(user, usage_key)``: the block as that user's runtime sees it (stored state included)."""
    from sandbox.runtime import SandboxRuntime

    def get(user, usage_key):
        return SandboxRuntime(user, usage_key.course_key).get_block(usage_key)

    return get


def post_json(client, url, payload, raw=None):
    body = raw if raw is not None else json.dumps(payload)
    return client.post(url, data=body, content_type="application/json")

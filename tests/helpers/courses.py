"""Courses, people and block addresses the XBlock test suites share (imported by their conftests)."""
import json
from pathlib import Path

from django.urls import reverse

REPO = Path(__file__).resolve().parents[2]


def write_course(root, *, number, display_name, block_type, blocks, units=None):
    """A course directory in the OLX layout: one chapter, one section, a unit per block.

    ``blocks`` maps each block's ``url_name`` to its OLX (a string, or a file to copy); ``units``
    maps a block's ``url_name`` to ``(unit url_name, unit display name)``, by default ``u-<name>``.
    """
    for folder in ("course", "chapter", "sequential", "vertical", block_type, "static", "policies/2026"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "course.xml").write_text(f'<course url_name="2026" org="FirenzeDigitale" course="{number}"/>')
    (root / "course" / "2026.xml").write_text(
        f'<course display_name="{display_name}" language="it" start="2026-01-01T00:00:00Z">'
        '<chapter url_name="c1"/></course>')
    (root / "chapter" / "c1.xml").write_text('<chapter display_name="Capitolo"><sequential url_name="s1"/></chapter>')
    units = units or {}
    unit_names = {name: units.get(name, (f"u-{name}", f"Unità {name}")) for name in blocks}
    children = "".join(f'<vertical url_name="{unit}"/>' for unit, _ in unit_names.values())
    (root / "sequential" / "s1.xml").write_text(f'<sequential display_name="Sezione">{children}</sequential>')
    for name, olx in blocks.items():
        unit, title = unit_names[name]
        (root / "vertical" / f"{unit}.xml").write_text(
            f'<vertical display_name="{title}"><{block_type} url_name="{name}"/></vertical>', encoding="utf-8")
        text = olx.read_text(encoding="utf-8") if isinstance(olx, Path) else olx
        (root / block_type / f"{name}.xml").write_text(text, encoding="utf-8")
    (root / "policies" / "2026" / "grading_policy.json").write_text(
        json.dumps({"GRADER": [], "GRADE_CUTOFFS": {"Pass": 0.5}}))
    return root


def import_course(directory):
    from sandbox.courses import import_course as sandbox_import

    return sandbox_import(directory)


def course_staff(django_user_model, course, username):
    """A member of the course team of ``course`` (the LMS's ``staff`` course access role)."""
    from sandbox.models import CourseAccessRole

    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    CourseAccessRole.objects.create(user=user, course_key=course.course_key, role="staff")
    return user


def handler_url(usage_key, handler, suffix="", noauth=False):
    """The LMS-style handler URL of a block (``noauth``: the route without a signed-in user)."""
    name = "sandbox:xblock_handler_noauth" if noauth else "sandbox:xblock_handler"
    return reverse(name, kwargs={"usage_id": str(usage_key), "handler": handler, "suffix": suffix})


def unit_url(course, unit_name):
    unit = course.course_key.make_usage_key("vertical", unit_name)
    return reverse("sandbox:unit", args=[str(course.course_key), str(unit)])


def block_for(user, usage_key, is_staff=False):
    """The block as ``user`` sees it, with the learner's saved state."""
    from sandbox.runtime import SandboxRuntime

    return SandboxRuntime(user, usage_key.course_key, is_staff=is_staff).get_block(usage_key)


def post_json(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")

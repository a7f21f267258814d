"""Every course under ``course_content/`` has the layout a Studio export has, and imports.

Checked for each folder (so a new course is checked too): ``course.xml`` naming org, course and
run; ``course/<run>.xml``; ``policies/<run>/policy.json`` with the course settings Studio writes
(display_name, start, language, tabs, course_image, advanced_modules naming every one of our
block types the course uses); ``policies/<run>/grading_policy.json``; ``policies/assets.json``
listing exactly the files in ``static/``; every pointer resolving to its file; url_names of the
course structure unique within the course.
"""
import datetime
import json
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from lxml import etree

from sandbox.courses import STRUCTURE_TAGS, course_dirs
from sandbox.lms_mixins import Date

from .lms_names import our_block_classes

COURSES = course_dirs(Path(__file__).resolve().parents[2] / "course_content")
STUDIO_TAB_TYPES = {"courseware", "progress", "dates", "discussion", "wiki", "textbooks", "static_tab",
                    "pdf_textbooks", "html_textbooks", "edxnotes", "syllabus", "instructor"}


def _xml(path):
    assert path.is_file(), f"missing {path}"
    return etree.parse(str(path)).getroot()


def _run(course_dir):
    pointer = _xml(course_dir / "course.xml")
    assert pointer.get("org") and pointer.get("course") and pointer.get("url_name"), \
        f"{course_dir}/course.xml needs org, course and url_name"
    return pointer.get("url_name")


def _walk(course_dir, node, found):
    """``(tag, url_name)`` of the structure block's descendants, following pointers like Studio."""
    if node.tag not in STRUCTURE_TAGS:
        return found  # a block's own OLX (its children are its content)
    for child in node:
        url_name = child.get("url_name")
        assert url_name, f"<{child.tag}> under {node.tag} in {course_dir.name} has no url_name"
        found.append((child.tag, url_name))
        target = course_dir / child.tag / f"{url_name}.xml"
        if len(child) == 0 and set(child.attrib) <= {"url_name"}:
            assert target.is_file(), f"{course_dir.name}: <{child.tag} url_name={url_name!r}/> points to no file"
            _walk(course_dir, _xml(target), found)
        else:
            _walk(course_dir, child, found)
    return found


def test_there_are_courses():
    assert len(COURSES) >= 3


@pytest.mark.parametrize("course_dir", COURSES, ids=lambda path: path.name)
def test_course_folder_has_the_studio_export_layout(course_dir):
    run = _run(course_dir)
    root = _xml(course_dir / "course" / f"{run}.xml")
    blocks = _walk(course_dir, root, [("course", run)])

    policy = json.loads((course_dir / "policies" / run / "policy.json").read_text(encoding="utf-8"))
    assert set(policy) >= {f"course/{run}"}, "policy.json keys are '<type>/<url_name>'"
    course = policy[f"course/{run}"]
    for key in ("display_name", "start", "language", "tabs", "course_image", "advanced_modules"):
        assert key in course, f"{course_dir.name}: policy.json lacks course setting {key!r}"
    assert isinstance(course["display_name"], str) and course["display_name"].strip()
    assert Date().from_json(course["start"]) <= datetime.datetime.now(datetime.UTC), "the course has started"
    assert course["language"] in ("it", "en")
    assert course["tabs"] and all(tab.get("type") in STUDIO_TAB_TYPES and tab.get("name") for tab in course["tabs"])
    assert course["tabs"][0]["type"] == "courseware"

    ours = set(our_block_classes())
    registered = {ep.name for ep in entry_points(group="xblock.v1")} | ours
    used = {tag for tag, _ in blocks if tag in ours}
    assert used <= set(course["advanced_modules"]), f"advanced_modules must name {sorted(used)}"
    assert set(course["advanced_modules"]) <= registered, "advanced_modules names an unknown block type"

    grading = json.loads((course_dir / "policies" / run / "grading_policy.json").read_text(encoding="utf-8"))
    assert grading.get("GRADER") and grading.get("GRADE_CUTOFFS")

    static = course_dir / "static"
    files = {path.relative_to(static).as_posix() for path in static.rglob("*") if path.is_file()}
    assert course["course_image"] in files, "course_image must be a file in static/"
    assets = json.loads((course_dir / "policies" / "assets.json").read_text(encoding="utf-8"))
    assert set(assets) == files, "policies/assets.json lists exactly the files in static/"
    for name, asset in assets.items():
        assert asset["displayname"] == Path(name).name and asset["contentType"] and asset["filename"]

    structure = [url_name for tag, url_name in blocks if tag in STRUCTURE_TAGS]
    repeated = sorted({name for name in structure if structure.count(name) > 1})
    assert repeated == [], f"{course_dir.name}: url_names used by more than one section, subsection or unit"
    assert len(blocks) == len(set(blocks)), f"{course_dir.name}: a block appears twice"


@pytest.mark.django_db
@pytest.mark.parametrize("course_dir", COURSES, ids=lambda path: path.name)
def test_course_folder_imports_and_its_units_are_open_to_learners(course_dir, client, django_user_model):
    from django.urls import reverse

    from sandbox.courses import import_course
    from sandbox.enrollment import enroll

    course = import_course(course_dir)
    policy = json.loads((course_dir / "policies" / _run(course_dir) / "policy.json").read_text(encoding="utf-8"))
    assert course.display_name == policy[f"course/{_run(course_dir)}"]["display_name"]
    learner = django_user_model.objects.create_user("ada", "ada@example.org", "pw")
    enroll(learner, course)
    client.force_login(learner)
    units = course.blocks.filter(block_type="vertical")
    assert units.exists()
    for unit in units:
        page = client.get(reverse("sandbox:unit", args=[str(course.course_key), str(unit.usage_key)]))
        assert page.status_code == 200, unit.usage_key
        assert page.content.decode().count('class="xblock') or "data-usage" in page.content.decode()

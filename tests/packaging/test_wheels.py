"""What an operator installs: the suite's wheel (without the sandbox) and the Tutor plugin's wheel."""
import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import sandbox

REPO = Path(__file__).resolve().parents[2]
SUITE_PACKAGES = {"fd_core", "fd_xblocks", "fd_assessment", "fd_badges", "fd_progress", "fd_classroom",
                  "fd_assistance", "fd_calendar", "course_content"}
NOT_FOR_THE_LMS = {"sandbox", "lms", "common", "openedx", "tests", "tutorfirenzedigitale"}

pytestmark = pytest.mark.packaging


def build_wheel(source, out_dir):
    """`uv build`: a source distribution first, then the wheel from it (as a package index would)."""
    uv = Path(sys.executable).parent / "uv"
    subprocess.run([str(uv), "build", "--quiet", "--out-dir", str(out_dir), str(source)], check=True, timeout=600)
    wheels = list(Path(out_dir).glob("*.whl"))
    assert len(wheels) == 1, wheels
    return zipfile.ZipFile(wheels[0])


def entry_points(wheel):
    name = next(n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt"))
    parser = configparser.ConfigParser(delimiters=("=",))
    parser.optionxform = str
    parser.read_string(wheel.read(name).decode())
    return {section: dict(parser[section]) for section in parser.sections()}


@pytest.fixture(scope="module")
def suite_wheel(tmp_path_factory):
    return build_wheel(REPO, tmp_path_factory.mktemp("suite-wheel"))


def test_suite_wheel_holds_the_apps_and_courses_and_nothing_that_stands_in_for_the_lms(suite_wheel):
    top_level = {name.split("/")[0] for name in suite_wheel.namelist() if not name.split("/")[0].endswith(".dist-info")}
    assert top_level == SUITE_PACKAGES
    assert not top_level & NOT_FOR_THE_LMS
    assert not [name for name in suite_wheel.namelist() if "lms_shim" in name]


def test_suite_wheel_keeps_what_the_platform_and_the_tutor_plugin_read(suite_wheel):
    names = set(suite_wheel.namelist())
    courses = {path.parent.name for path in (REPO / "course_content").glob("*/course.xml")}
    assert courses
    for course in courses:
        assert f"course_content/{course}/course.xml" in names
    assert "fd_xblocks/translations/it/LC_MESSAGES/text.mo" in names
    assert any(name.startswith("fd_badges/templates/fd_badges/") for name in names)
    assert "fd_badges/management/commands/fd_badges_issuer.py" in names
    assert {"fd_calendar/templates/fd_calendar/base.html", "fd_calendar/static/fd_calendar/run.js",
            "fd_calendar/locale/it/LC_MESSAGES/django.mo",
            "fd_calendar/migrations/0001_sessions_registrations_check_ins.py",
            "fd_calendar/management/commands/fd_calendar_demo.py"} <= names
    points = entry_points(suite_wheel)
    assert set(points["lms.djangoapp"]) >= {"fd_assessment", "fd_badges", "fd_progress", "fd_assistance", "fd_calendar"}
    assert "fd_assistance/templates/fd_assistance/base.html" in names
    assert "fd_assistance/locale/it/LC_MESSAGES/django.mo" in names
    assert set(points["cms.djangoapp"]) == set(points["lms.djangoapp"])
    assert "fd_video_pill" in points["xblock.v1"]


def test_tutor_plugin_wheel_carries_its_patches_templates_and_smoke_tests(tmp_path):
    wheel = build_wheel(REPO / "tutor-contrib-firenze-digitale", tmp_path)
    names = set(wheel.namelist())
    patches = {path.name for path in (REPO / "tutor-contrib-firenze-digitale/tutorfirenzedigitale/patches").iterdir()}
    assert {f"tutorfirenzedigitale/patches/{name}" for name in patches} <= names
    assert "tutorfirenzedigitale/templates/firenze-digitale/tasks/lms/init.sh" in names
    assert "tutorfirenzedigitale/templates/firenze-digitale/tasks/cms/init.sh" in names
    assert "tutorfirenzedigitale/smoke/test_smoke.py" in names
    assert entry_points(wheel)["tutor.plugin.v1"] == {"firenze-digitale": "tutorfirenzedigitale.plugin"}


def test_the_tests_find_the_sandbox_in_the_checkout():
    assert Path(sandbox.__file__).resolve().parent == REPO / "sandbox"

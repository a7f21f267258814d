"""The suite's courses in course_content/: each one imports into the sandbox as Studio would, its
pills have captions that parse, real DigComp tags and small media files that exist, and together
they let the self-assessment recommend pills in every area they teach."""
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "course_content"
# The courses with video pills (the city tour course has none; tests/city_tour checks it).
COURSES = sorted(path.parent for path in CONTENT.glob("*/course.xml") if (path.parent / "fd_video_pill").is_dir())
STATIC_PATH = re.compile(r"/static/([^\s\"'<>()]+)")
MAX_PILL_MEDIA_BYTES = 600 * 1024  # mp4 + webm + poster of one pill: learners on slow mobile connections

pytestmark = pytest.mark.django_db


def static_references(course_dir):
    """(OLX file, file name) for every ``/static/<file>`` in an attribute or text of the course's XML."""
    for path in sorted(course_dir.rglob("*.xml")):
        for element in etree.parse(str(path)).iter():
            texts = [*element.attrib.values(), element.text or ""]
            for text in texts:
                for match in STATIC_PATH.finditer(text):
                    yield path, match.group(1)


def missing_static_files(course_dir):
    return [f"{path.relative_to(course_dir)}: /static/{name}" for path, name in static_references(course_dir)
            if not (course_dir / "static" / name).is_file()]


def pill_files(course_dir):
    return sorted((course_dir / "fd_video_pill").glob("*.xml"))


def course_id(course_dir):
    pointer = etree.parse(str(course_dir / "course.xml")).getroot()
    return f"course-v1:{pointer.get('org')}+{pointer.get('course')}+{pointer.get('url_name')}"


def test_the_programme_courses_are_all_there():
    assert {course_id(path) for path in COURSES} >= {
        "course-v1:FirenzeDigitale+OD101+2026",
        "course-v1:FirenzeDigitale+SDP101+2026",
        "course-v1:FirenzeDigitale+SIC101+2026",
    }


@pytest.mark.parametrize("course_dir", COURSES, ids=lambda path: path.name)
def test_the_course_imports_with_its_pills(course_dir):
    from fd_core.platform import platform
    from sandbox.courses import import_course

    course = import_course(course_dir)
    assert str(course.course_key) == course_id(course_dir)
    assert course.language == "it" and 0 < course.pass_mark <= 1
    policy = json.loads((course_dir / "policies" / "2026" / "grading_policy.json").read_text(encoding="utf-8"))
    assert policy["GRADE_CUTOFFS"]
    names = {path.stem for path in pill_files(course_dir)}
    imported = set(course.blocks.filter(block_type="fd_video_pill").values_list("usage_key", flat=True))
    assert imported and {key.block_id for key in imported} <= names, "the units show the course's pill files"
    for usage_key in imported:
        block = platform().get_block(usage_key)
        assert block.display_name and block.duration > 0 and block.sources
        assert block.checkpoints and block.has_score


@pytest.mark.parametrize("course_dir", COURSES, ids=lambda path: path.name)
def test_every_pill_has_parsing_captions_and_audio_descriptions_in_italian_and_english(course_dir):
    from fd_xblocks.video_pill.captions import parse_caption_text

    for path in pill_files(course_dir):
        root = etree.parse(str(path)).getroot()
        duration = float(root.get("duration"))
        tracks = {(node.tag, node.get("lang")): node.text for node in root if node.tag in ("captions", "descriptions")}
        assert {("captions", "it"), ("captions", "en"), ("descriptions", "it"), ("descriptions", "en")} <= set(
            tracks), path.name
        for (tag, lang), text in tracks.items():
            cues = parse_caption_text(text, tag)
            assert cues, f"{path.name}: {tag} {lang} has no cue"
            assert all(0 <= cue["start"] < cue["end"] <= duration for cue in cues), f"{path.name}: {tag} {lang}"
        italian, english = (parse_caption_text(tracks[("captions", lang)]) for lang in ("it", "en"))
        assert [(c["start"], c["end"]) for c in italian] == [(c["start"], c["end"]) for c in english], path.name
        described = {lang: parse_caption_text(tracks[("descriptions", lang)], "descriptions") for lang in ("it", "en")}
        assert [(c["start"], c["end"]) for c in described["it"]] == [(c["start"], c["end"]) for c in described["en"]]
        assert all(cue["text"].startswith("Screen: ") for cue in described["en"]), path.name


@pytest.mark.parametrize("course_dir", COURSES, ids=lambda path: path.name)
def test_every_pill_is_tagged_with_real_digcomp_competences(course_dir):
    from fd_assessment.api import competence_title
    from fd_xblocks.video_pill.competences import DIGCOMP_COMPETENCE_IDS

    for path in pill_files(course_dir):
        tags = etree.parse(str(path)).getroot().get("digcomp_competences", "").split(",")
        assert tags != [""], f"{path.name} has no DigComp competence"
        for tag in tags:
            assert tag in DIGCOMP_COMPETENCE_IDS, f"{path.name}: {tag}"
            assert competence_title(tag, "it") != tag, f"{path.name}: {tag} is not in the framework data"


@pytest.mark.parametrize("course_dir", COURSES, ids=lambda path: path.name)
def test_every_static_file_the_olx_names_exists(course_dir):
    assert list(static_references(course_dir)), "the course shows no media"
    assert missing_static_files(course_dir) == []


def test_a_missing_static_file_is_noticed(tmp_path):
    course_dir = shutil.copytree(CONTENT / "online-safety", tmp_path / "online-safety")
    assert missing_static_files(course_dir) == []
    (course_dir / "static" / "password-sicure.webm").unlink()
    assert missing_static_files(course_dir) == ["fd_video_pill/password-sicure.xml: /static/password-sicure.webm"]


@pytest.mark.parametrize("course_dir", COURSES, ids=lambda path: path.name)
def test_pill_media_stay_small_and_match_the_pill_duration(course_dir):
    for path in pill_files(course_dir):
        root = etree.parse(str(path)).getroot()
        media = [course_dir / "static" / name for olx, name in static_references(course_dir)
                 if olx == path]
        assert sum(file.stat().st_size for file in media) <= MAX_PILL_MEDIA_BYTES, path.name
        if shutil.which("ffprobe"):
            for source in root.findall("source"):
                probed = subprocess.run(
                    ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                     str(course_dir / "static" / source.get("src").removeprefix("/static/"))],
                    check=True, capture_output=True, text=True).stdout
                assert abs(float(probed) - float(root.get("duration"))) < 0.5, source.get("src")


def test_the_self_assessment_can_recommend_pills_across_areas(django_capture_on_commit_callbacks):
    """Published pills enter the DigComp catalogue the results page recommends from."""
    from fd_assessment.api import learning_resources
    from sandbox.courses import import_course

    with django_capture_on_commit_callbacks(execute=True):
        for course_dir in COURSES:
            import_course(course_dir)
    by_competence = {}
    for resource in learning_resources([f"{area}.{n}" for area in range(1, 6) for n in range(1, 7)]):
        by_competence.setdefault(resource["competence_id"], set()).add(resource["usage_key"].rsplit("@", 1)[1])
    assert {"spid-e-cie", "password-sicure", "riconoscere-il-phishing"} <= by_competence["4.2"]
    assert {"spid-e-cie", "pagopa-e-app-io"} <= by_competence["2.3"]
    assert "riconoscere-il-phishing" in by_competence["1.2"]
    assert {competence.split(".")[0] for competence in by_competence} >= {"1", "2", "3", "4"}

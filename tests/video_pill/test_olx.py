"""OLX: the demo pill imports, exports and re-imports with every field equal."""
import pytest
from lxml import etree

from fd_xblocks.video_pill.captions import format_timestamp
from tests.helpers.pills import pill_timeline

from .conftest import PILL_OLX, write_course

pytestmark = pytest.mark.django_db
DURATION = f'duration="{etree.parse(str(PILL_OLX)).getroot().get("duration")}"'
SECOND_CUE = f"{format_timestamp(pill_timeline(PILL_OLX).cues[1]['start'])} --&gt;"  # on line 6 of the captions

CONTENT_FIELDS = ("display_name", "description", "sources", "hls_url", "youtube_id", "poster", "duration", "captions",
                  "descriptions", "chapters", "checkpoints", "completion_threshold", "weight", "show_transcript",
                  "digcomp_competences")


def field_values(block):
    return {name: getattr(block, name) for name in CONTENT_FIELDS}


def export(block):
    node = etree.Element("exported")
    block.add_xml_to_node(node)
    return etree.tostring(node, encoding="unicode")


def test_the_demo_pill_round_trips_through_olx(pill_key, tmp_path):
    from fd_core.platform import platform
    from sandbox.courses import import_course

    original = platform().get_block(pill_key)
    assert len(original.checkpoints) == 3 and set(original.captions) == {"it", "en"}
    assert original.digcomp_competences == ["1.1", "1.3", "3.3"]
    exported = export(original)
    assert "<checkpoint" in exported and 'lang="en"' in exported
    second = import_course(write_course(tmp_path / "again", exported))
    again = platform().get_block(second.course_key.make_usage_key("fd_video_pill", "pill"))
    assert field_values(again) == field_values(original)
    assert export(again) == exported


def test_every_field_set_in_studio_round_trips(pill_key, tmp_path, staff, client):
    from fd_core.platform import platform
    from sandbox.courses import import_course

    from .test_studio import VALID, save

    client.force_login(staff)
    assert save(client, pill_key, VALID).status_code == 200
    edited = platform().get_block(pill_key)
    second = import_course(write_course(tmp_path / "edited", export(edited)))
    again = platform().get_block(second.course_key.make_usage_key("fd_video_pill", "pill"))
    assert field_values(again) == field_values(edited)


@pytest.mark.parametrize("old, new, words", [
    (DURATION, "", "needs a duration"),
    (DURATION, 'duration="lungo"', "must be a number"),
    ('<option>La foto', '<option correct="true">La foto', "exactly one option"),
    ('src="/static/what-is-open-data.mp4"', 'src="javascript:alert(1)"', "not a web address"),
    (SECOND_CUE, "00:00:0x.534 --&gt;", "Line 6"),
])
def test_broken_olx_is_refused_with_the_reason(tmp_path, old, new, words):
    from sandbox.courses import OlxError, import_course

    olx = PILL_OLX.read_text(encoding="utf-8")
    assert old in olx
    with pytest.raises(OlxError, match=words):
        import_course(write_course(tmp_path / "broken", olx.replace(old, new, 1)))


def test_the_demo_course_loads_with_the_pill_in_its_unit(client, django_user_model):
    from sandbox.courses import import_course
    from sandbox.enrollment import enroll

    from .conftest import DEMO

    course = import_course(DEMO)
    pill = course.course_key.make_usage_key("fd_video_pill", "what-is-open-data")
    unit = course.course_key.make_usage_key("vertical", "what-is-open-data")
    learner = django_user_model.objects.create_user("demo-learner", "demo@example.org", "pw")
    enroll(learner, course)
    client.force_login(learner)
    page = client.get(f"/courses/{course.course_key}/unit/{unit}/").content.decode()
    assert "Che cosa sono gli open data" in page and f"data-usage='{pill}'" in page
    assert f"/assets/{course.course_key}/what-is-open-data.mp4" in page


@pytest.mark.parametrize("name", ["what-is-open-data"])
def test_every_demo_pill_imports_with_its_media(tmp_path, name):
    from fd_core.platform import platform
    from sandbox.courses import import_course

    from .conftest import DEMO

    course = import_course(write_course(tmp_path / name, (DEMO / "fd_video_pill" / f"{name}.xml").read_text()))
    block = platform().get_block(course.course_key.make_usage_key("fd_video_pill", "pill"))
    assert len(block.checkpoints) == 3 and set(block.captions) == {"it", "en"} and block.descriptions
    for source in block.sources + [{"src": block.poster}]:
        assert (DEMO / source["src"].removeprefix("/")).is_file()
    assert all(0 < cp["time"] <= block.duration for cp in block.checkpoints)

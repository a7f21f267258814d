"""OLX round trip of every field, the Studio editor's validation and who may save."""
import copy
import json

import pytest
from lxml import etree

from fd_xblocks.city_tour.errors import TourInputError
from fd_xblocks.city_tour.olx import values_from_node
from fd_xblocks.city_tour.studio import clean_editor_data
from fd_xblocks.city_tour.tour_content import clean_scenes
from tests.city_tour.conftest import TOUR_OLX, block_for, handler_url

EVERYTHING = """<fd_city_tour display_name="Prova" completion_share="0.5" weight="2">
  <intro>&lt;p&gt;Ciao&lt;/p&gt;</intro>
  <scene id="a" kind="360" title="A" image_url="https://example.org/a.jpg" alt="Alt A" start_yaw="-12.5"
         audio_url="/static/a.mp3" captions_url="/static/a.vtt">
    <description>&lt;p&gt;Desc&lt;/p&gt;</description>
    <narration>Testo letto.</narration>
    <hotspot id="i" kind="info" label="Info" yaw="10" pitch="-5" image_url="/static/i.png" video_url="https://example.org/v.mp4">
      <text>&lt;p&gt;Testo&lt;/p&gt;</text>
    </hotspot>
    <hotspot id="g" kind="goto" label="Vai" yaw="-180" pitch="90" target="b" arrive_yaw="45"/>
    <hotspot id="f" kind="find" label="Trova" yaw="180" pitch="-90"/>
    <guide minutes="7"><ask>Perché?</ask><ask>Come?</ask></guide>
  </scene>
  <scene id="b" kind="flat" title="B" image_url="/static/b.jpg" alt="Alt B">
    <hotspot id="q" kind="question" label="Domanda" x="0" y="1">
      <question type="multiple">
        <prompt>&lt;p&gt;Quali?&lt;/p&gt;</prompt>
        <option correct="true">Uno</option>
        <option>Due</option>
        <option correct="true">Tre</option>
        <feedback>&lt;p&gt;Bene&lt;/p&gt;</feedback>
      </question>
    </hotspot>
    <guide minutes="0"/>
  </scene>
</fd_city_tour>"""


def export(block):
    node = etree.Element("fd_city_tour")
    block.add_xml_to_node(node)
    return node


@pytest.mark.django_db
@pytest.mark.parametrize("source", [EVERYTHING, TOUR_OLX.read_text(encoding="utf-8")])
def test_olx_round_trips_every_field(tour_course, source):
    from xblock.fields import ScopeIds

    from sandbox.runtime import SandboxRuntime

    runtime = SandboxRuntime(user=None, course_key=tour_course.course_key)
    key = tour_course.course_key.make_usage_key("fd_city_tour", "copy")
    cls = runtime.mixologist.mix(runtime.load_block_type("fd_city_tour"))
    first = cls.parse_xml(etree.fromstring(source), runtime, ScopeIds(None, "fd_city_tour", key, key))
    second = cls.parse_xml(export(first), runtime, ScopeIds(None, "fd_city_tour", key, key))
    for name in ("display_name", "intro", "completion_share", "weight", "scenes"):
        assert getattr(second, name) == getattr(first, name), name
    assert etree.tostring(export(first)) == etree.tostring(export(second))
    original = values_from_node(etree.fromstring(source))
    assert first.scenes == original["scenes"]


def test_the_olx_keeps_positions_and_targets():
    scenes = values_from_node(etree.fromstring(EVERYTHING))["scenes"]
    goto = scenes[0]["hotspots"][1]
    assert (goto["yaw"], goto["pitch"], goto["target"], goto["arrive_yaw"]) == (-180.0, 90.0, "b", 45.0)
    assert scenes[1]["hotspots"][0]["x"] == 0.0 and scenes[1]["hotspots"][0]["yaw"] is None
    assert scenes[0]["guide"] == {"minutes": 7, "questions": ["Perché?", "Come?"]}


def base_scenes():
    return copy.deepcopy(values_from_node(etree.fromstring(EVERYTHING))["scenes"])


@pytest.mark.parametrize("change, field", [
    (lambda s: s[0]["hotspots"][1].update(target="nowhere"), "target"),
    (lambda s: s[0]["hotspots"][0].update(yaw=181), "yaw"),
    (lambda s: s[0]["hotspots"][0].update(pitch=-90.5), "pitch"),
    (lambda s: s[1]["hotspots"][0].update(x=1.2), "x"),
    (lambda s: s[1]["hotspots"][0].update(y=-0.1), "y"),
    (lambda s: s[0].update(image_url="javascript:alert(1)"), "image_url"),
    (lambda s: s[0].update(image_url="ftp://example.org/a.jpg"), "image_url"),
    (lambda s: s[0]["hotspots"][0].update(video_url="//evil.example/v.mp4"), "video_url"),
    (lambda s: s[0].update(alt=""), "alt"),
    (lambda s: s[1].update(id="a"), "id"),
    (lambda s: s[1]["hotspots"][0].update(id="i"), "id"),
    (lambda s: s[1]["hotspots"][0]["question"].update(type="essay"), "type"),
    (lambda s: s[1]["hotspots"][0]["question"]["options"][0].update(correct="yes"), "options"),
    (lambda s: s[0].update(kind="vr"), "kind"),
    (lambda s: s[0]["hotspots"][0].update(yaw=True), "yaw"),
])
def test_studio_validation_names_the_field(change, field):
    scenes = base_scenes()
    change(scenes)
    with pytest.raises(TourInputError) as error:
        clean_scenes(scenes)
    assert error.value.field == field


def test_a_single_choice_question_has_exactly_one_right_option():
    scenes = base_scenes()
    question = scenes[1]["hotspots"][0]["question"]
    question["type"] = "single"
    with pytest.raises(TourInputError, match="Exactly one"):
        clean_scenes(scenes)


def test_author_html_is_sanitised():
    scenes = base_scenes()
    scenes[0]["description"] = '<p onclick="x()">Ok<script>alert(1)</script></p><img src=x onerror=y>'
    scenes[0]["hotspots"][0]["text"] = '<a href="javascript:alert(1)">link</a>'
    cleaned = clean_scenes(scenes)
    assert cleaned[0]["description"] == "<p>Ok</p>"
    assert "javascript" not in cleaned[0]["hotspots"][0]["text"]


def test_the_editor_reads_scenes_as_json_text():
    values = clean_editor_data({"display_name": "T", "intro": "", "completion_share": 1, "weight": 0,
                                "scenes": json.dumps(base_scenes())})
    assert len(values["scenes"]) == 2
    with pytest.raises(TourInputError) as error:
        clean_editor_data({"display_name": "T", "completion_share": 1, "weight": 0, "scenes": "[{"})
    assert error.value.field == "scenes"
    with pytest.raises(TourInputError) as error:
        clean_editor_data({"display_name": "T", "completion_share": 0, "weight": 0, "scenes": base_scenes()})
    assert error.value.field == "completion_share"


def editor_payload(**overrides):
    payload = {"display_name": "Nuovo giro", "intro": "<p>Ciao</p>", "completion_share": 1, "weight": 0,
               "scenes": json.dumps(base_scenes())}
    payload.update(overrides)
    return json.dumps(payload)


@pytest.mark.django_db
def test_only_course_staff_save_or_preview(client, learner, staff, tour_key):
    client.force_login(learner)
    for handler in ("studio_save", "studio_preview"):
        response = client.post(handler_url(tour_key, handler), editor_payload(), content_type="application/json")
        assert response.status_code == 403
    assert block_for(learner, tour_key).display_name == "Firenze smart city: il giro"
    client.force_login(staff)
    preview = client.post(handler_url(tour_key, "studio_preview"), editor_payload(), content_type="application/json")
    assert preview.status_code == 200 and "Nuovo giro" in preview.json()["html"]
    assert block_for(staff, tour_key, is_staff=True).display_name == "Firenze smart city: il giro"
    saved = client.post(handler_url(tour_key, "studio_save"), editor_payload(), content_type="application/json")
    assert saved.status_code == 200
    assert block_for(staff, tour_key, is_staff=True).display_name == "Nuovo giro"


@pytest.mark.django_db
def test_a_bad_save_changes_nothing(client, staff, tour_key):
    client.force_login(staff)
    response = client.post(handler_url(tour_key, "studio_save"), editor_payload(scenes="[]"),
                           content_type="application/json")
    assert response.status_code == 400 and response.json()["field"] == "scenes"
    assert len(block_for(staff, tour_key, is_staff=True).scenes) == 9


@pytest.mark.django_db
def test_the_studio_page_shows_editor_and_preview(client, staff, tour_course, tour_key):
    from django.urls import reverse

    client.force_login(staff)
    html = client.get(reverse("sandbox:studio", args=[str(tour_course.course_key), str(tour_key)])).content.decode()
    assert 'name="scenes"' in html and "La fibra sotto le strade" in html and "studio_edit.js" in html

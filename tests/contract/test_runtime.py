"""The sandbox plays the LMS: blocks render inside units, their events land where the LMS puts them."""
import json

import pytest
from completion.models import BlockCompletion
from django.urls import reverse
from openedx_events.learning.signals import COURSE_PASSING_STATUS_UPDATED, PERSISTENT_GRADE_SUMMARY_CHANGED

from sandbox.models import CourseGrade, TrackingLogEntry

pytestmark = pytest.mark.django_db


def _key(course, block_type, name):
    return course.course_key.make_usage_key(block_type, name)


def _post(client, usage_key, handler, payload):
    url = reverse("sandbox:xblock_handler", kwargs={"usage_id": str(usage_key), "handler": handler, "suffix": ""})
    return client.post(url, data=json.dumps(payload), content_type="application/json")


def test_course_list_and_outline_show_the_imported_course(client, probe_course):
    assert "Probe course" in client.get("/").content.decode()
    outline = client.get(reverse("sandbox:course_outline", args=[str(probe_course.course_key)])).content.decode()
    assert "First unit" in outline and "Second unit" in outline


def test_unit_renders_blocks_with_services_and_course_asset_links(enrolled_client, probe_course):
    unit = _key(probe_course, "vertical", "unit1")
    page = enrolled_client.get(reverse("sandbox:unit", args=[str(probe_course.course_key), str(unit)]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "<p>Benvenuti</p>" in html
    assert '<p class="who">lucia</p>' in html
    assert "Precedente" in html  # the i18n service answers in Italian, the site's default language
    assert f"/assets/{probe_course.course_key}/pixel.png" in html
    assert f"data-usage='{_key(probe_course, 'fd_contract_probe', 'probe')}'" in html


def test_unit_in_english_when_the_learner_switches_language(enrolled_client, probe_course):
    enrolled_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    unit = _key(probe_course, "vertical", "unit1")
    html = enrolled_client.get(reverse("sandbox:unit", args=[str(probe_course.course_key), str(unit)])).content.decode()
    assert "Previous" in html and "Precedente" not in html


def test_unit_needs_an_enrolment(client, learner, probe_course):
    client.force_login(learner)
    unit = _key(probe_course, "vertical", "unit1")
    assert client.get(reverse("sandbox:unit", args=[str(probe_course.course_key), str(unit)])).status_code == 403
    assert _post(client, _key(probe_course, "fd_contract_probe", "probe"), "answer", {}).status_code == 403


def test_published_completion_reaches_block_completion(enrolled_client, learner, probe_course):
    probe = _key(probe_course, "fd_contract_probe", "probe")
    response = _post(enrolled_client, probe, "answer", {"score": 0})
    assert response.status_code == 200 and response.json() == {"clicks": 1}
    completion = BlockCompletion.objects.get(user=learner, block_key=probe)
    assert completion.completion == 1.0
    assert TrackingLogEntry.objects.filter(name="probe_answered", user_id=learner.pk, usage_key=probe).exists()


def test_learner_state_is_kept_per_learner(enrolled_client, learner, probe_course, django_user_model):
    from sandbox.enrollment import enroll

    probe = _key(probe_course, "fd_contract_probe", "probe")
    _post(enrolled_client, probe, "answer", {})
    assert _post(enrolled_client, probe, "answer", {}).json() == {"clicks": 2}
    other = django_user_model.objects.create_user("marco", "marco@example.org", "pw")
    enroll(other, probe_course)
    enrolled_client.force_login(other)
    assert _post(enrolled_client, probe, "answer", {}).json() == {"clicks": 1}


def test_scored_block_without_custom_completion_is_completed_by_edx_completion(enrolled_client, learner,
                                                                                probe_course):
    """edx-completion's own plugin receiver (wired by signals_config) completes a scored block."""
    problem = _key(probe_course, "fd_contract_problem", "problem")
    assert _post(enrolled_client, problem, "submit", {}).status_code == 200
    assert BlockCompletion.objects.get(user=learner, block_key=problem).completion == 1.0


def test_passing_grade_is_announced_once_through_openedx_events(enrolled_client, learner, probe_course):
    passing, summaries = [], []

    def on_passing(signal, sender, course_passing_status, metadata, **kwargs):
        passing.append(course_passing_status)

    def on_summary(signal, sender, grade, metadata, **kwargs):
        summaries.append(grade)

    COURSE_PASSING_STATUS_UPDATED.connect(on_passing)
    PERSISTENT_GRADE_SUMMARY_CHANGED.connect(on_summary)
    try:
        probe = _key(probe_course, "fd_contract_probe", "probe")
        problem = _key(probe_course, "fd_contract_problem", "problem")
        _post(enrolled_client, probe, "answer", {"score": 0})
        assert passing == []
        _post(enrolled_client, probe, "answer", {"score": 1})  # weight 3 of 4: 75% >= the 70% pass mark
        _post(enrolled_client, problem, "submit", {})
    finally:
        COURSE_PASSING_STATUS_UPDATED.disconnect(on_passing)
        PERSISTENT_GRADE_SUMMARY_CHANGED.disconnect(on_summary)
    assert len(passing) == 1
    assert passing[0].is_passing is True
    assert passing[0].user.pii.username == "lucia"
    assert passing[0].course.course_key == probe_course.course_key
    assert [round(grade.percent_grade, 2) for grade in summaries] == [0.0, 0.75, 1.0]
    assert CourseGrade.objects.get(user=learner, course=probe_course).passed


def test_handler_errors_are_clear_json(client, enrolled_client, probe_course):
    probe = _key(probe_course, "fd_contract_probe", "probe")
    response = _post(enrolled_client, probe, "no_such_handler", {})
    assert response.status_code == 404 and "error" in response.json()
    bad = reverse("sandbox:xblock_handler", kwargs={"usage_id": "not-a-key", "handler": "answer", "suffix": ""})
    assert enrolled_client.post(bad).status_code == 404
    enrolled_client.logout()
    signed_out = _post(enrolled_client, probe, "answer", {})
    assert signed_out.status_code == 401 and signed_out.json()["error"]


def test_jump_to_leads_to_the_unit_holding_the_block(client, probe_course):
    probe = _key(probe_course, "fd_contract_probe", "probe")
    response = client.get(reverse("sandbox:jump_to", args=[str(probe_course.course_key), str(probe)]))
    assert response.status_code == 302
    assert response["Location"].endswith(f"/unit/{_key(probe_course, 'vertical', 'unit1')}/#probe")


def test_course_staff_see_the_studio_view(client, learner, probe_course):
    from sandbox.models import CourseAccessRole

    probe = _key(probe_course, "fd_contract_probe", "probe")
    url = reverse("sandbox:studio", args=[str(probe_course.course_key), str(probe)])
    client.force_login(learner)
    assert client.get(url).status_code == 403
    CourseAccessRole.objects.create(user=learner, course_key=probe_course.course_key)
    page = client.get(url)
    assert page.status_code == 200 and 'class="probe-editor"' in page.content.decode()


def test_course_assets_are_served_and_paths_cannot_escape(client, probe_course):
    ok = client.get(reverse("sandbox:course_asset", args=[str(probe_course.course_key), "pixel.png"]))
    assert ok.status_code == 200 and ok["Content-Type"] == "image/png"
    escape = client.get(f"/assets/{probe_course.course_key}/..%2Fcourse.xml")
    assert escape.status_code == 404


def test_the_site_is_italian_by_default_and_english_one_click_away(client, probe_course):
    assert 'lang="it"' in client.get("/").content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert 'lang="en"' in client.get("/").content.decode()


@pytest.mark.parametrize("header, status, content_range, body", [
    ("bytes=0-3", 206, "bytes 0-3/8", b"\x89PNG"),
    ("bytes=4-", 206, "bytes 4-7/8", b"\r\n\x1a\n"),
    ("bytes=-2", 206, "bytes 6-7/8", b"\x1a\n"),
    ("bytes=2-100", 206, "bytes 2-7/8", b"NG\r\n\x1a\n"),
    ("bytes=8-9", 416, "bytes */8", b""),
])
def test_course_assets_answer_byte_ranges_so_videos_can_seek(client, probe_course, header, status, content_range,
                                                             body):
    url = reverse("sandbox:course_asset", args=[str(probe_course.course_key), "pixel.png"])
    response = client.get(url, HTTP_RANGE=header)
    assert response.status_code == status
    assert response["Content-Range"] == content_range
    assert response["Accept-Ranges"] == "bytes"
    assert response.content == body

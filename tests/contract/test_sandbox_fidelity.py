"""The sandbox is as strict as the LMS: mixed-in fields, start dates, services, CSRF, the no-auth route."""
import datetime
import json
import pickle
import shutil

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sandbox.block_structure import BlockStructureError, round_trip
from sandbox.runtime import SandboxRuntime

from .conftest import OLX

pytestmark = pytest.mark.django_db
COURSE_START = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def _key(course, block_type, name):
    return course.course_key.make_usage_key(block_type, name)


def _url(usage_key, handler, noauth=False):
    name = "sandbox:xblock_handler_noauth" if noauth else "sandbox:xblock_handler"
    return reverse(name, kwargs={"usage_id": str(usage_key), "handler": handler, "suffix": ""})


def _post(client, usage_key, handler, payload=None, noauth=False):
    return client.post(_url(usage_key, handler, noauth), data=json.dumps(payload or {}),
                       content_type="application/json")


def test_every_block_has_the_lms_fields_with_their_defaults_and_inherits_the_course_settings(probe_course):
    block = SandboxRuntime(user=None, course_key=probe_course.course_key).get_block(
        _key(probe_course, "fd_contract_probe", "probe"))
    assert block.start == COURSE_START  # set on the course, inherited
    assert (block.due, block.graded, block.format, block.visible_to_staff_only) == (None, False, None, False)
    assert (block.showanswer, block.show_correctness, block.rerandomize, block.group_access) == (
        "finished", "always", "never", {})
    assert block.location == block.scope_ids.usage_id and block.course_id == probe_course.course_key
    assert block.category == "fd_contract_probe" and block.url_name == "probe"


def _course_with(tmp_path, replace):
    from sandbox.courses import import_course

    source = tmp_path / "course"
    shutil.copytree(OLX, source)
    for relative, (old, new) in replace.items():
        path = source / relative
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return import_course(source)


def test_a_section_released_later_hides_its_units_from_learners_not_from_staff(tmp_path, client, learner,
                                                                              django_user_model):
    from sandbox.enrollment import enroll
    from sandbox.models import CourseAccessRole

    course = _course_with(tmp_path, {"chapter/ch1.xml": ('<chapter display_name="Chapter one">',
                                                          '<chapter display_name="Chapter one" '
                                                          'start="2999-05-01T08:00:00Z">')})
    probe = _key(course, "fd_contract_probe", "probe")
    block = SandboxRuntime(user=None, course_key=course.course_key).get_block(probe)
    assert block.start == datetime.datetime(2999, 5, 1, 8, tzinfo=datetime.UTC)
    enroll(learner, course)
    client.force_login(learner)
    unit = reverse("sandbox:unit", args=[str(course.course_key), str(_key(course, "vertical", "unit1"))])
    assert client.get(unit).status_code == 404
    assert _post(client, probe, "answer", {}).status_code == 404
    staff = django_user_model.objects.create_user("prof", "prof@example.org", "pw")
    CourseAccessRole.objects.create(user=staff, course_key=course.course_key)
    client.force_login(staff)
    assert client.get(unit).status_code == 200
    assert _post(client, probe, "answer", {}).status_code == 200


def test_a_block_visible_to_staff_only_is_not_shown_to_learners(tmp_path, client, learner):
    from sandbox.enrollment import enroll

    course = _course_with(tmp_path, {"vertical/unit1.xml": ('<fd_contract_probe url_name="probe"/>',
                                                            '<fd_contract_probe url_name="probe" '
                                                            'visible_to_staff_only="true"/>')})
    enroll(learner, course)
    client.force_login(learner)
    page = client.get(reverse("sandbox:unit", args=[str(course.course_key), str(_key(course, "vertical", "unit1"))]))
    assert page.status_code == 200 and "Benvenuti" in page.content.decode()
    assert 'class="probe"' not in page.content.decode()


def test_a_course_without_a_start_date_is_not_open_to_learners_as_in_the_lms(tmp_path, client, learner):
    from sandbox.enrollment import enroll

    course = _course_with(tmp_path, {"course/2026.xml": (' start="2026-01-01T00:00:00Z"', "")})
    enroll(learner, course)
    client.force_login(learner)
    unit = reverse("sandbox:unit", args=[str(course.course_key), str(_key(course, "vertical", "unit1"))])
    assert client.get(unit).status_code == 404  # the LMS's default start is 2030-01-01


def test_policy_json_settings_reach_the_blocks(tmp_path, probe_course):
    from sandbox.courses import import_course

    source = tmp_path / "course"
    shutil.copytree(OLX, source)
    (source / "policies" / "2026" / "policy.json").write_text(json.dumps({
        "course/2026": {"display_name": "Dal policy", "start": "2026-03-01T00:00:00Z", "language": "en"},
        "fd_contract_probe/probe": {"graded": True},
    }), encoding="utf-8")
    course = import_course(source)
    assert (course.display_name, course.language) == ("Dal policy", "en")
    runtime = SandboxRuntime(user=None, course_key=course.course_key)
    block = runtime.get_block(_key(course, "fd_contract_probe", "probe"))
    assert block.start == datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC) and block.graded is True


def test_a_block_hiding_an_lms_field_cannot_go_into_the_block_structure_cache(probe_course):
    runtime = SandboxRuntime(user=None, course_key=probe_course.course_key)
    block = runtime.get_block(_key(probe_course, "fd_contract_probe", "probe"))
    cached = pickle.loads(pickle.dumps(round_trip([block])))  # noqa: S301
    assert cached[block.scope_ids.usage_id]["fields"]["start"] == COURSE_START

    from xblock.core import XBlock

    class Shadowing(type(block).unmixed_class):
        @XBlock.json_handler
        def due(self, data, suffix=""):
            return {}

    shadowing = runtime.construct_xblock_from_class(runtime.mixologist.mix(Shadowing), block.scope_ids)
    with pytest.raises(BlockStructureError, match="cannot pickle due"):
        round_trip([shadowing])


def test_the_i18n_service_has_the_lms_methods_and_nothing_else(probe_course):
    from fd_xblocks.video_pill.block import VideoPillBlock

    runtime = SandboxRuntime(user=None, course_key=probe_course.course_key)
    block = runtime.construct_xblock_from_class(runtime.mixologist.mix(VideoPillBlock),
                                                runtime.get_block(_key(probe_course, "fd_contract_probe",
                                                                       "probe")).scope_ids)
    with translation.override("it"):
        service = runtime.service(block, "i18n")
    assert service.translator.__class__.__name__ == "GNUTranslations"  # the block's own catalogue
    assert service.gettext("Play") == service.ugettext("Play")
    assert service.ngettext("one", "many", 2) == "many"
    assert service.pgettext("ctx", "word") == "word" and service.npgettext("ctx", "a", "b", 1) == "a"
    assert service.strftime(datetime.date(2026, 9, 1), "%Y") == "2026"
    for missing in ("get_language", "get_language_bidi", "ungettext", "activate"):
        with pytest.raises(AttributeError):
            getattr(service, missing)


def test_the_i18n_service_of_a_block_without_catalogue_forwards_to_django(probe_course):
    runtime = SandboxRuntime(user=None, course_key=probe_course.course_key)
    block = runtime.get_block(_key(probe_course, "fd_contract_probe", "probe"))
    with translation.override("it"):
        service = runtime.service(block, "i18n")
        assert service.gettext("Previous") == "Precedente"
    assert service.translator is translation


def test_handler_posts_without_the_csrf_token_are_refused(learner, enrolled_client, probe_course):
    probe = _key(probe_course, "fd_contract_probe", "probe")
    plain = Client()
    plain.force_login(learner)
    refused = _post(plain, probe, "answer", {})
    assert refused.status_code == 403 and refused.json()["error"]
    assert _post(enrolled_client, probe, "answer", {}).status_code == 200  # cookie + X-CSRFToken header


def test_the_no_auth_route_gives_the_block_an_anonymous_user_without_csrf(learner, enrolled_client, probe_course):
    probe = _key(probe_course, "fd_contract_probe", "probe")
    assert _post(enrolled_client, probe, "whoami").json() == {"authenticated": True, "username": "lucia"}
    plain = Client()
    plain.force_login(learner)
    anonymous = _post(plain, probe, "whoami", noauth=True)
    assert anonymous.status_code == 200 and anonymous.json() == {"authenticated": False, "username": None}


def test_every_block_answers_the_lms_publish_completion_handler(enrolled_client, probe_course):
    probe = _key(probe_course, "fd_contract_probe", "probe")
    response = _post(enrolled_client, probe, "publish_completion", {"completion": 1.0})
    assert response.status_code == 400  # the probe has custom completion: not completed by being viewed

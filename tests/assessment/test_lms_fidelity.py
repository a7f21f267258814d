"""The two defects an Open edX LMS showed in the DigComp block, reproduced by the stricter sandbox.

1. Starting the questionnaire read the language from the i18n service, which in the LMS has no
   ``get_language`` (a 500 for every learner).
2. A handler named ``start`` hid the ``start`` field (release date) the LMS mixes into every
   block: the block-structure cache could not pickle the block, so nobody in the course was
   graded; with start dates enforced, the unit page failed comparing a date with a method.
"""
import datetime
import json
import shutil

import pytest
from django.urls import reverse
from django.utils import translation

from fd_assessment.models import Attempt
from sandbox.block_structure import check_course
from sandbox.runtime import SandboxRuntime

from .conftest import OLX

pytestmark = pytest.mark.django_db


def _key(course, block_type="fd_digcomp_assessment", name="self-check"):
    return course.course_key.make_usage_key(block_type, name)


def _begin(client, course):
    url = reverse("sandbox:xblock_handler",
                  kwargs={"usage_id": str(_key(course)), "handler": "begin_attempt", "suffix": ""})
    return client.post(url, data=json.dumps({}), content_type="application/json")


def test_starting_the_questionnaire_works_and_keeps_the_learners_language(enrolled, learner, assess_course):
    response = _begin(enrolled, assess_course)
    assert response.status_code == 200 and 'name="item_id"' in response.json()["html"]
    assert Attempt.objects.get(user=learner).language == "it"


def test_a_learner_in_english_gets_an_english_attempt(enrolled, learner, assess_course):
    enrolled.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert _begin(enrolled, assess_course).status_code == 200
    assert Attempt.objects.get(user=learner).language == "en"


def test_the_block_keeps_the_lms_start_field_a_date(assess_course):
    block = SandboxRuntime(user=None, course_key=assess_course.course_key).get_block(_key(assess_course))
    assert isinstance(block.start, datetime.datetime)
    assert block.start == datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)  # inherited from the course


def test_every_block_of_the_course_survives_the_block_structure_cache(assess_course):
    runtime = SandboxRuntime(user=None, course_key=assess_course.course_key)
    cached = check_course(runtime, assess_course)
    entry = cached[_key(assess_course)]
    assert entry["fields"]["start"] == datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    assert entry["fields"]["grade_mode"] == "score" and entry["class"].__name__ == "DigCompAssessmentBlock"


def test_the_unit_page_renders_with_start_dates_enforced(enrolled, assess_course):
    url = reverse("sandbox:unit", args=[str(assess_course.course_key), str(_key(assess_course, "vertical"))])
    page = enrolled.get(url)
    assert page.status_code == 200 and "DigCompAssessmentBlock" in page.content.decode()


def test_a_block_released_later_is_hidden_from_learners_and_refuses_them(tmp_path, pill_block, learner, client,
                                                                         django_user_model):
    from sandbox.courses import import_course
    from sandbox.enrollment import enroll
    from sandbox.models import CourseAccessRole

    source = tmp_path / "course"
    shutil.copytree(OLX, source)
    block_file = source / "fd_digcomp_assessment" / "self-check.xml"
    block_file.write_text(block_file.read_text(encoding="utf-8").replace(
        "<fd_digcomp_assessment ", '<fd_digcomp_assessment start="2999-01-01T00:00:00Z" ', 1), encoding="utf-8")
    course = import_course(source)
    enroll(learner, course)
    client.force_login(learner)
    url = reverse("sandbox:unit", args=[str(course.course_key), str(_key(course, "vertical"))])
    assert "DigCompAssessmentBlock" not in client.get(url).content.decode()
    assert _begin(client, course).status_code == 404
    staff = django_user_model.objects.create_user("prof", "prof@example.org", "pw")
    CourseAccessRole.objects.create(user=staff, course_key=course.course_key)
    client.force_login(staff)
    assert "DigCompAssessmentBlock" in client.get(url).content.decode()
    with translation.override("it"):
        assert _begin(client, course).status_code == 200

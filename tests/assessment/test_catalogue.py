"""The learning-resource catalogue follows XBLOCK_PUBLISHED and feeds the recommendations."""
import pytest
from openedx_events.content_authoring.data import XBlockData
from openedx_events.content_authoring.signals import XBLOCK_DELETED

from fd_assessment import api
from fd_assessment.models import LearningResource

pytestmark = pytest.mark.django_db


def test_publishing_a_course_indexes_its_tagged_blocks(assess_course):
    resources = api.learning_resources(["2.6"])
    assert [r["display_name"] for r in resources] == ["Entrare con SPID"]
    assert resources[0]["url"].endswith(f"jump_to/{resources[0]['usage_key']}")
    assert {r["competence_id"] for r in api.learning_resources(["2.3", "4.2"])} == {"2.3", "4.2"}
    assert not LearningResource.objects.filter(display_name="Benvenuti").exists()
    assert not LearningResource.objects.filter(competence_id="bogus").exists()


def test_deleting_a_block_removes_it(assess_course):
    key = assess_course.course_key.make_usage_key("fd_test_pill", "spid-pill")
    XBLOCK_DELETED.send_event(xblock_info=XBlockData(usage_key=key, block_type="fd_test_pill"))
    assert api.learning_resources(["2.6"]) == []


def test_results_recommend_pills_for_the_weakest_competences(assess_course, learner, take_questionnaire):
    # weak in area 2 (self-rating 0, wrong answers), the only area asked
    attempt = take_questionnaire(learner, areas=["2"], self_value="0", pick="wrong")
    recs = api.results(attempt, "it")["recommendations"]
    linked = {res["display_name"] for rec in recs for res in rec["resources"]}
    assert "Entrare con SPID" in linked


def test_learning_resources_of_one_course_only(assess_course):
    from opaque_keys.edx.keys import CourseKey

    other = CourseKey.from_string("course-v1:FirenzeDigitale+OTHER+2026")
    assert [r["display_name"] for r in api.learning_resources(["2.6"], course_key=assess_course.course_key)] == [
        "Entrare con SPID"]
    assert api.learning_resources(["2.6"], course_key=other) == []

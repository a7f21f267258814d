"""The contract the tour block codes against: can_lead, schools, start_class."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from fd_classroom import api
from fd_classroom.models import ClassSession, School, TeacherRole

from .conftest import COURSE_KEY, USAGE_KEY

pytestmark = pytest.mark.django_db


def test_course_staff_and_approved_teachers_may_lead(django_user_model, teacher):
    from sandbox.models import CourseAccessRole

    staff = django_user_model.objects.create_user("prof")
    CourseAccessRole.objects.create(user=staff, course_key=COURSE_KEY, role="staff")
    learner = django_user_model.objects.create_user("alunno")
    assert api.can_lead(staff, COURSE_KEY)
    assert api.can_lead(teacher, COURSE_KEY)
    assert not api.can_lead(learner, COURSE_KEY)
    TeacherRole.objects.filter(user=teacher).update(approved=False)
    assert not api.can_lead(teacher, COURSE_KEY)


def test_anonymous_may_not_lead():
    from django.contrib.auth.models import AnonymousUser

    assert not api.can_lead(AnonymousUser(), COURSE_KEY)
    assert not api.can_lead(None, COURSE_KEY)


def test_schools_lists_the_active_schools_as_plain_dicts():
    a = School.objects.create(name="Scuola A")
    School.objects.create(name="Scuola chiusa", active=False)
    assert api.schools() == [{"id": a.pk, "name": "Scuola A"}]


def test_start_class_returns_code_and_urls_and_stores_the_snapshot(teacher, tour, school):
    result = api.start_class(teacher=teacher, course_key=COURSE_KEY, usage_key=USAGE_KEY, tour=tour,
                             school_id=school.pk)
    assert set(result) == {"code", "join_url", "lead_url"}
    assert len(result["code"]) == 6
    assert result["join_url"] == f"/fd/classroom/join/?code={result['code']}"
    session = ClassSession.objects.get(code=result["code"])
    assert result["lead_url"] == f"/fd/classroom/lead/{session.public_id}/"
    assert [scene["id"] for scene in session.tour["scenes"]] == ["fibra", "wifi", "rifiuti"]
    assert "completion_share" not in session.tour
    assert "<script>" not in session.tour["scenes"][0]["hotspots"][0]["text"]
    assert session.school == school and session.scene_id == "fibra"


def test_start_class_refuses_who_may_not_lead(django_user_model, tour):
    learner = django_user_model.objects.create_user("alunno")
    with pytest.raises(PermissionDenied):
        api.start_class(teacher=learner, course_key=COURSE_KEY, usage_key=USAGE_KEY, tour=tour, school_id=None)
    assert not ClassSession.objects.exists()


@pytest.mark.parametrize("breakage", [
    lambda tour: tour.update(scenes=[]),
    lambda tour: tour["scenes"][0].update(image_url="javascript:alert(1)"),
    lambda tour: tour["scenes"][0]["hotspots"][1]["question"].update(type="essay"),
    lambda tour: tour["scenes"][1].update(id="fibra"),
    lambda tour: tour["scenes"][0]["guide"].update(minutes="five"),
])
def test_start_class_refuses_a_malformed_tour(teacher, tour, breakage):
    breakage(tour)
    with pytest.raises(ValidationError):
        api.start_class(teacher=teacher, course_key=COURSE_KEY, usage_key=USAGE_KEY, tour=tour, school_id=None)


def test_start_class_refuses_an_unknown_school(teacher, tour):
    with pytest.raises(ValidationError):
        api.start_class(teacher=teacher, course_key=COURSE_KEY, usage_key=USAGE_KEY, tour=tour, school_id=999)


def test_codes_use_the_unambiguous_alphabet_and_differ(teacher, tour):
    from fd_classroom.codes import ALPHABET

    codes = {api.start_class(teacher=teacher, course_key=COURSE_KEY, usage_key=USAGE_KEY, tour=tour)["code"]
             for _ in range(20)}
    assert len(codes) == 20
    assert all(set(code) <= set(ALPHABET) for code in codes)
    assert not set("0O1IL") & set(ALPHABET)

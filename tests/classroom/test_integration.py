"""On MariaDB with the real Celery worker: a class tour ended by its teacher reaches the targets."""
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from .conftest import COURSE_KEY, USAGE_KEY, pupil_client

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("transactional_db")]


def _target(metric, scope_type, scope_value, goal):
    from fd_progress.models import Target

    today = timezone.localdate()
    return Target.objects.create(title_it=metric, title_en=metric, metric=metric, scope_type=scope_type,
                                 scope_value=scope_value, period_start=today - timedelta(days=30),
                                 deadline=today + timedelta(days=60), goal=goal)


def _values(targets):
    from fd_progress.api import progress_of

    return [float(item.value) for item in progress_of(targets)]


def test_an_ended_class_tour_reaches_the_targets_counts(celery_worker, wait_for, django_user_model, tour):
    from fd_classroom import api
    from fd_classroom.models import School, TeacherRole
    from fd_progress.models import ActivityEvent, TrainingSession

    school = School.objects.create(name="Scuola Beato Angelico")
    teacher = django_user_model.objects.create_user("insegnante")
    TeacherRole.objects.create(user=teacher, school=school)
    targets = [
        _target("sessions_held", "programme", "", 35),
        _target("sessions_held", "school", school.name, 5),
        _target("people_reached", "school", school.name, 500),
        _target("attendances", "school", school.name, 500),
    ]
    started = api.start_class(teacher=teacher, course_key=COURSE_KEY, usage_key=USAGE_KEY, tour=tour,
                              school_id=school.pk)
    for number in range(12):
        pupil_client(started["code"], address=f"10.0.0.{number}")

    lead = Client()
    lead.force_login(teacher)
    assert lead.post(started["lead_url"] + "act", {"action": "end"}).status_code == 302
    assert lead.post(started["lead_url"] + "act", {"action": "end"}).status_code == 302  # a second click
    wait_for(lambda: _values(targets) == [1.0, 1.0, 12.0, 12.0], timeout=60,
             message="the worker to count the class tour")
    # Deleting the class afterwards counts nothing more, and nothing is left pending.
    assert lead.post(started["lead_url"] + "delete").status_code == 302
    wait_for(lambda: not ActivityEvent.objects.filter(processed=False).exists(), message="no pending events")
    assert _values(targets) == [1.0, 1.0, 12.0, 12.0]
    assert TrainingSession.objects.get().head_count == 12

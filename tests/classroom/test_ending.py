"""Ending a class: the signal (once, plain data), fd_progress's counting, retention and retirement."""
from datetime import timedelta

import pytest
from django.utils import timezone

from fd_classroom import classes
from fd_classroom.models import Answer, ClassSession, Pupil, TeacherRole
from fd_classroom.signals import class_session_ended

from .conftest import pupil_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def received():
    payloads = []

    def receiver(sender, **kwargs):
        kwargs.pop("signal")
        payloads.append(kwargs)

    class_session_ended.connect(receiver, weak=False, dispatch_uid="test-received")
    yield payloads
    class_session_ended.disconnect(dispatch_uid="test-received")


def test_ending_sends_the_signal_once_with_plain_data(started, school, received):
    result, session = started
    for _ in range(3):
        pupil_client(result["code"])
    assert classes.end(session) is True
    assert classes.end(session) is False
    assert len(received) == 1
    payload = received[0]
    assert payload["class_id"] == session.pk and payload["class_uuid"] == str(session.public_id)
    assert payload["course_key"] == "course-v1:FirenzeDigitale+SMART+2026"
    assert payload["school_id"] == school.pk and payload["school_name"] == school.name
    assert payload["head_count"] == 3 and payload["tour_title"] == "Firenze smart city"
    assert payload["started_at"] <= payload["ended_at"]
    plain = (int, str, type(None), type(payload["ended_at"]))
    assert all(isinstance(value, plain) for value in payload.values())


def test_fd_progress_counts_an_ended_class_once_in_the_school_scope(started, school):
    from fd_progress.counting import process_pending
    from fd_progress.models import TrainingSession
    from tests.progress.conftest import total

    result, session = started
    for _ in range(4):
        pupil_client(result["code"])
    classes.end(session)
    classes.end(session)
    # Sent twice by someone else: still counted once.
    class_session_ended.send(sender=ClassSession, class_id=session.pk, class_uuid=str(session.public_id),
                             course_key=session.course_key, usage_key=session.usage_key, school_id=school.pk,
                             school_name=school.name, tour_title="x", head_count=4,
                             started_at=session.created, ended_at=session.ended_at)
    process_pending(1000)
    recorded = TrainingSession.objects.get()
    assert (recorded.kind, recorded.school, recorded.head_count) == ("in_person", school.name, 4)
    assert total("sessions_held", "school", school.name) == 1
    assert total("attendances", "school", school.name) == 4
    assert total("people_reached", "school", school.name) == 4
    assert total("sessions_held") == 1


def test_deleting_the_class_deletes_pupils_and_answers_and_counts_it(started):
    from fd_progress.models import TrainingSession

    result, session = started
    client = pupil_client(result["code"])
    classes.ask(session, "fibra/q-fibra")
    client.post(f"/fd/classroom/c/{session.code}/answer", {"question": "fibra/q-fibra", "choice": "1"})
    classes.delete(session)
    assert not (ClassSession.objects.exists() or Pupil.objects.exists() or Answer.objects.exists())
    assert TrainingSession.objects.get().head_count == 1


def test_the_beat_task_deletes_classes_past_their_retention(started, teacher, tour, settings):
    from fd_classroom import api
    from fd_classroom.tasks import purge_expired_classes

    from .conftest import COURSE_KEY, USAGE_KEY

    assert settings.FD_CLASSROOM_RETENTION_DAYS == 7
    result, old = started
    pupil_client(result["code"])
    fresh = api.start_class(teacher=teacher, course_key=COURSE_KEY, usage_key=USAGE_KEY, tour=tour)
    ClassSession.objects.filter(pk=old.pk).update(delete_after=timezone.now() - timedelta(seconds=1))
    assert purge_expired_classes.apply().get() == 1
    assert list(ClassSession.objects.values_list("code", flat=True)) == [fresh["code"]]
    assert not Pupil.objects.exists()
    assert "fd_classroom.purge" in settings.CELERY_BEAT_SCHEDULE


def test_a_new_class_is_kept_for_the_retention_period(started, settings):
    _result, session = started
    kept = session.delete_after - session.created
    assert timedelta(days=7) - timedelta(minutes=1) < kept <= timedelta(days=7)


def test_retiring_a_teacher_removes_the_role_and_their_classes(started, teacher):
    from fd_core.platform import USER_RETIRE_LMS_MISC

    USER_RETIRE_LMS_MISC.send(sender=None, user=teacher)
    assert not TeacherRole.objects.filter(user=teacher).exists()
    assert not ClassSession.objects.exists()


def test_the_database_keeps_no_personal_data_of_pupils(started):
    """Pupil rows hold a nickname and a token hash only; the model has no other column."""
    result, session = started
    pupil_client(result["code"])
    columns = {field.name for field in Pupil._meta.get_fields() if field.concrete}
    assert columns == {"id", "session", "nickname", "token_hash", "joined_at"}


def test_a_class_deleted_any_way_stops_answering_polls(started, teacher, django_capture_on_commit_callbacks):
    from fd_core.platform import USER_RETIRE_LMS_MISC

    result, session = started
    client = pupil_client(result["code"])
    url = f"/fd/classroom/c/{session.code}/poll.json"
    assert client.get(url).status_code == 200  # now cached
    with django_capture_on_commit_callbacks(execute=True):
        USER_RETIRE_LMS_MISC.send(sender=None, user=teacher)
    assert client.get(url).status_code == 410

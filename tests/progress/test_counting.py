"""Exact, incremental counting on MariaDB: duplicates, late events, rebuild == live."""
import random
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone
from openedx_events.learning.data import CourseEnrollmentData
from openedx_events.learning.signals import COURSE_ENROLLMENT_CREATED

from fd_progress import api, ingest
from fd_progress.models import ActivityEvent, CountedPerson, FacilitationPoint, TrainingSession

from .conftest import COURSE_KEY, PILL, counters, drain, total

pytestmark = pytest.mark.django_db


def send_enrollment(user, course, when):
    from sandbox.eventdata import course_data, user_data

    COURSE_ENROLLMENT_CREATED.send_event(enrollment=CourseEnrollmentData(
        user=user_data(user), course=course_data(course), mode="audit", is_active=True, creation_date=when,
    ))


def test_the_same_enrolment_twice_counts_once(make_learner, course):
    learner = make_learner()
    when = timezone.now() - timedelta(days=2)
    send_enrollment(learner, course, when)
    send_enrollment(learner, course, when)
    drain()
    assert total("enrolments") == 1
    assert total("people_reached") == 1
    assert total("people_reached", "course", str(COURSE_KEY)) == 1
    assert total("people_reached", "organisation", "FirenzeDigitale") == 1
    assert total("registrations") == 1


def test_a_person_counts_once_per_metric_and_scope(make_learner, course, completion_switch):
    from completion.models import BlockCompletion

    from sandbox.enrollment import enroll

    learner = make_learner()
    enroll(learner, course)
    for n in range(3):
        BlockCompletion.objects.submit_completion(learner, ingest_key(n), 1.0)
    BlockCompletion.objects.submit_completion(learner, ingest_key(9), 0.5)  # not finished: not counted
    drain()
    assert total("courses_completed") == 3
    assert total("enrolments") == 1
    assert total("people_reached") == 1
    assert CountedPerson.objects.filter(metric="people_reached", user_id=learner.pk).count() == 3
    with pytest.raises(IntegrityError), transaction.atomic():
        CountedPerson.objects.create(metric="people_reached", scope_type="programme", scope_value="",
                                     user_id=learner.pk, first_day=timezone.localdate())


def ingest_key(n):
    from opaque_keys.edx.keys import UsageKey

    return UsageKey.from_string(PILL.format(n))


def test_a_late_event_with_an_earlier_day_moves_the_person_to_that_day(make_learner, course, today):
    learner = make_learner()
    ingest.completion(learner.pk, PILL.format(1), str(COURSE_KEY), timezone.now())
    drain()
    assert total("people_reached", until=today) == 1
    earlier = timezone.now() - timedelta(days=10)
    ingest.enrollment(learner.pk, str(COURSE_KEY), earlier)
    drain()
    assert total("people_reached", until=today - timedelta(days=9)) == 1
    assert total("people_reached", until=today) == 1


def test_session_attendance_counts_each_person_once_plus_the_head_count(make_learner, today):
    point = FacilitationPoint.objects.create(name="Biblioteca delle Oblate", district="Quartiere 1")
    session = TrainingSession.objects.create(title="SPID", kind="in_person", date=today, partner="Cispel",
                                             facilitation_point=point)
    api.record_session(session)
    people = [make_learner() for _ in range(3)]
    assert api.record_attendance(session, [p.pk for p in people], head_count=12) == (3, 12)
    assert api.record_attendance(session, [people[0].pk], head_count=0) == (0, 12)
    drain()
    assert total("sessions_held") == 1
    assert total("attendances") == 15
    assert total("people_reached") == 15
    assert total("attendances", "district", "Quartiere 1") == 15
    assert total("attendances", "partner", "Cispel") == 15
    assert total("attendances", "point", str(point.pk)) == 15


def test_assistance_hours_add_up_per_point(today):
    point = FacilitationPoint.objects.create(name="Bibliobus", district="Circoscrizione 3", weekly_hours=24)
    api.record_assistance(point, today, "3.5", people=4)
    api.record_assistance(point, today - timedelta(days=1), "2.25", people=2)
    drain()
    assert total("assistance_hours") == pytest.approx(5.75)
    assert total("assistance_hours", "point", str(point.pk)) == pytest.approx(5.75)
    assert total("people_reached", "district", "Circoscrizione 3") == 6


def _varied_activity(make_learner, course, today):
    """Learners register, enrol, complete pills, attend sessions; days shuffled; some duplicates."""
    from completion.models import BlockCompletion

    rng = random.Random(7)
    learners = [make_learner() for _ in range(12)]
    point = FacilitationPoint.objects.create(name="PIU Centro", district="Quartiere 2")
    session = TrainingSession.objects.create(title="pagoPA", kind="webinar", date=today - timedelta(days=3),
                                             partner="PA Social", school="Liceo Galileo")
    api.record_session(session)
    for learner in learners:
        for _ in range(rng.randint(1, 3)):
            ingest.enrollment(learner.pk, str(COURSE_KEY), timezone.now() - timedelta(days=rng.randint(0, 30)))
        BlockCompletion.objects.submit_completion(learner, ingest_key(rng.randint(0, 4)), 1.0)
        if rng.random() < 0.5:
            ingest.assessment(learner.pk, 1000 + learner.pk, str(COURSE_KEY),
                              timezone.now() - timedelta(days=rng.randint(0, 30)))
        if rng.random() < 0.3:
            ingest.badge(learner.pk, f"urn:uuid:{learner.pk}", None, timezone.now())
    api.record_attendance(session, [learner.pk for learner in learners[:5]], head_count=7)
    api.record_assistance(point, today - timedelta(days=5), "4", people=3)
    return learners


def test_rebuild_gives_the_same_counters_as_live_counting(make_learner, course, completion_switch, today):
    from fd_progress.counting import process_pending

    _varied_activity(make_learner, course, today)
    while process_pending(7):  # small batches: people move between batches, counters get reused
        pass
    live = counters()
    assert total("people_reached") == 12 + 7 + 3
    call_command("fd_progress_rebuild", "--quiet-progress")
    assert counters() == live
    assert not ActivityEvent.objects.filter(processed=False).exists()


def test_rebuild_recovers_what_the_receivers_never_saw(make_learner, course, completion_switch):
    from completion.models import BlockCompletion

    learner = make_learner()
    # Written without post_save (as a data migration or an import would): no live event.
    BlockCompletion.objects.bulk_create([
        BlockCompletion(user=learner, context_key=COURSE_KEY, block_key=ingest_key(n), block_type="fd_video_pill",
                        completion=1.0) for n in range(4)
    ])
    drain()
    assert total("courses_completed") == 0
    call_command("fd_progress_rebuild", "--quiet-progress")
    assert total("courses_completed") == 4
    assert total("people_reached") == 1
    assert total("registrations") == 1


def test_retirement_keeps_the_counts_and_forgets_the_person(make_learner, course, completion_switch, today):
    from sandbox.management.commands.retire_user import retire

    learners = _varied_activity(make_learner, course, today)
    drain()
    before = counters()[0]
    retired = learners[0]
    retire(retired)
    assert counters()[0] == before
    assert not ActivityEvent.objects.filter(user_id=retired.pk).exists()
    assert not CountedPerson.objects.filter(user_id=retired.pk).exists()
    call_command("fd_progress_rebuild", "--quiet-progress")
    assert counters()[0] == before


def test_self_assessments_and_badges_from_the_sibling_apps_are_counted(make_learner, course):
    from fd_assessment.signals import assessment_completed
    from fd_badges.signals import badge_awarded

    learner = make_learner()
    for attempt in (41, 42, 42):  # the second 42 is the same attempt announced again
        assessment_completed.send(sender=None, user_id=learner.pk, attempt_id=attempt, course_key=str(COURSE_KEY),
                                  levels={}, areas={}, overall={}, attempt_number=1, completed_at=timezone.now())
    badge_awarded.send(sender=None, user_id=learner.pk, badge_class_slug="open-data", award_uuid="0d5e-award",
                       course_key=str(COURSE_KEY), awarded_at=timezone.now() - timedelta(days=1))
    drain()
    assert total("assessments_completed") == 2
    assert total("badges_awarded", "course", str(COURSE_KEY)) == 1
    assert total("people_reached") == 1


def test_correcting_a_head_count_in_the_admin_counts_the_difference(admin_client, today):
    session = TrainingSession.objects.create(title="Smart city tour", kind="in_person", date=today,
                                             school="IC Poliziano", partner="Università di Firenze")
    api.record_session(session)
    api.record_attendance(session, [], head_count=10)
    response = admin_client.post(f"/admin/fd_progress/trainingsession/{session.pk}/change/", {
        "title": "Smart city tour", "kind": "in_person", "date": str(today), "place": "", "partner":
        "Università di Firenze", "district": "", "school": "IC Poliziano", "facilitation_point": "", "head_count": 14,
    })
    assert response.status_code == 302, response.content[:500]
    drain()
    assert total("attendances", "school", "IC Poliziano") == 14
    assert total("sessions_held") == 1
    call_command("fd_progress_rebuild", "--quiet-progress")
    assert total("attendances", "school", "IC Poliziano") == 14

"""With the real Celery worker on Redis: live counting, duplicates, out of order, broker outage."""
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from openedx_events.learning.data import CourseEnrollmentData
from openedx_events.learning.signals import COURSE_ENROLLMENT_CREATED

from fd_progress.models import ActivityEvent

from .conftest import COURSE_KEY, counters, total

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("transactional_db")]


def pending():
    return ActivityEvent.objects.filter(processed=False).count()


def settled(wait_for):
    wait_for(lambda: ActivityEvent.objects.exists() and not pending(), timeout=30,
             message="the worker to process every pending event")


def send_enrollment(user, course, when):
    from sandbox.eventdata import course_data, user_data

    COURSE_ENROLLMENT_CREATED.send_event(enrollment=CourseEnrollmentData(
        user=user_data(user), course=course_data(course), mode="audit", is_active=True, creation_date=when,
    ))


def test_a_new_learner_enrolling_moves_people_reached_by_exactly_one(celery_worker, wait_for, course,
                                                                    make_learner):
    from sandbox.enrollment import enroll

    for _ in range(3):
        enroll(make_learner(), course)
    settled(wait_for)
    before = total("people_reached")
    assert before == 3
    newcomer = make_learner("nuova-iscritta")
    enroll(newcomer, course)
    wait_for(lambda: total("people_reached") == before + 1, timeout=30, message="people reached + 1")
    settled(wait_for)
    time.sleep(1)
    assert total("people_reached") == before + 1
    assert total("people_reached", "course", str(COURSE_KEY)) == before + 1
    assert total("registrations") == 4


def test_duplicates_and_late_events_through_the_worker_stay_exact(celery_worker, wait_for, course, make_learner):
    learners = [make_learner() for _ in range(6)]
    now = timezone.now()
    for learner in learners:
        send_enrollment(learner, course, now)
        send_enrollment(learner, course, now)  # the platform may send an event twice
    settled(wait_for)
    for learner in learners[:3]:  # late events carrying an earlier day
        from fd_progress import ingest

        ingest.assessment(learner.pk, f"attempt-{learner.pk}", str(COURSE_KEY), now - timedelta(days=20))
    settled(wait_for)
    assert total("enrolments") == 6
    assert total("assessments_completed") == 3
    assert total("people_reached") == 6
    assert total("people_reached", until=timezone.localdate() - timedelta(days=19)) == 3
    live = counters()
    call_command("fd_progress_rebuild", "--quiet-progress")
    assert counters() == live


@pytest.fixture
def broker_down(celery_worker):
    """Point this process's Celery app at a port where no broker listens, then restore it."""
    app = celery_worker.app
    url = app.conf.broker_url

    def use(broker_url):
        from fd_progress import ingest

        app.conf.broker_url = broker_url
        app._pool = None
        app.amqp._producer_pool = None
        ingest.BROKER.reset()

    use("redis://127.0.0.1:1/0")
    yield lambda: use(url)
    use(url)


def test_a_broker_outage_loses_nothing(celery_worker, wait_for, course, make_learner, broker_down):
    from fd_progress.tasks import sweep_pending_events
    from sandbox.enrollment import enroll

    learners = [make_learner() for _ in range(5)]
    started = time.monotonic()
    for learner in learners:
        enroll(learner, course)
    # One refused attempt, then requests stop waiting for the broker.
    assert time.monotonic() - started < 20
    time.sleep(1)
    assert pending() == 10  # 5 registrations, 5 enrolments: recorded, waiting
    assert total("people_reached") == 0
    broker_down()  # the broker is back
    sweep_pending_events.delay()
    wait_for(lambda: total("people_reached") == 5, timeout=30, message="the sweep to count the 5 learners")
    assert total("enrolments") == 5 and total("registrations") == 5
    assert pending() == 0

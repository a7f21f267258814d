"""Several workers processing the same counters at once keep them exact (MariaDB, real threads)."""
import random
import threading
from datetime import date, timedelta

import pytest
from django.db import connection

from fd_progress import ingest
from fd_progress.counting import process_pending
from fd_progress.metrics import EventKind
from fd_progress.models import ActivityEvent
from fd_progress.rebuild import recount

from .conftest import counters, total

COURSES = ["course-v1:FirenzeDigitale+OD101+2026", "course-v1:FirenzeDigitale+CYB1+2026",
           "course-v1:FirenzeDigitale+PA1+2026"]


def shuffled_events(users=150):
    """Each user enrols in three courses on random days; events arrive in random order."""
    rng = random.Random(11)
    events = []
    for user_id in range(1, users + 1):
        for course in COURSES:
            day = date(2026, 10, 1) + timedelta(days=rng.randint(0, 40))
            events.append(ingest.build_event(EventKind.ENROLLMENT, (user_id, course), day, user_id=user_id,
                                             course_key=course))
    rng.shuffle(events)
    return events


@pytest.mark.django_db(transaction=True)
def test_four_workers_on_one_set_of_counters_count_exactly():
    ingest.save_events(shuffled_events(), schedule=False)
    errors, processed = [], []
    start = threading.Barrier(4)

    def worker():
        try:
            start.wait()
            while True:
                done = process_pending(17)
                processed.append(done)
                if not done:
                    break
        except Exception as exc:  # reported below: a deadlock or lost update must fail the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    assert sum(processed) == 450  # every event processed once, by exactly one worker
    assert not ActivityEvent.objects.filter(processed=False).exists()
    assert total("enrolments") == 450
    assert total("people_reached") == 150
    assert total("people_reached", "organisation", "FirenzeDigitale") == 150
    for course in COURSES:
        assert total("people_reached", "course", course) == 150
    live = counters()
    recount()
    assert counters() == live

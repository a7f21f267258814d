"""Property: whatever the order, repeats and batch sizes, live counting equals a full recount."""
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fd_progress import ingest
from fd_progress.counting import process_pending
from fd_progress.metrics import EventKind
from fd_progress.models import ActivityEvent, CountedPerson, DailyCount
from fd_progress.rebuild import recount

from .conftest import counters, total

pytestmark = pytest.mark.django_db
COURSES = ("course-v1:FirenzeDigitale+OD101+2026", "course-v1:Cisco+CYB1+2026")

event = st.tuples(
    st.sampled_from([EventKind.ENROLLMENT, EventKind.COMPLETION, EventKind.REGISTRATION, EventKind.HEAD_COUNT]),
    st.integers(min_value=1, max_value=6),    # user
    st.integers(min_value=0, max_value=20),   # day
    st.sampled_from(COURSES),
    st.sampled_from(["", "Quartiere 1", "Quartiere 2"]),
    st.integers(min_value=1, max_value=9),    # head count
)


def build(kind, user, day, course, district, heads):
    when = date(2026, 3, 1) + timedelta(days=day)
    if kind == EventKind.HEAD_COUNT:
        return ingest.build_event(kind, (district, day, heads), when, district=district, head_count=heads)
    if kind == EventKind.REGISTRATION:
        return ingest.build_event(kind, (user,), when, user_id=user)
    return ingest.build_event(kind, (user, course), when, user_id=user, course_key=course, district=district)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(event, min_size=1, max_size=12), min_size=1, max_size=5),
       st.integers(min_value=1, max_value=7))
def test_live_counting_in_any_order_and_batch_size_equals_a_recount(arrivals, batch_size):
    for model in (ActivityEvent, CountedPerson, DailyCount):
        model.objects.all().delete()
    for wave in arrivals:  # events arrive in waves, each processed before the next arrives
        ingest.save_events([build(*item) for item in wave], schedule=False)
        while process_pending(batch_size):
            pass
    live = counters()
    recount()
    assert counters() == live
    learners = {user for wave in arrivals for kind, user, *_ in wave if kind in (EventKind.ENROLLMENT,
                                                                                 EventKind.COMPLETION)}
    heads = {(district, day, n) for wave in arrivals for kind, _u, day, _c, district, n in wave
             if kind == EventKind.HEAD_COUNT}
    assert total("people_reached") == len(learners) + sum(n for *_k, n in heads)

"""Send "learner passed the course" from a process whose broker is down (run by test_worker.py).

Usage: python -m tests.badges.outage_sender <user_id> <course_key>; the environment names the
test database and a Redis URL where nothing listens.
"""
import sys


def main(user_id, course_key):
    import django

    django.setup()
    from django.db import transaction
    from opaque_keys.edx.keys import CourseKey
    from openedx_events.learning.data import CourseData, CoursePassingStatusData, UserData, UserPersonalData
    from openedx_events.learning.signals import COURSE_PASSING_STATUS_UPDATED

    data = CoursePassingStatusData(
        is_passing=True, course=CourseData(course_key=CourseKey.from_string(course_key)),
        user=UserData(id=int(user_id), is_active=True, pii=UserPersonalData(username="", email="", name="")),
    )
    with transaction.atomic():
        COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=data)


if __name__ == "__main__":
    main(*sys.argv[1:3])

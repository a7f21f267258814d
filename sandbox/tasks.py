"""Background work of the sandbox, on Celery as in the LMS: regrading learners after a course changes."""
from celery import shared_task
from django.contrib.auth import get_user_model
from opaque_keys.edx.keys import CourseKey

from .grades import recompute_course_grade


@shared_task(bind=True, acks_late=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def recompute_course_grades(self, course_id, user_ids):
    """Recompute the course grade of each learner (a pass mark or the scored blocks may have changed)."""
    course_key = CourseKey.from_string(course_id)
    users = get_user_model().objects.filter(pk__in=user_ids)
    return [recompute_course_grade(user, course_key).passed for user in users]

"""Course grades from block scores; crossing the pass mark is announced through openedx-events.

A course's grade is the weighted mean of its scored blocks (each block's ``weight``; a block not
yet attempted counts as zero), compared with the course's pass mark from
``policies/<run>/grading_policy.json`` (``GRADE_CUTOFFS``), as a single-assignment-type policy
in the LMS would.
"""
from django.db import transaction
from django.utils import timezone
from openedx_events.learning.data import CoursePassingStatusData, PersistentCourseGradeData
from openedx_events.learning.signals import COURSE_PASSING_STATUS_UPDATED, PERSISTENT_GRADE_SUMMARY_CHANGED

from .eventdata import course_data, user_data
from .models import BlockScore, Course, CourseBlock, CourseGrade


def record_score(user, usage_key, earned, possible):
    from lms.djangoapps.grades.signals.signals import PROBLEM_WEIGHTED_SCORE_CHANGED

    score, _ = BlockScore.objects.update_or_create(
        user=user, usage_key=usage_key,
        defaults={"earned": earned, "possible": possible, "course_key": usage_key.course_key},
    )
    PROBLEM_WEIGHTED_SCORE_CHANGED.send(
        sender=None, weighted_earned=earned, weighted_possible=possible, user_id=user.pk,
        course_id=str(usage_key.course_key), usage_id=str(usage_key), modified=score.modified,
        score_deleted=False, only_if_higher=False, grader_response=False,
    )
    return recompute_course_grade(user, usage_key.course_key)


def course_percent(user, course):
    scored = list(CourseBlock.objects.filter(course=course, has_score=True).values_list("usage_key", "weight"))
    total = sum(weight for _, weight in scored)
    if not total:
        return 0.0
    scores = {
        s.usage_key: s.earned / s.possible
        for s in BlockScore.objects.filter(user=user, course_key=course.course_key)
    }
    return round(sum(weight * scores.get(key, 0.0) for key, weight in scored) / total, 4)


def recompute_course_grade(user, course_key):
    with transaction.atomic():
        course = Course.objects.get(course_key=course_key)
        grade, _ = CourseGrade.objects.select_for_update().get_or_create(user=user, course=course)
        was_passing = grade.passed
        grade.percent = course_percent(user, course)
        grade.passed = grade.percent >= course.pass_mark
        if grade.passed and not grade.passed_at:
            grade.passed_at = timezone.now()
        grade.save()
    PERSISTENT_GRADE_SUMMARY_CHANGED.send_event(grade=PersistentCourseGradeData(
        user_id=user.pk,
        course=course_data(course),
        course_edited_timestamp=timezone.now(),
        course_version="",
        grading_policy_hash="",
        percent_grade=grade.percent,
        letter_grade="Pass" if grade.passed else "",
        passed_timestamp=grade.passed_at,
    ))
    if grade.passed != was_passing:
        COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=CoursePassingStatusData(
            is_passing=grade.passed, course=course_data(course), user=user_data(user),
        ))
    return grade

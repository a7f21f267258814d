"""A task sent through the sandbox's Celery app runs on a real worker on Redis; its effect is in MariaDB."""
import pytest

from sandbox.courses import import_course
from sandbox.grades import record_score
from sandbox.models import CourseGrade

from .conftest import OLX

pytestmark = pytest.mark.integration


def test_reimporting_a_course_regrades_its_learners_on_the_worker(transactional_db, celery_worker, wait_for,
                                                                    learner, tmp_path):
    course = import_course(OLX)
    probe = course.course_key.make_usage_key("fd_contract_probe", "probe")
    record_score(learner, probe, 0.8, 1.0)  # weight 3 of 4: 60%, below the 70% pass mark
    assert not CourseGrade.objects.get(user=learner, course=course).passed

    changed = tmp_path / "probe-course"
    import shutil

    shutil.copytree(OLX, changed)
    (changed / "policies" / "2026" / "grading_policy.json").write_text('{"GRADE_CUTOFFS": {"Pass": 0.5}}')
    import_course(changed)  # the new pass mark reaches existing learners through the worker

    assert wait_for(lambda: CourseGrade.objects.get(user=learner, course=course).passed, timeout=60)

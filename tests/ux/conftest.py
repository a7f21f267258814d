"""The demo site (``load_demo``) with a finished self-assessment and a badge, for the phone and layout tests."""
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.assessment.conftest import pill_block  # noqa: F401 (a fixture: the assessment course has tagged pills)

PASSWORD = "firenze2026"


@pytest.fixture
def demo(transactional_db, settings):
    """The demo courses, users and app data; learner has results and a badge. Returns useful URLs."""
    from django.contrib.auth import get_user_model

    from fd_badges.api import award_badge
    from tests.assessment.conftest import take

    settings.CELERY_TASK_ALWAYS_EAGER = True
    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    call_command("load_demo", "--no-app-data", **quiet)
    call_command("fd_badges_demo", **quiet)
    call_command("fd_assessment_demo", "--people", "6", **quiet)
    call_command("fd_progress_demo", "--scale", "0.005", **quiet)
    learner = get_user_model().objects.get(username="learner")
    attempt = take(learner)
    award_uuid, _ = award_badge(learner, "open-data-od101")
    return {
        "learner": learner,
        "results": reverse("fd_assessment:results", args=[attempt.pk]),
        "award": reverse("fd_badges:award_page", args=[award_uuid]),
    }


def unit_url(course_id, unit):
    from opaque_keys.edx.keys import CourseKey

    key = CourseKey.from_string(course_id)
    return reverse("sandbox:unit", args=[course_id, str(key.make_usage_key("vertical", unit))])


OPEN_DATA = "course-v1:FirenzeDigitale+OD101+2026"


def learner_pages(demo):
    return [
        "/", reverse("sandbox:course_outline", args=[OPEN_DATA]),
        unit_url(OPEN_DATA, "what-is-open-data"), unit_url(OPEN_DATA, "self-check"),
        reverse("fd_assessment:home"), demo["results"],
        reverse("fd_badges:my_badges"), demo["award"], reverse("fd_badges:class_page", args=["open-data-od101"]),
        reverse("fd_badges:verify"), reverse("fd_progress:public"),
    ]


def staff_pages():
    return [reverse("fd_progress:dashboard"), reverse("fd_assessment:statistics"),
            reverse("fd_badges:bulk_award", args=["open-data-od101"])]


@pytest.fixture
def phone(browser):
    """The shared browser at a phone's width for one test; the desktop size is restored afterwards."""
    from tests.helpers.browser import WINDOW_SIZE

    def resize(width):
        browser.set_window_size(width, 800)

    yield resize
    browser.set_window_size(*WINDOW_SIZE)

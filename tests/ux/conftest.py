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


@pytest.fixture
def calendar_and_help(transactional_db, django_user_model):
    """A facilitation point open every day with one booking, training sessions to come (one of them full),
    a learner with a seat and a facilitator who runs sessions and keeps the point's agenda.

    Returns the people and the objects whose pages the sweeps open.
    """
    from django.contrib.auth.models import Permission

    from fd_assistance import bookings, slots
    from fd_calendar.booking import register_guest, register_user
    from fd_progress.models import FacilitationPoint
    from tests.assistance.conftest import open_every_day
    from tests.calendar.conftest import make_session

    point = FacilitationPoint.objects.create(name="Biblioteca delle Oblate", district="Quartiere 1 Centro storico",
                                             organisation="Comune di Firenze")
    open_every_day(point)
    learner = django_user_model.objects.create_user("cittadina", "cittadina@example.org", PASSWORD,
                                                    first_name="Giulia")
    facilitator = django_user_model.objects.create_user("facilitatrice", "f@example.org", PASSWORD,
                                                        first_name="Anna", is_staff=True)
    facilitator.user_permissions.add(
        Permission.objects.get(codename="run_session", content_type__app_label="fd_calendar"),
        Permission.objects.get(codename="facilitate", content_type__app_label="fd_assistance"))
    session = make_session(title="SPID in un'ora", facilitation_point=point, capacity=10)
    full = make_session(title="Il Fascicolo sanitario", days=4, capacity=1, kind="webinar", place="", district="",
                        topics="health_record")
    register_guest(full, "Lucia", phone="055 123 4567", consent=True)
    seat = register_user(session, learner)
    first_day = next(day_slots for day_slots in slots.free_slots(point.pk).values() if day_slots)
    booking = bookings.book(point.pk, first_day[0].start, "spid", "Attivare SPID sul telefono", user=learner)
    return {"point": point, "learner": learner, "facilitator": facilitator, "session": session, "full": full,
            "seat": seat, "booking": booking, "free_slot": first_day[1]}

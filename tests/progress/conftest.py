"""Fixtures of the fd_progress suite: courses, learners, and reading the counters."""
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db.models import Sum
from opaque_keys.edx.keys import CourseKey

COURSE_KEY = CourseKey.from_string("course-v1:FirenzeDigitale+OD101+2026")
PILL = "block-v1:FirenzeDigitale+OD101+2026+type@fd_video_pill+block@pill{}"


def total(metric, scope_type="programme", scope_value="", until=None):
    """The cumulative figure of a metric in a scope, as the dashboard reads it."""
    from fd_progress.models import DailyCount

    rows = DailyCount.objects.filter(metric=metric, scope_type=scope_type, scope_value=scope_value)
    if until:
        rows = rows.filter(day__lte=until)
    return rows.aggregate(total=Sum("value"))["total"] or Decimal(0)


def counters():
    """Every counter and counted person, to compare two ways of counting."""
    from fd_progress.models import CountedPerson, DailyCount

    daily = sorted(
        (m, st, sv, d, v) for m, st, sv, d, v in DailyCount.objects.exclude(value=0).values_list(
            "metric", "scope_type", "scope_value", "day", "value")
    )
    people = sorted(CountedPerson.objects.values_list("metric", "scope_type", "scope_value", "user_id", "first_day"))
    return daily, people


def speak_english(client):
    """Pick English as a visitor does with the language switch (the language cookie)."""
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def drain():
    from fd_progress.counting import process_pending

    while process_pending(50):
        pass


@pytest.fixture
def course(db):
    from sandbox.models import Course

    return Course.objects.create(course_key=COURSE_KEY, display_name="Open data", source_dir="open-data")


@pytest.fixture
def completion_switch(db):
    """edx-completion only records completions while its waffle switch is on (as in the LMS)."""
    from waffle.models import Switch

    Switch.objects.update_or_create(name="completion.enable_completion_tracking", defaults={"active": True})


@pytest.fixture
def make_learner(db, django_user_model):
    """Create a learner the way the sandbox registers people (STUDENT_REGISTRATION_COMPLETED)."""
    from sandbox.enrollment import registration_completed

    counter = {"n": 0}

    def make(name=None):
        counter["n"] += 1
        user = django_user_model.objects.create_user(name or f"learner{counter['n']}", password="pw")
        registration_completed(user)
        return user

    return make


@pytest.fixture
def staff_client(client, django_user_model):
    staff = django_user_model.objects.create_user("programme-staff", password="pw", is_staff=True)
    client.force_login(staff)
    return client


@pytest.fixture
def today():
    return date.today()


@pytest.fixture
def year_target(db, today):
    from fd_progress.models import Milestone, Target

    target = Target.objects.create(
        title_it="5.000 persone entro dicembre", title_en="5,000 people by December", metric="people_reached",
        period_start=today - timedelta(days=60), deadline=today + timedelta(days=60), goal=5000, is_public=True,
    )
    Milestone.objects.create(target=target, date=today, value=2500)
    return target

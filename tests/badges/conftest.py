"""Fixtures of the badge tests: an issuer on the test host, badge classes, learners."""
import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from opaque_keys.edx.keys import CourseKey

COURSE = CourseKey.from_string("course-v1:FirenzeDigitale+OD101+2026")


@pytest.fixture(autouse=True)
def _clear_cache():
    from fd_badges import queueing
    from fd_badges.credentials import keys

    cache.clear()
    keys.forget_keys()
    queueing.broker_is_back()
    yield
    cache.clear()
    keys.forget_keys()
    queueing.broker_is_back()


@pytest.fixture
def broker_down():
    """Point this process's Celery app at a port where no broker listens; call the fixture's value
    (or leave the test) to bring the broker back."""
    from celery import current_app

    from fd_badges import queueing

    app = current_app._get_current_object()
    saved = app.conf.broker_url, app.conf.broker_connection_timeout

    def use(url, timeout):
        app.conf.broker_url, app.conf.broker_connection_timeout = url, timeout
        app._pool = None
        app.amqp._producer_pool = None
        queueing.broker_is_back()

    use("redis://127.0.0.1:1/0", 1)
    yield lambda: use(*saved)
    use(*saved)


@pytest.fixture
def issuer(db):
    from fd_badges.models import Issuer

    return Issuer.objects.create(domain="testserver", name_it="Comune di Firenze", name_en="City of Florence",
                                 url="https://www.comune.fi.it/", email="badge@comune.fi.it")


@pytest.fixture
def badge_class(issuer):
    from fd_badges.models import BadgeClass, BadgeRule

    badge = BadgeClass.objects.create(
        slug="open-data-101", issuer=issuer, name_it="Open data: primi passi", name_en="Open data: first steps",
        description_it="Sa trovare e usare i dati aperti del Comune.",
        description_en="Can find and use the city's open data.",
        criteria_it="Superare il corso Open data.", criteria_en="Pass the Open data course.",
        course_key=COURSE, digcomp_alignment=[{"code": "1.1", "name": "Navigare, ricercare e filtrare dati"}],
    )
    BadgeRule.objects.create(badge_class=badge, kind=BadgeRule.COURSE_PASSED, course_key=COURSE)
    return badge


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user("staff", "staff@example.org", "firenze2026", is_staff=True)


@pytest.fixture
def signed_award(badge_class, learner):
    from fd_badges import awarding

    award, _created = awarding.award(learner, badge_class)
    return awarding.complete(award)

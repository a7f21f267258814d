"""Fixtures of the fd_assistance suite: a point open every day, people, and the hours counted."""
import html
from datetime import time, timedelta

import pytest
from django.utils import timezone

from tests.progress.conftest import drain, speak_english, total  # noqa: F401  (re-exported for the tests)


def open_every_day(point, ranges=((time(9), time(12)),)):
    from fd_assistance.models import OpeningHours

    for weekday in range(7):
        for start, end in ranges:
            OpeningHours.objects.create(point=point, weekday=weekday, start=start, end=end)


@pytest.fixture
def point(db):
    from fd_progress.models import FacilitationPoint

    place = FacilitationPoint.objects.create(name="Biblioteca delle Oblate", district="Quartiere 1 Centro storico",
                                             organisation="Comune di Firenze")
    open_every_day(place)
    return place


@pytest.fixture
def other_point(db):
    from fd_progress.models import FacilitationPoint

    place = FacilitationPoint.objects.create(name="Biblioteca Buonarroti", district="Quartiere 5 Rifredi")
    open_every_day(place)
    return place


@pytest.fixture
def tomorrow_nine():
    """Tomorrow at 09:00 in Europe/Rome: always a free slot of the ``point`` fixture."""
    day = timezone.localdate() + timedelta(days=1)
    return timezone.make_aware(timezone.datetime.combine(day, time(9)))


@pytest.fixture
def learner_fields():
    return {"username": "cittadina", "email": "", "first_name": "Giulia"}


@pytest.fixture
def facilitator(django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("facilitatore", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="facilitate", content_type__app_label="fd_assistance"))
    return user


def slot_key(moment):
    return timezone.localtime(moment).isoformat(timespec="minutes")


def text(response):
    """The page as a person reads it (entities such as &#x27; decoded)."""
    return html.unescape(response.content.decode())

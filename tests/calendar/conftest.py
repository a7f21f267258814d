"""Fixtures of the fd_calendar suite: a facilitation point, sessions to come, signed-in people."""
from datetime import timedelta

import pytest
from django.utils import timezone


@pytest.fixture
def point(db):
    from fd_progress.models import FacilitationPoint

    return FacilitationPoint.objects.create(name="Biblioteca delle Oblate", district="Quartiere 1 Centro storico",
                                            organisation="Comune di Firenze")


def make_session(days=3, hours=2, **fields):
    from fd_calendar.models import CalendarSession

    start = timezone.now().replace(microsecond=0) + timedelta(days=days)
    values = {"title": "SPID in un'ora", "kind": "in_person", "topics": "spid,app_io",
              "district": "Quartiere 5 Rifredi", "place": "Biblioteca Buonarroti, viale Guidoni 188",
              "starts_at": start, "ends_at": start + timedelta(hours=hours), "capacity": 10,
              "what_to_bring": "Il telefono e la tessera sanitaria", "access": "step_free"}
    values.update(fields)
    return CalendarSession.objects.create(**values)


@pytest.fixture
def session(db):
    return make_session()


@pytest.fixture
def people(db, django_user_model):
    return [django_user_model.objects.create_user(f"persona{n}", email=f"persona{n}@example.org", password="pw")
            for n in range(6)]


@pytest.fixture
def facilitator(db, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("facilitatrice", email="f@example.org", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="run_session", content_type__app_label="fd_calendar"))
    return user

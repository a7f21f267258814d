"""fd_progress.api.record_calendar_attendance: another app's session is mirrored once and counted once."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from fd_progress.api import record_calendar_attendance
from fd_progress.counting import process_pending
from fd_progress.models import FacilitationPoint, SessionAttendance, TrainingSession

from .conftest import total

pytestmark = pytest.mark.django_db


def test_a_calendar_session_is_mirrored_once_and_each_person_counts_once(django_user_model):
    point = FacilitationPoint.objects.create(name="Biblioteca Buonarroti", district="Quartiere 5")
    users = [django_user_model.objects.create_user(f"p{n}") for n in range(3)]
    when = datetime(2026, 11, 20, 23, 30, tzinfo=ZoneInfo("UTC"))  # already the 21st in Rome
    common = {"title": "SPID", "online": False, "when": when, "facilitation_point_id": point.pk}
    assert record_calendar_attendance("fd_calendar:abc", user_ids=[users[0].pk], **common) == (1, 0)
    assert record_calendar_attendance("fd_calendar:abc", user_ids=[users[0].pk, users[1].pk], **common) == (1, 0)
    assert record_calendar_attendance("fd_calendar:abc", head_count=5, **common) == (0, 5)
    record_calendar_attendance("fd_calendar:other", title="IO", online=True, when=when, user_ids=[users[2].pk])
    mirrored = TrainingSession.objects.get(source="fd_calendar:abc")
    assert mirrored.kind == "in_person" and mirrored.effective_district == "Quartiere 5"
    assert str(mirrored.date) == "2026-11-21"
    assert TrainingSession.objects.get(source="fd_calendar:other").kind == "webinar"
    assert SessionAttendance.objects.filter(session=mirrored).count() == 2
    process_pending(1000)
    assert total("sessions_held") == 2
    assert total("attendances") == 2 + 5 + 1
    assert total("attendances", "district", "Quartiere 5") == 7

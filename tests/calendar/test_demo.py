"""The demo command creates a few upcoming sessions once, and they show on the calendar."""
import pytest
from django.core.management import call_command

from fd_calendar.models import CalendarSession

pytestmark = pytest.mark.django_db


def test_the_demo_sessions_are_created_once_and_listed(client, point):
    call_command("fd_calendar_demo")
    call_command("fd_calendar_demo")
    assert CalendarSession.objects.count() == 4
    assert CalendarSession.objects.get(kind="point").facilitation_point == point
    body = client.get("/fd/calendar/", HTTP_ACCEPT_LANGUAGE="it").content.decode()
    assert "4 incontri" in body and "Bibliobus" in body

"""iCalendar: the whole programme, one facilitation point, one topic, one session."""

from datetime import timedelta

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from ..choices import Topic
from ..ical import calendar_of
from ..models import CalendarSession
from .common import get_session


def _ics(request, sessions, name, filename):
    body = calendar_of(sessions, request.build_absolute_uri("/").rstrip("/"), name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _recent():
    """Sessions of the last 180 days and all to come (older events stay in calendars that have them)."""
    return CalendarSession.objects.filter(ends_at__gte=timezone.now() - timedelta(days=180))


def programme_feed(request):
    return _ics(request, _recent(), _("Firenze Digitale: training calendar"),
                "firenze-digitale.ics")


def point_feed(request, point_id):
    sessions = _recent().filter(facilitation_point_id=point_id).select_related("facilitation_point")
    if not sessions.exists():
        raise Http404("No sessions at this point")
    return _ics(request, sessions, sessions[0].facilitation_point.name, f"point-{point_id}.ics")


def topic_feed(request, topic):
    if topic not in Topic.values:
        raise Http404("No such topic")
    sessions = [session for session in _recent().filter(topics__contains=topic)
                if topic in session.topic_codes]
    return _ics(request, sessions, f"Firenze Digitale: {Topic(topic).label}", f"{topic}.ics")


def session_ics(request, uuid):
    session = get_session(uuid)
    return _ics(request, [session], session.title, f"{session.uuid}.ics")

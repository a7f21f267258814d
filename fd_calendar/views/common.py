"""What the calendar's views share: rendering in Europe/Rome, finding a session, who runs sessions."""

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import render

from ..ical import time_zone
from ..models import CalendarSession, Registration


def page(request, template, context=None, status=200):
    return render(request, template, {"calendar_tz": time_zone(), **(context or {})}, status=status)


def with_seats(queryset):
    confirmed = Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED))
    return queryset.annotate(confirmed=confirmed).select_related("facilitation_point")


def get_session(uuid):
    try:
        return with_seats(CalendarSession.objects.all()).get(uuid=uuid)
    except (CalendarSession.DoesNotExist, ValidationError) as exc:
        raise Http404("No such session") from exc


def runs_sessions(user):
    """Global staff, or people given the ``fd_calendar.run_session`` permission (facilitators)."""
    return bool(user.is_authenticated and (user.is_staff or user.has_perm("fd_calendar.run_session")))

"""The facilitator's agenda: a point's bookings of one day, marked done (with minutes) or not attended."""

from datetime import date, timedelta

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import bookings, slots
from ..access import facilitator_required, points_of
from ..forms import MarkForm
from ..models import Booking


def _day(value):
    try:
        day = date.fromisoformat(value) if value else timezone.localdate()
    except ValueError:
        return None
    return day if 2000 <= day.year <= 2100 else None


def _point(user, value, points):
    if value in (None, ""):
        return points.first()
    try:
        return points.filter(pk=int(value)).first()
    except (TypeError, ValueError):
        return None


def _day_range(day):
    zone = slots.local_zone()
    start = timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time()), zone)
    end = timezone.make_aware(timezone.datetime.combine(day + timedelta(days=1), timezone.datetime.min.time()), zone)
    return start, end


def _agenda(request, point, day, points, refusal=None, status=200):
    start, end = _day_range(day)
    rows = Booking.objects.filter(point=point, start__gte=start, start__lt=end).select_related("user") \
        .order_by("start", "id") if point else []
    return render(request, "fd_assistance/agenda.html", {
        "point": point, "points": points, "day": day, "rows": rows, "refusal": refusal,
        "previous_day": day - timedelta(days=1), "next_day": day + timedelta(days=1),
        "slot_minutes": slots.slot_minutes(point.pk) if point else None,
    }, status=status)


@require_GET
@facilitator_required
def agenda(request):
    points = points_of(request.user)
    day = _day(request.GET.get("day"))
    point = _point(request.user, request.GET.get("point"), points)
    if day is None:
        return _agenda(request, point, timezone.localdate(), points, refusal=_("Write the day as 2026-03-30."),
                       status=400)
    if request.GET.get("point") not in (None, "") and point is None:
        raise Http404("No such point in your agenda")
    return _agenda(request, point, day, points)


@require_POST
@facilitator_required
def mark(request, booking_id):
    points = points_of(request.user)
    found = Booking.objects.filter(pk=booking_id, point__in=points).first()
    if found is None:
        raise Http404("No such booking in your agenda")
    day = timezone.localdate(found.start)
    form = MarkForm(request.POST)
    if not form.is_valid():
        return _agenda(request, found.point, day, points, status=400,
                       refusal=_("Choose done or did not come, and the minutes as a number from 1 to 480."))
    try:
        bookings.mark(found.pk, form.cleaned_data["outcome"], request.user, form.cleaned_data["minutes"])
    except bookings.BookingRefused as refused:
        return _agenda(request, found.point, day, points, refusal=refused.message, status=refused.status)
    return redirect(f"{reverse('fd_assistance:agenda')}?point={found.point_id}&day={day.isoformat()}")

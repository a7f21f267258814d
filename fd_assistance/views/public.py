"""Citizens' pages: points and their hours, free slots, booking, confirmation, cancelling by link."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from .. import bookings, slots
from ..forms import GuestForm, NeedForm
from ..models import Booking
from ..points import active_points, get_active_point


@require_GET
def points(request):
    rows = [(point, slots.weekly_hours(point.pk)) for point in active_points()]
    return render(request, "fd_assistance/points.html", {"rows": rows})


@require_GET
def point(request, point_id):
    place = get_active_point(point_id)
    free = slots.free_slots(place.pk)
    return render(request, "fd_assistance/point.html", {
        "point": place, "hours": slots.weekly_hours(place.pk), "slot_minutes": slots.slot_minutes(place.pk),
        "days": [(day, day_slots) for day, day_slots in free.items()],
        "any_free": any(free.values()),
    })


def _form_class(request):
    return NeedForm if request.user.is_authenticated else GuestForm


def _form(request, data=None, initial=None):
    kwargs = {} if request.user.is_authenticated else {"retention_days": settings.FD_ASSISTANCE_GUEST_RETENTION_DAYS}
    return _form_class(request)(data, initial=initial, **kwargs)


def _book_page(request, place, form, slot=None, refusal=None, status=200):
    return render(request, "fd_assistance/book.html", {
        "point": place, "form": form, "slot": slot, "refusal": refusal,
    }, status=status)


@require_http_methods(["GET", "POST"])
def book(request, point_id):
    place = get_active_point(point_id)
    if request.method == "GET":
        form = _form(request, initial={"start": request.GET.get("start", "")})
        try:
            slot = bookings.find_slot(place.pk, bookings.parse_start(request.GET.get("start")))
        except bookings.BookingRefused as refused:
            return _book_page(request, place, form, refusal=refused.message, status=refused.status)
        return _book_page(request, place, form, slot=slot)
    form = _form(request, request.POST)
    slot = None
    try:
        start = bookings.parse_start(request.POST.get("start"))
        slot = bookings.find_slot(place.pk, start)
        if not form.is_valid():
            return _book_page(request, place, form, slot=slot, status=400)
        user = request.user if request.user.is_authenticated else None
        booking = bookings.book(place.pk, start, form.cleaned_data["topic"], form.cleaned_data["details"].strip(),
                                user=user, guest=None if user else form.guest())
    except bookings.BookingRefused as refused:
        return _book_page(request, place, form, slot=slot, refusal=refused.message, status=refused.status)
    return redirect("fd_assistance:booking", token=booking.cancel_token)


def _booking_by_token(token):
    booking = Booking.objects.select_related("point", "user").filter(cancel_token=token).first()
    if booking is None:
        raise Http404("No booking at this link")
    return booking


@require_GET
def booking(request, token):
    found = _booking_by_token(token)
    cancel_url = request.build_absolute_uri(reverse("fd_assistance:cancel", kwargs={"token": token}))
    return render(request, "fd_assistance/booking.html", {"booking": found, "cancel_url": cancel_url,
                                                          "start": timezone.localtime(found.start)})


@require_http_methods(["GET", "POST"])
def cancel(request, token):
    found = _booking_by_token(token)
    if request.method == "GET":
        return render(request, "fd_assistance/cancel.html", {"booking": found})
    try:
        found = bookings.cancel(token)
    except bookings.BookingRefused as refused:
        return render(request, "fd_assistance/cancel.html", {"booking": found, "refusal": refused.message},
                      status=refused.status)
    return render(request, "fd_assistance/cancelled.html", {"booking": found})

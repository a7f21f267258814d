"""The public pages: the calendar, a session, registering, cancelling by link, my registrations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ..booking import BookingError, cancel, register_guest, register_user
from ..choices import Access, Kind, Topic, labels
from ..forms import FilterForm, GuestForm
from ..models import CalendarSession, Registration
from .common import get_session, page, with_seats


def _upcoming():
    return with_seats(CalendarSession.objects.filter(ends_at__gte=timezone.now()))


def _describe(session):
    session.topic_labels = labels(session.topic_codes, Topic)
    session.access_labels = labels(session.access_codes, Access)
    session.seats_left = max(0, session.capacity - session.confirmed)
    return session


def calendar_list(request):
    sessions = _upcoming()
    districts = sorted(set(sessions.exclude(district="").values_list("district", flat=True)))
    form = FilterForm(request.GET or None, districts=districts)
    status = 200
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["district"]:
            sessions = sessions.filter(district=data["district"])
        if data["kind"]:
            sessions = sessions.filter(kind=data["kind"])
        chosen = [session for session in sessions
                  if (not data["topic"] or data["topic"] in session.topic_codes)
                  and set(data["access"]) <= set(session.access_codes)]
    elif form.is_bound:
        chosen, status = [], 400
    else:
        chosen = list(sessions)
    return page(request, "fd_calendar/list.html",
                {"form": form, "sessions": [_describe(session) for session in chosen],
                 "topics": Topic.choices}, status=status)


def _registration_of(request, session):
    if not request.user.is_authenticated:
        return None
    return Registration.objects.filter(session=session, user=request.user).exclude(
        status=Registration.Status.CANCELLED).first()


def session_page(request, uuid, guest_form=None, error=None, status=200, offer_waiting=False):
    session = _describe(get_session(uuid))
    registration = _registration_of(request, session)
    is_open = not session.cancelled and session.starts_at > timezone.now()
    return page(request, "fd_calendar/session.html", {
        "session": session, "registration": registration, "is_open": is_open,
        "kind_label": Kind(session.kind).label, "error": error,
        "offer_waiting": offer_waiting or (is_open and session.seats_left == 0),
        "guest_form": guest_form or GuestForm(),
    }, status=status)


@require_POST
def register(request, uuid):
    session = get_session(uuid)
    wait = request.POST.get("wait") in ("1", "on", "true")
    if request.user.is_authenticated:
        try:
            registration = register_user(session, request.user, wait_if_full=wait)
        except BookingError as exc:
            return session_page(request, uuid, error=exc.message, status=exc.status,
                                offer_waiting=exc.status == 409 and not exc.registration)
        if registration.status == Registration.Status.WAITING:
            messages.info(request, _("You are on the waiting list. If a seat frees, it is yours and we tell you."))
        else:
            messages.success(request, _("You are registered. See you there!"))
        return redirect("fd_calendar:session", uuid=session.uuid)
    form = GuestForm(request.POST)
    if not form.is_valid():
        return session_page(request, uuid, guest_form=form, status=400,
                            error=_("Please check the form: some answers need a correction."))
    data = form.cleaned_data
    try:
        registration = register_guest(session, data["first_name"], phone=data["phone"], email=data["email"],
                                      consent=data["consent"], wait_if_full=wait)
    except BookingError as exc:
        return session_page(request, uuid, guest_form=form, error=exc.message, status=exc.status,
                            offer_waiting=exc.status == 409)
    return page(request, "fd_calendar/registered.html",
                {"session": _describe(get_session(uuid)), "registration": registration}, status=201)


@require_http_methods(["GET", "POST"])
def cancel_by_link(request, token):
    registration = get_object_or_404(Registration.objects.select_related("session"), cancel_token=token)
    session = registration.session
    if request.method == "POST":
        if registration.status == Registration.Status.CANCELLED:
            return page(request, "fd_calendar/cancel.html", {"registration": registration, "session": session,
                        "error": _("This registration was already cancelled.")}, status=409)
        if session.ends_at < timezone.now():
            return page(request, "fd_calendar/cancel.html", {"registration": registration, "session": session,
                        "error": _("This session is over: there is nothing to cancel.")}, status=410)
        cancel(registration)
        registration.refresh_from_db()
        return page(request, "fd_calendar/cancel.html", {"registration": registration, "session": session,
                                                         "done": True})
    return page(request, "fd_calendar/cancel.html", {"registration": registration, "session": session})


@login_required
def my_registrations(request):
    registrations = (Registration.objects.filter(user=request.user).exclude(status=Registration.Status.CANCELLED)
                     .select_related("session").order_by("session__starts_at"))
    now = timezone.now()
    return page(request, "fd_calendar/mine.html", {
        "upcoming": [r for r in registrations if r.session.ends_at >= now],
        "past": [r for r in registrations if r.session.ends_at < now],
    })

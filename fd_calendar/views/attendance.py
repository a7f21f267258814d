"""Running a session: the facilitator's page with the rotating QR code and the head count; checking in."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..attendance import CheckInError, add_head_count, check_in, counted_head_count
from ..codes import CodeError, check_code, make_code, seconds_to_next
from ..forms import HeadCountForm
from ..qr import qr_svg
from .common import get_session, page, runs_sessions

PENDING_KEY = "fd_calendar_pending_check_in"


def _facilitator(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not runs_sessions(request.user):
        raise PermissionDenied
    return None


def run_session(request, uuid, form=None, status=200):
    refused = _facilitator(request)
    if refused:
        return refused
    session = get_session(uuid)
    url = request.build_absolute_uri(reverse("fd_calendar:check_in", args=[session.uuid])) + "?code=" + \
        make_code(session)
    return page(request, "fd_calendar/run.html", {
        "session": session, "check_in_url": url, "refresh": seconds_to_next(),
        "qr": qr_svg(url, _("Check-in code for %(title)s") % {"title": session.title}),
        "check_ins": session.check_ins.select_related("user").order_by("checked_in_at"),
        "head_count": counted_head_count(session), "form": form or HeadCountForm(),
    }, status=status)


@require_POST
def head_count(request, uuid):
    refused = _facilitator(request)
    if refused:
        return refused
    session = get_session(uuid)
    form = HeadCountForm(request.POST)
    if not form.is_valid():
        return run_session(request, uuid, form=form, status=400)
    add_head_count(session, form.cleaned_data["people"])
    messages.success(request, _("Added %(people)d to the head count.") % {"people": form.cleaned_data["people"]})
    return redirect("fd_calendar:run", uuid=session.uuid)


def _pending(request, session):
    """A valid code scanned before signing in keeps its owner's place for a few minutes."""
    seen = request.session.get(PENDING_KEY, {}).get(str(session.uuid))
    return seen is not None and time.time() - seen < settings.FD_CALENDAR_SIGN_IN_GRACE_SECONDS


def check_in_view(request, uuid):
    session = get_session(uuid)
    code = request.GET.get("code", "")
    try:
        check_code(session, code)
    except CodeError as exc:
        if not (request.user.is_authenticated and _pending(request, session)):
            message = (_("This code has expired: codes change every %(seconds)d seconds. Please scan the code "
                         "on the screen again.") % {"seconds": settings.FD_CALENDAR_CODE_SECONDS}
                       if exc.reason == "expired" else
                       _("This code is not the code of this session. Please scan the code on the screen again."))
            return page(request, "fd_calendar/check_in.html", {"session": session, "error": message}, status=400)
    if not request.user.is_authenticated:
        pending = request.session.get(PENDING_KEY, {})
        pending[str(session.uuid)] = time.time()
        request.session[PENDING_KEY] = pending
        return redirect_to_login(request.get_full_path())
    try:
        new = check_in(session, request.user)
    except CheckInError as exc:
        return page(request, "fd_calendar/check_in.html", {"session": session, "error": exc.message},
                    status=exc.status)
    request.session.get(PENDING_KEY, {}).pop(str(session.uuid), None)
    request.session.modified = True
    if not new:
        return page(request, "fd_calendar/check_in.html", {"session": session, "already": True}, status=409)
    return page(request, "fd_calendar/check_in.html", {"session": session, "done": True})

"""The e-mails of the calendar: a reminder the day before, and "you have a seat" after the waiting list."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from .ical import time_zone


def site_url():
    return (settings.FD_CALENDAR_SITE_URL or getattr(settings, "LMS_ROOT_URL", "")
            or getattr(settings, "SITE_ROOT_URL", "")).rstrip("/")


def _when(session):
    with timezone.override(time_zone()):
        start = timezone.localtime(session.starts_at)
        return formats.date_format(start, "l j F Y, H:i")


def _body(registration, opening):
    session = registration.session
    lines = [opening, "", session.title, _when(session)]
    if session.place:
        lines.append(session.place)
    if session.what_to_bring:
        lines += ["", _("What to bring: %(items)s") % {"items": session.what_to_bring}]
    lines += ["", _("Details: %(url)s") % {"url": site_url() + reverse("fd_calendar:session", args=[session.uuid])},
              _("If you cannot come, please cancel so someone else can have your seat: %(url)s") % {
                  "url": site_url() + reverse("fd_calendar:cancel", args=[registration.cancel_token])}]
    return "\n".join(lines)


def _send(registration, subject, opening):
    with translation.override(settings.LANGUAGE_CODE):
        send_mail(subject=subject % {"title": registration.session.title}, message=_body(registration, opening()),
                  from_email=None, recipient_list=[registration.email])


def send_reminder(registration):
    _send(registration, _("Reminder: %(title)s"), lambda: _("Your training session is soon."))


def send_promotion(registration):
    _send(registration, _("You have a seat: %(title)s"),
          lambda: _("A seat became free and it is yours: you were first on the waiting list."))

"""Check-ins and head counts; each one reaches the programme's counts through ``fd_progress.api``."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from fd_progress import api as progress

from .choices import Kind
from .models import CheckIn, HeadCount, Registration


class CheckInError(Exception):
    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def source_of(session):
    return f"fd_calendar:{session.uuid}"


def _count(session, user_ids=(), head_count=0):
    return progress.record_calendar_attendance(
        source_of(session), title=session.title, online=session.kind == Kind.WEBINAR, when=session.starts_at,
        place=session.place, district=session.district or (
            session.facilitation_point.district if session.facilitation_point_id else ""),
        facilitation_point_id=session.facilitation_point_id, user_ids=user_ids, head_count=head_count,
    )


def check_in(session, user):
    """Check ``user`` in. Returns True when new, False if they had already checked in.

    Only people with a confirmed seat check themselves in; a cancelled session refuses.
    """
    if session.cancelled:
        raise CheckInError(_("This session has been cancelled."), status=410)
    registered = Registration.objects.filter(session=session, user=user,
                                             status=Registration.Status.CONFIRMED).exists()
    if not registered:
        raise CheckInError(_("You are not registered with a seat for this session. Please ask the facilitator."),
                           status=403)
    try:
        with transaction.atomic():
            CheckIn.objects.create(session=session, user=user)
            _count(session, user_ids=[user.pk])
    except IntegrityError:
        return False
    return True


def add_head_count(session, people):
    """The facilitator adds ``people`` without an account. Returns the session's head count."""
    with transaction.atomic():
        HeadCount.objects.create(session=session, people=people)
        _new, head_count = _count(session, head_count=people)
    return head_count


def counted_head_count(session):
    return sum(session.head_counts.values_list("people", flat=True))

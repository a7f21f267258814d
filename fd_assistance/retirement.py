"""User retirement: a person's bookings go; a facilitator leaves the help desks and their marks.

The hours of bookings already done stay in fd_progress's assistance logs, which name no person.
"""

from django.db import transaction

from .models import Booking, HelpDesk


def retire_user(user_id):
    """Delete the bookings of ``user_id`` and unlink them as a facilitator. Returns the rows changed."""
    with transaction.atomic():
        deleted, _ = Booking.objects.filter(user_id=user_id).delete()
        unmarked = Booking.objects.filter(marked_by_id=user_id).update(marked_by=None)
        desks = HelpDesk.facilitators.through.objects.filter(user_id=user_id).delete()[0]
    return deleted + unmarked + desks

"""User retirement: the counts stay, the link to the person goes."""

import secrets

from django.db import transaction

from .models import ActivityEvent, CountedPerson, SessionAttendance


def retire_user(user_id):
    """Replace ``user_id`` everywhere by one random negative number and drop the attendance rows.

    The person keeps counting once (the same stand-in everywhere), but nothing links the figures
    back to the account. Returns the number of rows changed.
    """
    stand_in = -secrets.randbelow(2**62) - 1
    with transaction.atomic():
        changed = ActivityEvent.objects.filter(user_id=user_id).update(user_id=stand_in)
        changed += CountedPerson.objects.filter(user_id=user_id).update(user_id=stand_in)
        deleted, _ = SessionAttendance.objects.filter(user_id=user_id).delete()
    return changed + deleted

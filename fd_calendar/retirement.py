"""User retirement: a retired person's registrations and check-ins go; the programme's counts stay.

Check-ins already reached fd_progress, which keeps its own figures and forgets the person itself.
A retired person's confirmed seat is freed first, so the waiting list moves on.
"""

from django.db import transaction

from .booking import cancel
from .models import CheckIn, Registration


def retire_user(user_id):
    """Delete every registration and check-in of ``user_id``. Returns the number of rows deleted."""
    for registration in Registration.objects.filter(user_id=user_id).exclude(status=Registration.Status.CANCELLED):
        cancel(registration)
    with transaction.atomic():
        registrations, _ = Registration.objects.filter(user_id=user_id).delete()
        check_ins, _ = CheckIn.objects.filter(user_id=user_id).delete()
    return registrations + check_ins

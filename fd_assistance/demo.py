"""A little demo data for ``make demo``: opening hours at Florence's points and one booking."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import Booking, Closure, HelpDesk, OpeningHours
from .points import active_points

# Twelve hours a week, as the Florence points of the fd_progress demo promise.
WEEK = [(0, time(9), time(12)), (2, time(15), time(18)), (4, time(9), time(12)), (5, time(9), time(12))]
ORGANISATION = "Comune di Firenze"


def load(today=None):
    """Give each active point of the organisation weekly hours (once). Returns the points given hours."""
    today = today or timezone.localdate()
    points = [point for point in active_points().filter(organisation=ORGANISATION)
              if not OpeningHours.objects.filter(point=point).exists()]
    OpeningHours.objects.bulk_create([OpeningHours(point=point, weekday=weekday, start=start, end=end)
                                      for point in points for weekday, start, end in WEEK])
    if not points:
        return []
    first = points[0]
    HelpDesk.objects.get_or_create(point=points[-1], defaults={"slot_minutes": 45})
    Closure.objects.create(point=points[-1], first_day=today + timedelta(days=9), last_day=today + timedelta(days=10),
                           reason="Inventario della biblioteca")
    learner = get_user_model().objects.filter(username="learner").first()
    day = next(today + timedelta(days=n) for n in range(1, 8) if (today + timedelta(days=n)).weekday() in (0, 4, 5))
    start = timezone.make_aware(datetime.combine(day, time(9, 30)))
    Booking.objects.create(point=first, start=start, end=start + timedelta(minutes=30), topic="spid",
                           details="Attivare SPID sul telefono", user=learner,
                           **({} if learner else {"first_name": "Giulia", "phone": "333 1234567", "consent": True}))
    return points

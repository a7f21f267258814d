"""A few upcoming sessions of the training calendar, for ``make demo`` (command ``fd_calendar_demo``)."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from .ical import time_zone
from .models import CalendarSession

SESSIONS = [
    # (days from today, hour, minutes long, title, kind, topics, district, access, place, capacity, bring, webinar)
    (2, 10, 90, "SPID: attivarlo e usarlo", "point", "spid", "Quartiere 1 Centro storico", "step_free,induction_loop",
     "Biblioteca delle Oblate, via dell'Oriuolo 24", 12, "Telefono, documento d'identità, tessera sanitaria", ""),
    (3, 17, 60, "pagoPA e app IO da casa", "webinar", "pagopa,app_io", "", "", "", 100, "", "https://meet.example.org/fd"),
    (5, 15, 120, "Il Fascicolo sanitario elettronico", "in_person", "health_record,cie", "Quartiere 5 Rifredi",
     "step_free,sign_language", "Biblioteca Buonarroti, viale Guidoni 188", 2, "Tessera sanitaria e telefono", ""),
    (8, 9, 90, "Truffe online: riconoscerle", "bus", "online_safety,email", "Quartiere 4 Isolotto-Legnaia", "",
     "Bibliobus, piazza dell'Isolotto", 8, "", ""),
]


def create_sessions(point=None):
    """Create the demo sessions once (by title). Returns how many were created."""
    today = timezone.localdate(timezone=time_zone())
    created = 0
    for days, hour, minutes, title, kind, topics, district, access, place, capacity, bring, webinar in SESSIONS:
        start = datetime.combine(today + timedelta(days=days), time(hour), tzinfo=time_zone())
        _session, new = CalendarSession.objects.get_or_create(title=title, defaults={
            "kind": kind, "topics": topics, "district": district, "access": access, "place": place,
            "capacity": capacity, "what_to_bring": bring, "webinar_url": webinar, "starts_at": start,
            "ends_at": start + timedelta(minutes=minutes), "facilitation_point": point if kind == "point" else None,
            "description": "Un incontro gratuito con un facilitatore digitale. / A free session with a digital "
                           "facilitator.",
        })
        created += new
    return created

"""Recording what facilitators do: sessions held, who attended, hours of one-to-one help."""

import uuid

from django.db import transaction
from django.db.models import F

from . import ingest
from .models import AssistanceLog, SessionAttendance, TrainingSession


def record_session(session):
    """Count a training session as held (on its date). Safe to call again after an edit."""
    ingest.save_events([ingest.session_event(session)])


def record_class_session(source, title, school, head_count, when=None):
    """Count a session held elsewhere (a class tour) once, with its head count, in the school's scope.

    ``source`` names it for good: calling again with the same ``source`` counts nothing more
    (the unique ``TrainingSession.source`` and the events' de-duplication keys). Returns the session.
    """
    with transaction.atomic():
        session, created = TrainingSession.objects.get_or_create(
            source=source,
            defaults={
                "title": (title or source)[:200], "kind": TrainingSession.Kind.IN_PERSON,
                "date": ingest.local_day(when), "school": (school or "")[:100], "head_count": head_count,
            },
        )
        if created:
            events = [ingest.session_event(session)]
            if head_count:
                events.append(ingest.head_count_event(session, head_count, source))
            ingest.save_events(events)
    return session


def record_attendance(session, user_ids=(), head_count=0):
    """Record registered users who attended and/or ``head_count`` more people without an account.

    Returns ``(new_attendances, session_head_count)``. A user already recorded is not counted twice.
    """
    user_ids = sorted({int(user_id) for user_id in user_ids})
    with transaction.atomic():
        session = TrainingSession.objects.select_for_update().get(pk=session.pk)
        known = set(
            SessionAttendance.objects.filter(session=session, user_id__in=user_ids).values_list(
                "user_id", flat=True
            )
        )
        new = [user_id for user_id in user_ids if user_id not in known]
        SessionAttendance.objects.bulk_create(
            [SessionAttendance(session=session, user_id=user_id) for user_id in new], ignore_conflicts=True
        )
        events = [ingest.attendance_event(session, user_id) for user_id in new]
        if head_count:
            TrainingSession.objects.filter(pk=session.pk).update(head_count=F("head_count") + head_count)
            events.append(ingest.head_count_event(session, head_count, uuid.uuid4().hex))
        ingest.save_events(events)
        session.refresh_from_db(fields=["head_count"])
    return len(new), session.head_count


def record_assistance(point, date, hours, people=0):
    """Log ``hours`` of one-to-one help given to ``people`` at a facilitation point on ``date``."""
    with transaction.atomic():
        entry = AssistanceLog.objects.create(facilitation_point=point, date=date, hours=hours, people=people)
        ingest.save_events([ingest.assistance_event(entry)])
    return entry


def record_assistance_once(source, point_id, date, hours, people=1):
    """Log the hours of one piece of help (a booking marked done) once, whatever the retries.

    ``source`` names it for good (e.g. ``"booking:42"`` prefixed with the calling app): calling again with the same
    ``source`` records and counts nothing more (the unique ``AssistanceLog.source`` and the event's
    de-duplication key), so a form posted twice or a retried task counts the hours once. The hours
    reach the ``assistance_hours`` metric as a log entered by staff does. Returns ``(entry, created)``.
    """
    with transaction.atomic():
        entry, created = AssistanceLog.objects.get_or_create(
            source=str(source)[:64],
            defaults={"facilitation_point_id": point_id, "date": date, "hours": hours, "people": people},
        )
        if created:
            entry = AssistanceLog.objects.select_related("facilitation_point").get(pk=entry.pk)
            ingest.save_events([ingest.assistance_event(entry)])
    return entry, created


def record_calendar_attendance(source, title, online, when, place="", district="", facilitation_point_id=None,
                               user_ids=(), head_count=0):
    """Count attendance at a session of another app's calendar, named for good by ``source``.

    The first call mirrors the session as a :class:`TrainingSession` (held on the local day of
    ``when``, a webinar if ``online``, else in person) and counts it as held; every call records
    ``user_ids`` who attended (each once) and ``head_count`` more people without an account.
    Returns ``(new_attendances, session_head_count)``.
    """
    with transaction.atomic():
        session, created = TrainingSession.objects.get_or_create(
            source=source[:64],
            defaults={
                "title": (title or source)[:200],
                "kind": TrainingSession.Kind.WEBINAR if online else TrainingSession.Kind.IN_PERSON,
                "date": ingest.local_day(when), "place": (place or "")[:200], "district": (district or "")[:100],
                "facilitation_point_id": facilitation_point_id,
            },
        )
        if created:
            ingest.save_events([ingest.session_event(session)])
    return record_attendance(session, user_ids=user_ids, head_count=head_count)

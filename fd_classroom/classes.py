"""Starting, leading, ending and deleting a class tour (the teacher's side)."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from . import live_state, snapshot
from .codes import create_with_code
from .models import ClassSession, School
from .signals import class_session_ended


def start(teacher, course_key, usage_key, tour, school_id=None):
    tour = snapshot.clean_tour(tour)
    school = None
    if school_id is not None:
        if isinstance(school_id, bool) or not isinstance(school_id, int):
            raise ValidationError("The school must be given by its id.")
        school = School.objects.filter(pk=school_id, active=True).first()
        if school is None:
            raise ValidationError("There is no such school.")
    now = timezone.now()
    return create_with_code(
        ClassSession,
        teacher=teacher,
        course_key=str(course_key),
        usage_key=str(usage_key),
        school=school,
        tour=tour,
        scene_id=tour["scenes"][0]["id"],
        code_expires_at=now + timedelta(minutes=settings.FD_CLASSROOM_CODE_MINUTES),
        delete_after=now + timedelta(days=settings.FD_CLASSROOM_RETENTION_DAYS),
    )


def _change(session, **fields):
    """Apply a change the pupils must see; returns False if the class is no longer live."""
    changed = ClassSession.objects.filter(pk=session.pk, status=ClassSession.Status.LIVE).update(
        version=F("version") + 1, **fields
    )
    session.refresh_from_db()
    live_state.publish(session)
    return bool(changed)


def go_to_scene(session, scene_id):
    if scene_id not in {item["id"] for item in session.tour["scenes"]}:
        raise ValidationError(gettext("There is no such stop in this tour."))
    return _change(session, scene_id=scene_id, pointed_id="", question_id="")


def point_at(session, hotspot_id):
    if hotspot_id and snapshot.hotspot(session.tour, session.scene_id, hotspot_id) is None:
        raise ValidationError(gettext("There is no such point at this stop."))
    return _change(session, pointed_id=hotspot_id or "")


def set_paused(session, paused):
    return _change(session, paused=bool(paused))


def ask(session, question_key):
    scene_item, spot = snapshot.question(session.tour, question_key)
    if spot is None:
        raise ValidationError(gettext("There is no such question in this tour."))
    asked = list(session.asked_ids)
    if question_key not in asked:
        asked.append(question_key)
    return _change(session, question_id=question_key, asked_ids=asked, scene_id=scene_item["id"],
                   pointed_id=spot["id"])


def close_question(session):
    return _change(session, question_id="")


def end(session):
    """End the class once: the pupils see the end, and ``class_session_ended`` is sent (once)."""
    now = timezone.now()
    with transaction.atomic():
        ended = ClassSession.objects.filter(pk=session.pk, status=ClassSession.Status.LIVE).update(
            status=ClassSession.Status.ENDED, ended_at=now, question_id="", pointed_id="",
            version=F("version") + 1,
        )
        session.refresh_from_db()
        live_state.publish(session)
        if ended:
            class_session_ended.send(
                sender=ClassSession,
                class_id=session.pk,
                class_uuid=str(session.public_id),
                course_key=session.course_key,
                usage_key=session.usage_key,
                school_id=session.school_id,
                school_name=session.school.name if session.school_id else "",
                tour_title=session.tour.get("title") or gettext("Class tour"),
                head_count=session.pupils.count(),
                started_at=session.created,
                ended_at=session.ended_at,
            )
    return bool(ended)


def delete(session):
    """End the class if it is still live, then delete it with its pupils and answers."""
    end(session)
    ClassSession.objects.filter(pk=session.pk).delete()


def purge_expired(now=None):
    """Delete every class past its retention period (ending it first if still live)."""
    now = now or timezone.now()
    purged = 0
    for session in ClassSession.objects.filter(delete_after__lte=now).order_by("pk").iterator():
        delete(session)
        purged += 1
    return purged

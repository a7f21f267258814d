"""The door of fd_progress for other packages: record what happened offline, read progress, retire a user.

``Metric`` and ``ScopeType`` (what is counted, and where) come from :mod:`fd_progress.metrics`, the
app's vocabulary and a declared door of its own; everything else is defined here, so the door says
what it promises and the modules behind it can change.
"""

from . import activities, retirement, series
from .metrics import Metric, ScopeType

__all__ = [
    "Metric",
    "ScopeType",
    "progress_of",
    "record_assistance",
    "record_assistance_once",
    "record_attendance",
    "record_calendar_attendance",
    "record_session",
    "retire_user",
]


def record_session(session):
    """Count a training session as held (on its date). Safe to call again after an edit."""
    return activities.record_session(session)


def record_attendance(session, user_ids=(), head_count=0):
    """Record registered users who attended and/or ``head_count`` more people without an account.

    Returns ``(new_attendances, session_head_count)``. A user already recorded is not counted twice.
    """
    return activities.record_attendance(session, user_ids=user_ids, head_count=head_count)


def record_assistance(point, date, hours, people=0):
    """Log ``hours`` of one-to-one help given to ``people`` at a facilitation point on ``date``;
    returns the log entry."""
    return activities.record_assistance(point, date, hours, people=people)


def record_assistance_once(source, point_id, date, hours, people=1):
    """Log the hours of one piece of help (a booking marked done) once, whatever the retries.

    ``source`` names it for good (``"<app>:booking:42"``): calling again with the same
    ``source`` records and counts nothing more. Returns ``(entry, created)``.
    """
    return activities.record_assistance_once(source, point_id, date, hours, people=people)


def record_calendar_attendance(source, title, online, when, place="", district="", facilitation_point_id=None,
                               user_ids=(), head_count=0):
    """Count attendance at a session of another app's calendar, named for good by ``source``
    (``"<app>:<uuid>"``): the first call mirrors it as a training session held on the local day
    of ``when``; each call records ``user_ids`` (each once) and ``head_count`` more people without an
    account. Returns ``(new_attendances, session_head_count)``."""
    return activities.record_calendar_attendance(
        source, title, online, when, place=place, district=district,
        facilitation_point_id=facilitation_point_id, user_ids=user_ids, head_count=head_count)


def retire_user(user_id):
    """Replace ``user_id`` everywhere in the counts by one stand-in and drop the attendance rows;
    returns the number of rows changed."""
    return retirement.retire_user(user_id)


def progress_of(targets, today=None):
    """A ``TargetProgress`` for each target, in the same order."""
    return series.progress_of(targets, today=today)

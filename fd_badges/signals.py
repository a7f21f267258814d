"""Signals that fd_badges sends. Other packages import only this module (and ``api.py``).

``badge_awarded`` is sent at least once per award (through the award's outbox: a worker that dies
before marking it sent sends it again), after the database transaction that created the award has
committed and the credential has been signed; receivers count by ``award_uuid``.
``badge_revoked`` is sent when staff revoke an award. Their keyword arguments are the fields of
:class:`BadgeAwarded` and :class:`BadgeRevoked` (checked at each send, see :mod:`fd_core.signals`).
"""
import datetime
from dataclasses import dataclass

from fd_core.signals import PayloadSignal


@dataclass(frozen=True)
class BadgeAwarded:
    """A badge was awarded.

    - ``user_id``: the learner's user id;
    - ``badge_class_slug``: the badge class's stable slug;
    - ``award_uuid``: the award's UUID (also the credential's ``urn:uuid:`` id);
    - ``course_key``: the course the badge class is tied to, or ``None``;
    - ``awarded_at``: when the award was made.
    """

    user_id: int
    badge_class_slug: str
    award_uuid: str
    course_key: str | None
    awarded_at: datetime.datetime


@dataclass(frozen=True)
class BadgeRevoked(BadgeAwarded):
    """An award was revoked: ``user_id``, ``badge_class_slug``, ``award_uuid``, ``course_key`` and
    ``awarded_at`` as in :class:`BadgeAwarded`, and ``reason``, the staff's reason."""

    reason: str = ""


badge_awarded = PayloadSignal(BadgeAwarded)
badge_revoked = PayloadSignal(BadgeRevoked)

"""Signals that fd_badges sends. Other packages import only this module (and ``api.py``).

``badge_awarded`` is sent at least once per award (through the award's outbox: a worker that dies
before marking it sent sends it again), after the database transaction that created the award has
committed and the credential has been signed; receivers count by ``award_uuid``. Keyword arguments:

- ``user_id`` (int): the learner's user id.
- ``badge_class_slug`` (str): the badge class's stable slug.
- ``award_uuid`` (str): the award's UUID (also the credential's ``urn:uuid:`` id).
- ``course_key`` (str or None): the course the badge class is tied to, if any.
- ``awarded_at`` (datetime, aware): when the award was made.

``badge_revoked`` is sent when staff revoke an award, with the same arguments plus ``reason``.
"""
from django.dispatch import Signal

badge_awarded = Signal()
badge_revoked = Signal()

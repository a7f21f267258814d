"""Signals of fd_classroom, the app's second door (with :mod:`fd_classroom.api`).

``class_session_ended`` is sent once per class, inside the transaction that ends it, with the
fields of :class:`ClassSessionEnded` as keyword arguments (plain data only, checked at each send,
see :mod:`fd_core.signals`), so receivers in other apps never import fd_classroom's models.
"""

import datetime
from dataclasses import dataclass

from fd_core.signals import PayloadSignal


@dataclass(frozen=True)
class ClassSessionEnded:
    """A teacher ended a class tour.

    - ``class_id`` and ``class_uuid``: the class; ``class_uuid`` never repeats (receivers make their
      work idempotent with it);
    - ``course_key`` and ``usage_key``: the course and the tour block;
    - ``school_id`` (``None`` without a school) and ``school_name`` (``""`` without a school);
    - ``tour_title``;
    - ``head_count``: pupils who joined the class;
    - ``started_at`` and ``ended_at``.
    """

    class_id: int
    class_uuid: str
    course_key: str
    usage_key: str
    school_id: int | None
    school_name: str
    tour_title: str
    head_count: int
    started_at: datetime.datetime
    ended_at: datetime.datetime


class_session_ended = PayloadSignal(ClassSessionEnded)

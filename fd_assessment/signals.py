"""Signals sent by fd_assessment. Other packages connect to these, never to our models.

``assessment_completed`` is sent once, after the transaction that completes an attempt commits.
Its keyword arguments are the fields of :class:`AssessmentCompleted` (checked at each send, see
:mod:`fd_core.signals`).
"""
import datetime
from dataclasses import dataclass

from fd_core.signals import PayloadSignal


@dataclass(frozen=True)
class AssessmentCompleted:
    """A person completed a DigComp self-assessment.

    - ``user_id``: the person's user id;
    - ``attempt_id``: the completed attempt (receivers make their work idempotent with it);
    - ``course_key``: the course whose XBlock hosted the attempt, or ``None`` when it was taken on
      the standalone page;
    - ``levels``: ``{competence_id: {"score": 0-100, "level8": 1-8, "level4": 1-4}}`` for every
      competence the attempt measured (ids like ``"4.2"``);
    - ``areas``: the same for the areas (ids ``"1"``-``"5"``);
    - ``overall``: ``{"score": ..., "level8": ..., "level4": ...}``;
    - ``attempt_number``: 1 for the person's first completed attempt, 2 for the first retake, ...;
    - ``completed_at``: when it was completed.
    """

    user_id: int
    attempt_id: int
    course_key: str | None
    levels: dict
    areas: dict
    overall: dict
    attempt_number: int
    completed_at: datetime.datetime


assessment_completed = PayloadSignal(AssessmentCompleted)

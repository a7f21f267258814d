"""Signals sent by fd_assessment. Other packages connect to these, never to our models.

Their keyword arguments are the fields of the payload dataclasses below (checked at each send, see
:mod:`fd_core.signals`):

- ``assessment_completed`` (:class:`AssessmentCompleted`) is sent once, after the transaction that
  completes an attempt commits.
- ``results_page_extras`` (:class:`ResultsPageExtras`) is sent (``send_robust``) while the results
  page of a completed attempt is built, so that another app can add a way forward without
  fd_assessment importing it (fd_badges adds the badges earned with the attempt). A receiver
  returns a list of plain dicts ``{"kind": str, "title": str, "url": str}`` (the URL site-relative
  or http(s)), already in the payload's ``language``; anything else is left out.
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


@dataclass(frozen=True)
class ResultsPageExtras:
    """The results page of a completed attempt asks what else to show.

    - ``user_id``: the person whose results these are;
    - ``attempt_id``: the attempt;
    - ``course_key``: its course, or ``None`` (standalone page);
    - ``completed_at``: when the attempt was completed;
    - ``until_at``: when the person's next attempt was completed, or ``None``: what happened after
      it belongs to that attempt's page;
    - ``language``: the page's language (``"it"``/``"en"``).
    """

    user_id: int
    attempt_id: int
    course_key: str | None
    completed_at: datetime.datetime
    until_at: datetime.datetime | None
    language: str


assessment_completed = PayloadSignal(AssessmentCompleted)
results_page_extras = PayloadSignal(ResultsPageExtras)

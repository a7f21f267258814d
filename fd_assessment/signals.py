"""Signals sent by fd_assessment. Other packages connect to these, never to our models.

``assessment_completed`` is sent once, after the transaction that completes an attempt commits,
with these keyword arguments:

- ``user``: the Django user who took the questionnaire;
- ``attempt_id``: the id of the completed attempt (int);
- ``course_key``: the ``CourseKey`` of the course whose XBlock hosted the attempt, or ``None``
  when the attempt was taken on the standalone page;
- ``levels``: ``{competence_id: {"score": 0-100, "level8": 1-8, "level4": 1-4}}`` for every
  competence the attempt measured (ids like ``"4.2"``);
- ``areas``: the same for the areas (ids ``"1"``-``"5"``);
- ``overall``: ``{"score": ..., "level8": ..., "level4": ...}``;
- ``attempt_number``: 1 for the person's first completed attempt, 2 for the first retake, ...;
- ``completed_at``: the aware datetime of completion.

``results_page_extras`` is sent (``send_robust``) while the results page of a completed attempt
is built, so that another app can add a way forward without fd_assessment importing it (fd_badges
adds the badges earned with the attempt). Keyword arguments: ``user``, ``attempt_id``,
``course_key`` (a ``CourseKey`` or ``None``), ``completed_at``, ``until`` (when the person's next
attempt was completed, or ``None``: what happened after it belongs to that attempt's page) and
``language`` ("it"/"en").
A receiver returns a list of plain dicts ``{"kind": str, "title": str, "url": str}`` (the URL
site-relative or http(s)), already in ``language``; anything else is left out.
"""
from django.dispatch import Signal

assessment_completed = Signal()
results_page_extras = Signal()

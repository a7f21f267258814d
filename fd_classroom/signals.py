"""Signals of fd_classroom, the app's second door (with :mod:`fd_classroom.api`).

``class_session_ended`` is sent once per class, inside the transaction that ends it, with plain
data only (no model or user objects), so receivers in other apps never import fd_classroom's
models:

- ``class_id`` (int) and ``class_uuid`` (str): the class; ``class_uuid`` never repeats;
- ``course_key`` (str) and ``usage_key`` (str): the course and the tour block;
- ``school_id`` (int or None) and ``school_name`` (str, "" without a school);
- ``tour_title`` (str);
- ``head_count`` (int): pupils who joined the class;
- ``started_at`` and ``ended_at`` (aware datetimes).
"""

from django.dispatch import Signal

class_session_ended = Signal()

"""Signals between the suite's apps: plain Django signals with a written, checked payload.

Every signal an app of the suite sends is a :class:`PayloadSignal`. Its payload is declared once,
as a frozen dataclass in the sending app's ``signals.py`` (the way openedx-events documents its
data classes), and each ``send`` is checked against it: the keyword arguments must be exactly the
dataclass's fields, each of the declared type. Receivers get plain data only (ids, strings,
numbers, aware datetimes, dicts), never model instances or user objects, so no app has to import
another app's models to read a signal.

The conventions every payload follows (docs/conventions.md):

- people are ``user_id`` (int), never a ``User``;
- courses and blocks are their string keys (``course_key``, ``usage_key``), ``None`` when absent;
- times are aware datetimes, named ``*_at``;
- the thing the signal is about carries a stable id (``attempt_id``, ``award_uuid``, ``class_uuid``)
  that receivers use to make their work idempotent: a signal may arrive more than once.
"""

import dataclasses
import datetime
import types
import typing

from django.dispatch import Signal


class PayloadError(TypeError):
    """A signal was sent with arguments its payload does not declare, or of the wrong type."""


def _accepts(annotation, value):
    if annotation is typing.Any:
        return True
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(_accepts(arg, value) for arg in typing.get_args(annotation))
    if annotation is type(None):
        return value is None
    if origin is not None:
        return isinstance(value, origin)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation is datetime.datetime:
        return isinstance(value, datetime.datetime) and value.tzinfo is not None
    return isinstance(value, annotation)


class PayloadSignal(Signal):
    """A Django signal whose keyword arguments are the fields of a frozen dataclass."""

    def __init__(self, payload, doc=""):
        if not (dataclasses.is_dataclass(payload) and payload.__dataclass_params__.frozen):
            raise TypeError("payload must be a frozen dataclass")
        super().__init__()
        self.payload = payload
        self.__doc__ = doc or payload.__doc__
        self._types = typing.get_type_hints(payload)

    @property
    def fields(self):
        return tuple(field.name for field in dataclasses.fields(self.payload))

    def check(self, kwargs):
        """Raise :class:`PayloadError` unless ``kwargs`` is exactly a payload of this signal."""
        names = set(self.fields)
        given = set(kwargs)
        if given != names:
            missing, extra = sorted(names - given), sorted(given - names)
            raise PayloadError(f"{self.payload.__name__}: missing {missing}, unexpected {extra}")
        for name, value in kwargs.items():
            if not _accepts(self._types[name], value):
                raise PayloadError(
                    f"{self.payload.__name__}.{name}: {type(value).__name__} is not {self._types[name]}")

    def send(self, sender, **named):
        self.check(named)
        return super().send(sender, **named)

    def send_robust(self, sender, **named):
        self.check(named)
        return super().send_robust(sender, **named)

    def send_payload(self, sender, payload, robust=False):
        """Send a payload instance (``send(sender, **asdict(payload))``, without deep copies)."""
        if not isinstance(payload, self.payload):
            raise PayloadError(f"expected {self.payload.__name__}, got {type(payload).__name__}")
        named = {field.name: getattr(payload, field.name) for field in dataclasses.fields(payload)}
        return (self.send_robust if robust else self.send)(sender, **named)

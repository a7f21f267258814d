"""The rotating check-in code: a token signed with Django's signing for one session and one window.

A window lasts ``FD_CALENDAR_CODE_SECONDS`` (30 s). The code shown now is accepted in its own
window and the one after it, so a person who scans just before it changes still gets in; an
older code is refused as expired, a code made for another session as wrong.
"""

import time

from django.conf import settings
from django.core import signing

SALT = "fd_calendar.check_in"


class CodeError(Exception):
    """``reason`` is ``"expired"`` or ``"invalid"`` (tampered, or for another session)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def window(now=None):
    return int((time.time() if now is None else now) // settings.FD_CALENDAR_CODE_SECONDS)


def make_code(session, now=None):
    return signing.dumps({"s": str(session.uuid), "w": window(now)}, salt=SALT, compress=False)


def check_code(session, code, now=None):
    """Return the window the code was made in, or raise CodeError."""
    try:
        data = signing.loads(code or "", salt=SALT)
    except signing.BadSignature as exc:
        raise CodeError("invalid") from exc
    if not isinstance(data, dict) or data.get("s") != str(session.uuid) or not isinstance(data.get("w"), int):
        raise CodeError("invalid")
    current = window(now)
    if data["w"] > current or current - data["w"] > 1:
        raise CodeError("expired")
    return data["w"]


def seconds_to_next(now=None):
    now = time.time() if now is None else now
    span = settings.FD_CALENDAR_CODE_SECONDS
    return max(1, int(span - now % span))

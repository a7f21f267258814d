"""Who a pupil is: a random token in a signed cookie, valid for one class only.

The cookie holds ``class id:pupil id:token`` and an HMAC-SHA256 of it under a key derived from
the site's secret, so a pupil endpoint checks it without a database query (one HMAC: the poll
endpoint runs it every two seconds for every pupil), and the token's hash is kept with the pupil
so a cookie is worth nothing once the class is deleted.
"""

import base64
import hashlib
import hmac
import secrets
from functools import lru_cache

from django.conf import settings
from django.db import IntegrityError, transaction

from .models import Pupil
from .nicknames import nickname

COOKIE = "fd_classroom_pupil"
SALT = "fd_classroom.pupil"


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def add_pupil(session, language="it", attempts=40):
    """Create a pupil with a nickname not yet taken in the class; returns ``(pupil, token)``."""
    token = secrets.token_urlsafe(24)
    for _ in range(attempts):
        try:
            with transaction.atomic():
                pupil = Pupil.objects.create(session=session, nickname=nickname(language), token_hash=_hash(token))
            return pupil, token
        except IntegrityError:
            continue
    raise RuntimeError("No free nickname found")


def cookie_path(session):
    from django.urls import reverse

    return reverse("fd_classroom:pupil", kwargs={"code": session.code})


@lru_cache(maxsize=4)
def _signing_key(secret):
    return hashlib.sha256(f"{SALT}:{secret}".encode()).digest()


def _mac(value):
    digest = hmac.new(_signing_key(settings.SECRET_KEY), value.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def signed_value(class_id, pupil_id, token):
    value = f"{class_id}:{pupil_id}:{token}"
    return f"{value}:{_mac(value)}"


def set_cookie(response, session, pupil, token):
    response.set_cookie(
        COOKIE, signed_value(session.pk, pupil.pk, token), path=cookie_path(session),
        httponly=True, samesite="Lax", max_age=12 * 3600,
    )


def read_cookie(request):
    """``(class id, pupil id, token)`` from the signed cookie, or None."""
    signed = request.COOKIES.get(COOKIE)
    if not signed or len(signed) > 300:
        return None
    value, _sep, mac = signed.rpartition(":")
    if not value or not hmac.compare_digest(mac.encode(), _mac(value).encode()):
        return None
    parts = value.split(":")
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
        return None
    return int(parts[0]), int(parts[1]), parts[2]


def pupil_of(request, session):
    """The pupil of ``session`` whose cookie this request carries, or None."""
    found = read_cookie(request)
    if found is None or found[0] != session.pk:
        return None
    pupil = Pupil.objects.filter(pk=found[1], session=session).first()
    if pupil is None or not secrets.compare_digest(pupil.token_hash, _hash(found[2])):
        return None
    return pupil

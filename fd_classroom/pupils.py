"""Who a pupil is: a random token in a signed cookie, valid for one class only.

The cookie holds ``class id:pupil id:token``; it is signed with the site's secret, so a pupil
endpoint checks it without a database query, and the token's hash is kept with the pupil so
a cookie is worth nothing once the class is deleted.
"""

import hashlib
import secrets

from django.core import signing
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


def set_cookie(response, session, pupil, token):
    response.set_signed_cookie(
        COOKIE, f"{session.pk}:{pupil.pk}:{token}", salt=SALT, path=cookie_path(session),
        httponly=True, samesite="Lax", max_age=12 * 3600,
    )


def read_cookie(request):
    """``(class id, pupil id, token)`` from the signed cookie, or None."""
    try:
        value = request.get_signed_cookie(COOKIE, salt=SALT)
    except (KeyError, signing.BadSignature):
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

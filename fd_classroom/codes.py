"""Join codes: short, random, without look-alike characters, unique among the stored classes."""

import secrets

from django.db import IntegrityError, transaction

# No 0/O, 1/I/L, 5/S, 2/Z, 8/B: a code read off a whiteboard is typed right.
ALPHABET = "ACDEFGHJKMNPQRTUVWXY3469"
LENGTH = 6


def new_code():
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(value):
    """What a pupil typed, as a code: upper case, spaces and dashes dropped; None if it cannot be one."""
    if not isinstance(value, str):
        return None
    value = value.strip().upper().replace(" ", "").replace("-", "")
    if len(value) != LENGTH or any(ch not in ALPHABET for ch in value):
        return None
    return value


def create_with_code(model, attempts=20, **fields):
    """Create ``model(code=..., **fields)``, drawing a new code when one is already taken."""
    for _ in range(attempts):
        try:
            with transaction.atomic():
                return model.objects.create(code=new_code(), **fields)
        except IntegrityError:
            continue
    raise RuntimeError("No free join code found")

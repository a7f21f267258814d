"""Join codes resist guessing: a rate limit per client address and a lock-out after wrong codes.

Counters live in Django's cache (shared by the LMS's processes through its cache backend).
A whole class usually shares one address, so the limits count attempts, not pupils: the
lock-out counts only wrong codes.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    return request.META.get("REMOTE_ADDR") or "unknown"


def _key(kind, address):
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"fd_classroom:{kind}:{digest}"


def _bump(key, timeout):
    if cache.add(key, 1, timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout)
        return 1


def locked_out(address):
    return bool(cache.get(_key("locked", address)))


def allow_attempt(address):
    """Count one join attempt; False when the address made too many in the window."""
    count = _bump(_key("attempts", address), settings.FD_CLASSROOM_JOIN_WINDOW_SECONDS)
    return count <= settings.FD_CLASSROOM_JOIN_ATTEMPTS


def wrong_code(address):
    """Count a wrong code; lock the address out when there were too many. True if now locked."""
    lockout = settings.FD_CLASSROOM_LOCKOUT_SECONDS
    count = _bump(_key("wrong", address), lockout)
    if count >= settings.FD_CLASSROOM_WRONG_CODES:
        cache.set(_key("locked", address), 1, lockout)
        return True
    return False

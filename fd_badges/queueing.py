"""Queue fd_badges tasks without ever failing the caller when the broker is down.

Whatever a learner earned is already in the database when a task is queued; the task only signs
and announces it. If the broker cannot be reached the caller carries on, a warning is logged, and
the periodic ``sweep`` task finishes the unsigned or unannounced awards once the broker is back.
After a failed attempt no new attempt is made for ``FD_BADGES_ENQUEUE_BACKOFF_SECONDS``, so a
bulk award or a burst of events does not wait for one connection timeout each.
"""
import logging
import time

from django.conf import settings

log = logging.getLogger(__name__)

COMPLETION_BATCH = 200
_broker = {"down_until": 0.0}


def enqueue(task, *args, **kwargs):
    """``task.apply_async(args, kwargs)``; ``False`` (and a warning) if the broker is unreachable."""
    if time.monotonic() < _broker["down_until"]:
        return False
    try:
        task.apply_async(args, kwargs, retry=False)
    except Exception:  # kombu raises its OperationalError, a transport may raise its own errors
        _broker["down_until"] = time.monotonic() + getattr(settings, "FD_BADGES_ENQUEUE_BACKOFF_SECONDS", 30)
        log.warning("fd_badges: could not queue %s; the sweep will do it once the broker is back", task.name,
                    exc_info=True)
        return False
    return True


def enqueue_completion(award_ids):
    """Queue the signing and announcement of saved awards, ``COMPLETION_BATCH`` awards a message.

    Returns ``True`` if every batch was queued.
    """
    from .tasks import complete_awards

    award_ids = list(award_ids)
    for start in range(0, len(award_ids), COMPLETION_BATCH):
        if not enqueue(complete_awards, award_ids[start:start + COMPLETION_BATCH]):
            return False
    return True


def broker_is_back():
    """Forget an earlier failure (the next ``enqueue`` tries the broker again)."""
    _broker["down_until"] = 0.0

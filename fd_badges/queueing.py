"""Queue fd_badges tasks without ever failing the caller when the broker is down.

Whatever a learner earned is already in the database when a task is queued; the task only signs
and announces it. If the broker cannot be reached the caller carries on, a warning is logged, and
the periodic ``sweep`` task finishes the unsigned or unannounced awards once the broker is back.
After a failed attempt no new attempt is made for ``FD_BADGES_ENQUEUE_BACKOFF_SECONDS``, so a
bulk award or a burst of events does not wait for one connection timeout each.
"""
from fd_core.queueing import BrokerGate

COMPLETION_BATCH = 200
BROKER = BrokerGate("fd_badges", "FD_BADGES_ENQUEUE_BACKOFF_SECONDS", 30)
enqueue = BROKER.enqueue


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
    BROKER.reset()

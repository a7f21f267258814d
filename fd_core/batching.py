"""Rows that signal receivers write during a batch, written together at the end of the batch.

A sender that announces many things in one transaction (fd_badges announcing a batch of awards)
wraps the loop in ``with batching.batch():``; a receiver that would insert one row per
announcement calls ``batching.defer(write, rows)`` instead, and ``write`` receives every row of
the batch once, when the block ends (still inside the sender's transaction, so the rows commit or
roll back with it). Outside a batch ``defer`` returns ``False`` and the receiver writes at once.
"""
import threading
from contextlib import contextmanager

_state = threading.local()


@contextmanager
def batch():
    """Collect deferred rows until the block ends, then write them (nested blocks join the outer one)."""
    if getattr(_state, "pending", None) is not None:
        yield
        return
    _state.pending = {}
    try:
        yield
        while _state.pending:  # a writer may defer more rows (rare): write until nothing is left
            pending, _state.pending = _state.pending, {}
            for write, rows in pending.items():
                write(rows)
    finally:
        _state.pending = None


def defer(write, rows):
    """Leave ``rows`` for ``write(rows)`` at the end of the current batch; ``False`` outside one."""
    pending = getattr(_state, "pending", None)
    if pending is None:
        return False
    pending.setdefault(write, []).extend(rows)
    return True

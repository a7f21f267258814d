"""Polling helper for tests that wait for another process (the Celery worker, the browser)."""
import time


def wait_for(predicate, timeout=30.0, interval=0.1, message=None):
    """Call ``predicate`` until it returns something truthy, and return that value.

    Raises ``AssertionError`` (a normal test failure) naming what was awaited when
    ``timeout`` seconds pass first. Exceptions raised by ``predicate`` are not swallowed.
    """
    deadline = time.monotonic() + timeout
    attempts = 0
    while True:
        attempts += 1
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            what = message or getattr(predicate, "__name__", repr(predicate))
            raise AssertionError(f"timed out after {timeout:.1f}s ({attempts} checks) waiting for: {what}")
        time.sleep(interval)

"""Queue a Celery task without ever failing the caller when the broker is down.

What the task works on is already in the database when it is queued, and each app has a periodic
sweep that finishes whatever was not queued. So a refused enqueue only logs a warning, and after a
failure no new attempt is made for a while: a burst of requests does not wait for one
connection timeout each.
"""
import logging
import time

from django.conf import settings

log = logging.getLogger(__name__)


class BrokerGate:
    """``enqueue`` for one app; the back-off after a failure is the setting ``backoff_setting``."""

    def __init__(self, app_label, backoff_setting, default_backoff):
        self.app_label = app_label
        self.backoff_setting = backoff_setting
        self.default_backoff = default_backoff
        self.down_until = 0.0

    def enqueue(self, task, *args, **kwargs):
        """``task.apply_async(args, kwargs)``; ``False`` (and a warning) if the broker is unreachable."""
        if time.monotonic() < self.down_until:
            return False
        try:
            task.apply_async(args, kwargs, retry=False)
        except Exception:  # kombu raises its OperationalError, a transport may raise its own errors
            backoff = getattr(settings, self.backoff_setting, self.default_backoff)
            self.down_until = time.monotonic() + backoff
            log.warning("%s: could not queue %s; the sweep will do it once the broker is back",
                        self.app_label, task.name, exc_info=True)
            return False
        return True

    def reset(self):
        """Forget an earlier failure (the next ``enqueue`` tries the broker again)."""
        self.down_until = 0.0

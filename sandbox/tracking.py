"""An event-tracking backend that keeps events in the sandbox's tracking log table."""
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import UsageKey


class TrackingLogBackend:
    """Configured in ``EVENT_TRACKING_BACKENDS``, as an LMS operator configures a log backend."""

    def __init__(self, **options):
        self.options = options

    def send(self, event):
        from .models import TrackingLogEntry

        context = event.get("context") or {}
        try:
            usage_key = UsageKey.from_string(context["usage_key"]) if context.get("usage_key") else None
        except InvalidKeyError:
            usage_key = None
        data = event.get("data")
        TrackingLogEntry.objects.create(
            name=str(event.get("name", ""))[:128],
            event=data if isinstance(data, dict) else {"value": data},
            usage_key=usage_key,
            user_id=context.get("user_id"),
        )

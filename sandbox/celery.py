"""The sandbox's Celery application (``lms.celery`` plays this part in Open edX)."""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sandbox.settings.demo")

app = Celery("sandbox")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def _collect_plugin_beat_schedules(sender, **kwargs):
    """Plugin apps declare their periodic tasks in settings named ``*_BEAT_SCHEDULE``."""
    from django.conf import settings

    schedule = dict(getattr(settings, "CELERY_BEAT_SCHEDULE", {}) or {})
    for name in dir(settings):
        if name.startswith("FD_") and name.endswith("_BEAT_SCHEDULE"):
            schedule.update(getattr(settings, name) or {})
    sender.conf.beat_schedule = schedule

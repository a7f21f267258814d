"""``make demo``: SQLite, Celery tasks run eagerly, e-mail printed to the console.

``FD_DEMO_DATABASE`` names another SQLite file (``make screenshots`` builds a throwaway one)."""
import os

from .base import *  # noqa: F403
from .base import VAR_DIR, finish

DEBUG = True
DATABASES = {"default": {
    "ENGINE": "django.db.backends.sqlite3",
    "NAME": os.environ.get("FD_DEMO_DATABASE") or VAR_DIR / "demo.sqlite3",
}}
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = "memory://localhost/"  # tasks run eagerly; a host name keeps kombu from warning
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

finish(__name__, "devstack")

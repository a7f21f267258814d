"""Tests: MariaDB with utf8mb4 (what Open edX runs) and a real Celery worker on Redis.

Environment: ``FD_DB_NAME`` (the test database is ``test_<name>``), ``FD_DB_HOST``,
``FD_DB_PORT``, ``FD_DB_USER``, ``FD_DB_PASSWORD``, ``FD_REDIS_URL``, ``FD_CELERY_QUEUE``.
A worker started by the tests sets ``FD_DB_USE_TEST_NAME=1`` to open the test database itself.
"""
import json
import os
import uuid

from .base import *  # noqa: F403
from .base import finish

_db_name = os.environ.get("FD_DB_NAME", "fd")
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.mysql",
        "NAME": f"test_{_db_name}" if os.environ.get("FD_DB_USE_TEST_NAME") else _db_name,
        "HOST": os.environ.get("FD_DB_HOST", "127.0.0.1"),
        "PORT": os.environ.get("FD_DB_PORT", "3306"),
        "USER": os.environ.get("FD_DB_USER", "root"),
        "PASSWORD": os.environ.get("FD_DB_PASSWORD", ""),
        "OPTIONS": {"charset": "utf8mb4", "init_command": "SET sql_mode='STRICT_TRANS_TABLES'"},
        "TEST": {"NAME": f"test_{_db_name}", "CHARSET": "utf8mb4", "COLLATION": "utf8mb4_unicode_ci"},
    }
}
CELERY_BROKER_URL = os.environ.get("FD_REDIS_URL", "redis://127.0.0.1:6379/0")
CELERY_TASK_ALWAYS_EAGER = False
# A queue of its own for each test session, so that parallel runs never take each other's tasks.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("FD_CELERY_QUEUE") or f"fd-test-{uuid.uuid4().hex[:12]}"
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 60}
# Queues per kind of task (awards, counting, exports; see fd_core/queues.py), as JSON: the scale-out
# test gives its workers and itself queues of their own this way.
FD_TASK_QUEUES = json.loads(os.environ.get("FD_TASK_QUEUES") or "{}")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

finish(__name__, "test")

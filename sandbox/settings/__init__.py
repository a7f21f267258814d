"""Settings of the sandbox: ``demo`` (SQLite, eager Celery) and ``test`` (MariaDB, Redis)."""

"""A real Celery worker process for the test session, on Redis, against the test database."""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_APP = "sandbox.celery:app"
TEST_TASKS_MODULE = "tests.helpers.worker_tasks"
QUEUE_ENV = "FD_CELERY_QUEUE"
APP_ENV = "FD_CELERY_APP"


def unique_queue_name():
    return f"fd-test-{uuid.uuid4().hex[:12]}"


class CeleryWorker:
    """``celery worker`` in a child process; ``start()`` returns once it answers a ping."""

    def __init__(self, app, app_path, queue, db_name, settings_module, concurrency=2):
        self.app = app
        self.app_path = app_path
        self.queue = queue
        self.db_name = db_name
        self.settings_module = settings_module
        self.concurrency = concurrency
        self.hostname = f"{queue}@{socket.gethostname()}"
        self.log_path = Path(tempfile.mkdtemp(prefix="fd-celery-")) / "worker.log"
        self.process = None
        # The worker's broker, kept apart from the app's settings, which a test may point elsewhere
        # (to simulate an outage) while this helper still has to reach the worker.
        self.broker_url = app.conf.broker_url

    def connection(self):
        return self.app.connection_for_write(url=self.broker_url)

    def command(self):
        return [
            sys.executable, "-m", "celery", "-A", self.app_path, "worker",
            "--pool", "prefork", "--concurrency", str(self.concurrency),
            "--queues", self.queue, "--hostname", self.hostname,
            "--include", TEST_TASKS_MODULE,
            "--without-gossip", "--without-mingle", "--loglevel", "INFO",
        ]

    def environment(self):
        env = os.environ.copy()
        python_path = [str(REPO_ROOT)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
        env.update({
            "DJANGO_SETTINGS_MODULE": self.settings_module,
            # The worker is not run by pytest-django: give it the final (test_...) database name.
            "FD_DB_NAME": self.db_name,
            QUEUE_ENV: self.queue,
            "PYTHONPATH": os.pathsep.join(python_path),
        })
        return env

    def start(self, timeout=60.0):
        log = open(self.log_path, "wb")
        self._log = log
        self.process = subprocess.Popen(
            self.command(), cwd=REPO_ROOT, env=self.environment(), stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Celery worker exited with {self.process.returncode}:\n{self.log_tail()}")
            if self.ping():
                return self
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"Celery worker did not answer a ping within {timeout:.0f}s:\n{self.log_tail()}")

    def ping(self, timeout=0.5):
        with self.connection() as conn:
            replies = self.app.control.ping(destination=[self.hostname], timeout=timeout, connection=conn) or []
        return any(self.hostname in reply for reply in replies)

    def purge(self):
        """Drop the messages waiting in this session's queue (sent by earlier tests); return how many."""
        with self.connection() as conn:
            return conn.default_channel.queue_purge(self.queue) or 0

    def drain(self, timeout=30.0):
        """Leave the worker idle: purge the queue, revoke what it holds back, wait for running tasks.

        Returns the ids of tasks still running after ``timeout`` (empty when drained).
        """
        self.purge()
        with self.connection() as conn:
            inspect = self.app.control.inspect(destination=[self.hostname], timeout=2, connection=conn)
            held = (inspect.reserved() or {}).get(self.hostname, [])
            held += [entry["request"] for entry in (inspect.scheduled() or {}).get(self.hostname, [])]
            if held:
                self.app.control.revoke([task["id"] for task in held], destination=[self.hostname], connection=conn)
            deadline = time.monotonic() + timeout
            while True:
                running = [task["id"] for task in (inspect.active() or {}).get(self.hostname, [])]
                if not running or time.monotonic() >= deadline or not self.is_alive():
                    return running
                time.sleep(0.1)

    def is_alive(self):
        return self.process is not None and self.process.poll() is None

    def stop(self, grace=20.0):
        """Warm shutdown (SIGTERM), then SIGKILL to the worker's own process group."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # pool children left behind, if any
        except ProcessLookupError:
            pass
        if self.process.poll() is None:
            self.process.wait(5)
        self._log.close()
        self._delete_queue()

    def _delete_queue(self):
        try:
            with self.connection() as conn:
                conn.default_channel.queue_delete(self.queue)
        except Exception as exc:
            print(f"could not delete Celery queue {self.queue}: {exc}", file=sys.stderr)

    def log_tail(self, lines=60):
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return "(no worker log)"
        return "\n".join(text.splitlines()[-lines:])

"""The ``celery_worker`` fixture: a real worker on Redis sharing the MariaDB test database."""
import time
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from tests.helpers.worker_tasks import create_user, set_first_name

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("transactional_db")]


def test_worker_reads_and_writes_the_test_database(celery_worker, wait_for):
    user = get_user_model().objects.create(username="giulia")
    set_first_name.delay(user.pk, "Giulia")

    def renamed():
        user.refresh_from_db()
        return user.first_name == "Giulia"

    wait_for(renamed, timeout=30, message="the worker to set first_name")


def test_a_row_created_by_the_worker_is_seen_by_the_test(celery_worker, wait_for):
    username = f"worker-{uuid.uuid4().hex[:8]}"
    result = create_user.delay(username)
    user = wait_for(lambda: get_user_model().objects.filter(username=username).first(), timeout=30)
    assert user.pk > 0
    assert result.id


def test_worker_is_isolated_on_its_own_queue_and_database(celery_worker):
    assert celery_worker.is_alive()
    assert celery_worker.queue.startswith("fd-test-")
    assert celery_worker.app.conf.task_default_queue == celery_worker.queue
    assert celery_worker.db_name == connection.settings_dict["NAME"]
    assert celery_worker.db_name.startswith("test_")
    assert celery_worker.ping()


def test_tasks_held_back_by_the_worker_do_not_outlive_the_test(celery_worker, wait_for):
    username = f"later-{uuid.uuid4().hex[:8]}"
    create_user.apply_async(args=[username], countdown=2)
    wait_for(lambda: _scheduled_on(celery_worker), timeout=10, message="the worker to hold the task")

    assert celery_worker.drain() == []  # what the fixture does after every worker test

    time.sleep(3)  # past the countdown: a task that was not revoked would have run by now
    assert not get_user_model().objects.filter(username=username).exists()


def _scheduled_on(worker):
    inspect = worker.app.control.inspect(destination=[worker.hostname], timeout=2)
    return (inspect.scheduled() or {}).get(worker.hostname)

"""Fixtures shared by every suite: a real Celery worker, headless Chromium, axe-core, keyboard.

pytest-django provides ``db``, ``transactional_db``, ``live_server``, ``client`` and ``settings``.
Fixture names here are a contract the suites code against: ``celery_worker``, ``wait_for``,
``browser``, ``login``, ``keyboard``, ``axe_violations``.
"""
import importlib
import os
import re

import pytest
from hypothesis import settings as hypothesis_settings

from tests.helpers.axe import run_axe
from tests.helpers.browser import Chromium, Keyboard
from tests.helpers.browser import login as login_helper
from tests.helpers.celery_worker import APP_ENV, DEFAULT_APP, QUEUE_ENV, CeleryWorker, unique_queue_name
from tests.helpers.waiting import wait_for as wait_for_helper

# A test using one of these fixtures gets the marker even if its author forgot it, so that
# `-m "not integration and not browser"` (the older line's run) never starts a worker or browser.
MARKER_OF_FIXTURE = {"celery_worker": "integration", "browser": "browser"}
# `make test` sets this (comma-separated markers) on the current line: each marker must have
# passing tests and none of them may be skipped, so a green run really exercised the services.
REQUIRE_ENV = "FD_REQUIRE_MARKERS"
# What the test settings name a per-session queue when FD_CELERY_QUEUE is not set.
SESSION_QUEUE = re.compile(r"fd-test-[0-9a-f]{8,}")


# Hypothesis: no per-example deadline (examples that touch MariaDB vary with the machine's load),
# and in CI the same examples on every run, so a red build can be reproduced.
hypothesis_settings.register_profile("fd", deadline=None)
hypothesis_settings.register_profile("fd-ci", deadline=None, derandomize=True, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("fd-ci" if os.environ.get("CI") else "fd"))

TRANSACTIONAL_FIXTURES = ("transactional_db", "live_server", "celery_worker")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        for fixture, marker in MARKER_OF_FIXTURE.items():
            if fixture in item.fixturenames and not item.get_closest_marker(marker):
                item.add_marker(getattr(pytest.mark, marker))
        _keep_migration_data(item)
        if "celery_worker" in item.fixturenames and "celery_isolation" not in item.fixturenames:
            # Right after the worker: set up before the test's own fixtures (which may, say, point
            # the app at a dead broker) and torn down after them, but before the database flush.
            item.fixturenames.insert(item.fixturenames.index("celery_worker") + 1, "celery_isolation")


def _keep_migration_data(item):
    """Transactional tests empty every table afterwards; have them restore what migrations wrote.

    Rows from data migrations (edx-completion's tracking switch, for one) would otherwise be gone
    for every later transactional test. pytest-django serializes the database at setup when a
    test asks for ``django_db_serialized_rollback`` and reloads it before such a test.
    """
    marker = item.get_closest_marker("django_db")
    if marker is not None:
        if marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            item.add_marker(pytest.mark.django_db(*marker.args, **{**marker.kwargs, "serialized_rollback": True}),
                            append=False)
    elif any(name in item.fixturenames for name in TRANSACTIONAL_FIXTURES):
        if "django_db_serialized_rollback" not in item.fixturenames:
            item.fixturenames.append("django_db_serialized_rollback")


def _required_markers():
    return [name.strip() for name in os.environ.get(REQUIRE_ENV, "").split(",") if name.strip()]


_OUTCOMES = {"passed": {}, "skipped": {}}


def pytest_runtest_logreport(report):
    for marker in _required_markers():
        if marker not in report.keywords:
            continue
        if report.skipped and not hasattr(report, "wasxfail"):
            _OUTCOMES["skipped"].setdefault(marker, []).append(report.nodeid)
        elif report.when == "call" and report.passed:
            _OUTCOMES["passed"].setdefault(marker, []).append(report.nodeid)


def _service_problems():
    problems = []
    for marker in _required_markers():
        for nodeid in _OUTCOMES["skipped"].get(marker, []):
            problems.append(f"{marker} test skipped: {nodeid}")
        if not _OUTCOMES["passed"].get(marker):
            problems.append(f"no {marker} test passed")
    return problems


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    if exitstatus == 0 and _service_problems():
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    problems = _service_problems()
    if problems:
        terminalreporter.section(f"{REQUIRE_ENV}: the services were not all exercised", red=True)
        for problem in problems:
            terminalreporter.line(problem, red=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    worker = item.funcargs.get("celery_worker") if hasattr(item, "funcargs") else None
    if report.failed and isinstance(worker, CeleryWorker):
        state = "running" if worker.is_alive() else "NOT RUNNING"
        report.sections.append((f"Celery worker log ({state}, last lines)", worker.log_tail()))
    return report


# --- People ---------------------------------------------------------------------------------

@pytest.fixture
def learner_fields():
    """Who the ``learner`` is: ``create_user`` arguments. A suite whose stories name their learner
    overrides this fixture (``{"username": "giulia"}``); e-mail ``<username>@example.org`` unless given."""
    return {"username": "learner"}


@pytest.fixture
def learner_course():
    """The course the ``learner`` is enrolled in: none, unless a block's suite overrides this with its course."""
    return None


@pytest.fixture
def learner(db, django_user_model, learner_fields, learner_course):
    """A learner (password ``pw``), enrolled in ``learner_course`` when the suite has one."""
    fields = {"email": f"{learner_fields['username']}@example.org", "password": "pw", **learner_fields}
    user = django_user_model.objects.create_user(**fields)
    if learner_course is not None:
        from sandbox.enrollment import enroll

        enroll(user, learner_course)
    return user


# --- Celery ---------------------------------------------------------------------------------

def _celery_app(path):
    module_name, _, attribute = path.partition(":")
    return getattr(importlib.import_module(module_name), attribute or "app")


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, django_db_blocker):
    """A real ``celery worker`` on Redis for the session, using the session's test database.

    Its queue is ``FD_CELERY_QUEUE`` if set, else the settings' per-session ``fd-test-<hex>`` queue
    (or a fresh one if the settings name a shared queue); it reaches the worker as ``FD_CELERY_QUEUE``. The worker
    gets the test database's final name (``test_<FD_DB_NAME>``) as ``FD_DB_NAME``.
    Use it together with ``transactional_db`` so the worker sees committed rows.
    """
    from django.conf import settings
    from django.db import connection

    app_path = os.environ.get(APP_ENV, DEFAULT_APP)
    app = _celery_app(app_path)
    if app.conf.task_always_eager:
        pytest.fail("CELERY_TASK_ALWAYS_EAGER is on in the test settings: a worker would never get a task")
    queue = os.environ.get(QUEUE_ENV) or getattr(settings, "CELERY_TASK_DEFAULT_QUEUE", "")
    if not SESSION_QUEUE.fullmatch(queue) and not os.environ.get(QUEUE_ENV):
        # Settings were read before this fixture ran: route this process's tasks to a fresh queue.
        queue = unique_queue_name()
        settings.CELERY_TASK_DEFAULT_QUEUE = queue
        app.conf.task_default_queue = queue
        app.__dict__.pop("amqp", None)  # drop queues/routes cached from the old default
    if app.amqp.default_queue.name != queue:
        pytest.fail(f"the Celery app sends to {app.amqp.default_queue.name!r}, "
                    f"the worker would read {queue!r}")
    worker = CeleryWorker(
        app=app, app_path=app_path, queue=queue,
        db_name=connection.settings_dict["NAME"], settings_module=settings.SETTINGS_MODULE,
    )
    worker.start()
    yield worker
    worker.stop()


@pytest.fixture
def celery_isolation(celery_worker, transactional_db, request):
    """Each test that uses the worker starts and ends with it idle (added to them automatically).

    Tests that do not use the worker still enqueue tasks (``on_commit``) into the session's queue;
    those are dropped before a worker test, so they never act on its rows. Afterwards the queue is
    purged, held-back tasks (retries, countdowns) are revoked and running ones are awaited, so
    nothing from this test touches the next one's data (ids restart after the flush).
    """
    celery_worker.purge()
    yield
    still_running = celery_worker.drain()
    if still_running:
        request.node.warn(pytest.PytestWarning(f"Celery tasks still running after the test: {still_running}"))


@pytest.fixture
def client():
    """Django's test client, passing CSRF like the blocks' JavaScript (see ``tests.helpers.csrf``)."""
    from tests.helpers.csrf import CsrfClient

    return CsrfClient()


@pytest.fixture
def wait_for():
    """``wait_for(predicate, timeout=30)``: poll until the predicate is truthy (see tests.helpers)."""
    return wait_for_helper


# --- Browser --------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def chromium_session():
    chromium = Chromium()
    yield chromium
    chromium.quit()


@pytest.fixture
def browser(chromium_session):
    """Headless Chromium (selenium WebDriver), Italian, 1280x900; cookies cleared after each test."""
    yield chromium_session.ensure_alive()
    chromium_session.reset()


@pytest.fixture
def no_javascript(browser):
    """The same browser with JavaScript off for the page (as a person who turned it off)."""
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    yield browser
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


@pytest.fixture
def login():
    """``login(browser, live_server, username)``: sign the browser in; returns the user."""
    return login_helper


@pytest.fixture
def keyboard(browser):
    """Keyboard-only driving of ``browser``.

    ``tab(n)`` / ``shift_tab(n)`` return the focused element; ``enter()``, ``space()``, ``escape()``,
    ``press(key)``; ``tab_to(element)`` fails if the element cannot be reached with TAB.
    """
    return Keyboard(browser)


@pytest.fixture
def axe_violations():
    """``axe_violations(browser)``: serious/critical axe-core violations of the current page."""
    return run_axe

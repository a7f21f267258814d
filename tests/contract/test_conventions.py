"""The conventions every app of the suite follows (docs/conventions.md), checked on every app.

Apps are found on disk (every top-level ``fd_*`` package with an ``apps.py``), so a new app is
held to the same rules without being listed here.
"""
import dataclasses
import datetime
import importlib
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.dispatch import Signal

from fd_core.plugin import Receiver, apply_defaults, merge_beat_schedule, plugin_app_config
from fd_core.signals import PayloadError, PayloadSignal

REPO = Path(__file__).resolve().parents[2]
APPS = sorted(path.parent.name for path in REPO.glob("fd_*/apps.py"))
TIME_WORDS = ("BACKOFF", "DELAY", "LEASE", "RETENTION", "WINDOW", "LOCKOUT", "TIMEOUT", "INTERVAL")
TIME_UNITS = ("_SECONDS", "_MINUTES", "_HOURS", "_DAYS")


def _signals(app):
    try:
        module = importlib.import_module(f"{app}.signals")
    except ModuleNotFoundError:
        return []
    return [(name, value) for name, value in vars(module).items() if isinstance(value, Signal)]


def _plugin_app(app):
    module = importlib.import_module(f"{app}.apps")
    configs = [value for value in vars(module).values() if isinstance(value, type)
               and getattr(value, "plugin_app", None) and value.__module__ == module.__name__]
    assert len(configs) == 1, f"{app}: one AppConfig with plugin_app"
    return configs[0].plugin_app


def test_the_apps_are_found():
    assert {"fd_assessment", "fd_badges", "fd_classroom", "fd_progress"} <= set(APPS)


@pytest.mark.parametrize("app", APPS)
def test_every_signal_declares_a_documented_plain_data_payload(app):
    for name, signal in _signals(app):
        assert isinstance(signal, PayloadSignal), f"{app}.signals.{name} is not a PayloadSignal"
        fields = dataclasses.fields(signal.payload)
        doc = signal.payload.__doc__ or ""
        for field in fields:
            assert f"``{field.name}``" in doc, f"{signal.payload.__name__}.{field.name} is not documented"
            assert field.name != "user", f"{signal.payload.__name__}: people are user_id, not a User"
            assert not field.name.endswith("_key") or field.type in (str, str | None), (
                f"{signal.payload.__name__}.{field.name}: keys travel as strings")
            if field.type in (datetime.datetime, datetime.datetime | None):
                assert field.name.endswith("_at"), f"{signal.payload.__name__}.{field.name}: times are *_at"


def test_a_payload_is_checked_when_it_is_sent(django_user_model):
    from fd_badges.signals import badge_awarded

    now = datetime.datetime.now(datetime.UTC)
    good = {"user_id": 7, "badge_class_slug": "open-data", "award_uuid": "u-1", "course_key": None, "awarded_at": now}
    received = []
    badge_awarded.connect(lambda sender, signal=None, **kwargs: received.append(kwargs), weak=False,
                          dispatch_uid="conventions")
    try:
        badge_awarded.send(sender=None, **good)
        with pytest.raises(PayloadError, match="unexpected"):
            badge_awarded.send(sender=None, user=object(), **good)
        with pytest.raises(PayloadError, match="missing"):
            badge_awarded.send(sender=None, **{k: v for k, v in good.items() if k != "award_uuid"})
        with pytest.raises(PayloadError, match="award_uuid"):
            badge_awarded.send(sender=None, **{**good, "award_uuid": 42})
        with pytest.raises(PayloadError, match="awarded_at"):  # a naive datetime is not a time
            badge_awarded.send(sender=None, **{**good, "awarded_at": now.replace(tzinfo=None)})
    finally:
        badge_awarded.disconnect(dispatch_uid="conventions")
    assert received == [good]


def test_a_payload_signal_needs_a_frozen_dataclass():
    @dataclasses.dataclass
    class Mutable:
        user_id: int

    with pytest.raises(TypeError):
        PayloadSignal(Mutable)


@pytest.mark.parametrize("app", APPS)
def test_receivers_are_named_for_what_happened_and_exist(app):
    plugin_app = _plugin_app(app)
    entries = plugin_app.get("signals_config", {}).get("lms.djangoapp", {}).get("receivers", [])
    receivers = importlib.import_module(f"{app}.receivers") if entries else None
    for entry in entries:
        name = entry["receiver_func_name"]
        assert name.startswith("on_"), f"{app}.receivers.{name}: receivers are named on_<what happened>"
        assert callable(getattr(receivers, name)), f"{app}.receivers.{name} does not exist"
        assert entry["dispatch_uid"] == f"{app}.{name}"


def test_senders_and_optional_receivers_are_handled_by_the_builder():
    config = plugin_app_config("fd_x", "fd/x", receivers=[
        Receiver("on_saved", "django.db.models.signals.post_save", sender_path="completion.models.BlockCompletion"),
        Receiver("on_missing", "fd_not_installed.signals.something", optional=True),
        Receiver("on_missing_sender", "django.db.models.signals.post_save", sender_path="nope.models.Thing",
                 optional=True),
        ("on_pair", "fd_core.platform.USER_RETIRE_LMS_MISC"),
    ])
    entries = config["signals_config"]["lms.djangoapp"]["receivers"]
    assert [entry["receiver_func_name"] for entry in entries] == ["on_saved", "on_pair"]
    assert entries[0]["sender_path"] == "completion.models.BlockCompletion"
    assert "sender_path" not in entries[1]


def test_completion_receivers_listen_to_block_completions_only():
    from completion.models import BlockCompletion
    from django.db.models.signals import post_save

    connected = {uid: sender for ((uid, sender), *_rest) in post_save.receivers if isinstance(uid, str)}
    for uid in ("fd_badges.on_block_completion_saved", "fd_progress.on_block_completion_saved"):
        assert connected[uid] == id(BlockCompletion), f"{uid} is not limited to BlockCompletion"


@pytest.mark.parametrize("app", APPS)
def test_settings_are_prefixed_and_durations_name_their_unit(app):
    try:
        defaults = getattr(importlib.import_module(f"{app}.settings.common"), "DEFAULTS", {})
    except ModuleNotFoundError:
        return
    prefix = f"FD_{app.removeprefix('fd_').upper()}_"
    for name in defaults:
        assert name.startswith(prefix), f"{name}: settings of {app} start with {prefix}"
        if any(word in name for word in TIME_WORDS):
            assert name.endswith(TIME_UNITS), f"{name}: a duration names its unit ({', '.join(TIME_UNITS)})"


@pytest.mark.parametrize("app", APPS)
def test_beat_entries_are_named_app_dot_task_and_merged(app):
    schedule = getattr(settings, f"FD_{app.removeprefix('fd_').upper()}_BEAT_SCHEDULE", None)
    for name, entry in (schedule or {}).items():
        assert re.fullmatch(rf"{app}\.[a-z_]+", name), f"beat entry {name!r}: <app label>.<task>"
        assert entry["task"].startswith(f"{app}.tasks."), f"{name}: runs a task of {app}"
        assert settings.CELERY_BEAT_SCHEDULE[name] == entry


def test_a_renamed_setting_still_applies_and_the_operator_wins_the_beat():
    site = SimpleNamespace(FD_OLD_NAME=5, CELERY_BEAT_SCHEDULE={"fd_x.sweep": {"task": "mine"}})
    with pytest.warns(DeprecationWarning, match="FD_NEW_NAME_SECONDS"):
        apply_defaults(site, {"FD_NEW_NAME_SECONDS": 60}, renamed={"FD_OLD_NAME": "FD_NEW_NAME_SECONDS"})
    assert site.FD_NEW_NAME_SECONDS == 5
    merge_beat_schedule(site, {"fd_x.sweep": {"task": "ours"}, "fd_x.purge": {"task": "ours too"}})
    assert site.CELERY_BEAT_SCHEDULE == {"fd_x.sweep": {"task": "mine"}, "fd_x.purge": {"task": "ours too"}}


def _tasks_of(app):
    """The names of the Celery tasks defined in ``<app>/tasks.py``, as the worker registers them."""
    from celery import current_app

    try:
        importlib.import_module(f"{app}.tasks")
    except ModuleNotFoundError:
        return set()
    return {name for name in current_app.tasks if name.startswith(f"{app}.tasks.")}


def _task_kinds(app):
    try:
        return getattr(importlib.import_module(f"{app}.settings.common"), "TASK_KINDS", {})
    except ModuleNotFoundError:
        return {}


@pytest.mark.parametrize("app", APPS)
def test_every_task_declares_its_kind_and_is_routed_by_it(app):
    from fd_core.queues import KINDS

    tasks, kinds = _tasks_of(app), _task_kinds(app)
    assert tasks - set(kinds) == set(), f"{app}: tasks without a kind in TASK_KINDS of {app}/settings/common.py"
    assert set(kinds) - tasks == set(), f"{app}: TASK_KINDS names tasks that do not exist"
    assert set(kinds.values()) <= set(KINDS), f"{app}: kinds are among {KINDS}"
    site = SimpleNamespace(FD_TASK_QUEUES={kind: f"fd.{kind}" for kind in KINDS})
    importlib.import_module(f"{app}.settings.common").plugin_settings(site)
    assert {task: route["queue"] for task, route in getattr(site, "CELERY_TASK_ROUTES", {}).items()} == {
        task: f"fd.{kind}" for task, kind in kinds.items()}, f"{app}: plugin_settings routes its tasks by kind"


def test_a_task_without_a_kind_is_caught():
    from celery import current_app

    @current_app.task(name="fd_assistance.tasks.forgotten")
    def forgotten():
        return None

    try:
        assert _tasks_of("fd_assistance") - set(_task_kinds("fd_assistance")) == {"fd_assistance.tasks.forgotten"}
    finally:
        current_app.tasks.unregister("fd_assistance.tasks.forgotten")

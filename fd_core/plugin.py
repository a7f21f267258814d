"""Build the ``plugin_app`` dictionary that edx-django-utils reads from an AppConfig.

The LMS and Studio discover our apps through the ``lms.djangoapp`` and ``cms.djangoapp``
entry points and read this dictionary for URLs, settings and signal receivers.
"""

import warnings
from importlib.util import find_spec
from typing import NamedTuple

LMS = "lms.djangoapp"
CMS = "cms.djangoapp"
SETTINGS_TYPES = ("common", "production", "devstack", "test")


class Receiver(NamedTuple):
    """One signal receiver of an app, for ``signals_config``.

    - ``func_name``: a function of the app's ``receivers`` module, named ``on_<what happened>``;
    - ``signal_path``: the dotted path of the signal (``module.NAME``);
    - ``sender_path``: the dotted path of the sender to listen to (a model class for
      ``post_save``), or ``None`` for every sender;
    - ``optional``: connect only when the signal's module (and the sender's) can be imported, for
      signals of sibling apps of the suite or of platform packages a site may not install.
    """

    func_name: str
    signal_path: str
    sender_path: str | None = None
    optional: bool = False


def _importable(dotted_path):
    module = dotted_path.rpartition(".")[0]
    try:
        return find_spec(module) is not None
    except ModuleNotFoundError:  # a parent package is missing
        return False


def plugin_app_config(namespace, url_prefix, receivers=(), projects=(LMS, CMS), urls_module="urls"):
    """Return a ``plugin_app`` dict.

    The app's ``urls_module`` is mounted under ``/<url_prefix>/``; with ``url_prefix=""`` it is
    mounted at the site root (edx-django-utils then matches it with the regex ``^``), so an app
    can serve a fixed address such as ``/.well-known/did.json`` without an edit to the LMS's URLs.

    ``receivers`` is a sequence of :class:`Receiver` (or plain ``(func_name, signal_path)``
    pairs), looked up in the app's ``receivers`` module; optional receivers whose signal or sender
    cannot be imported are left out. Settings come from ``settings/<type>.py`` of the app, each with
    a ``plugin_settings(settings)`` function.
    """
    url_config = {
        project: {"namespace": namespace, "regex": rf"^{url_prefix}/" if url_prefix else r"^",
                  "relative_path": urls_module}
        for project in projects
    }
    settings_config = {
        project: {kind: {"relative_path": f"settings.{kind}"} for kind in SETTINGS_TYPES}
        for project in projects
    }
    entries = []
    for receiver in (Receiver(*r) for r in receivers):
        paths = [receiver.signal_path] + ([receiver.sender_path] if receiver.sender_path else [])
        if receiver.optional and not all(_importable(path) for path in paths):
            continue
        entry = {
            "receiver_func_name": receiver.func_name,
            "signal_path": receiver.signal_path,
            "dispatch_uid": f"{namespace}.{receiver.func_name}",
        }
        if receiver.sender_path:
            entry["sender_path"] = receiver.sender_path
        entries.append(entry)
    signals_config = {
        project: {"relative_path": "receivers", "receivers": [dict(entry) for entry in entries]}
        for project in projects
    }
    return {"url_config": url_config, "settings_config": settings_config, "signals_config": signals_config}


def apply_defaults(settings, defaults, renamed=None):
    """Set each default on the settings module unless the operator already set it.

    ``renamed`` maps old setting names to their new names: a value an operator still sets under
    the old name is used for the new one (with a deprecation warning) unless the new one is set.
    """
    for old, new in (renamed or {}).items():
        if hasattr(settings, old) and not hasattr(settings, new):
            warnings.warn(f"{old} is now called {new}", DeprecationWarning, stacklevel=2)
            setattr(settings, new, getattr(settings, old))
    for name, value in defaults.items():
        if not hasattr(settings, name):
            setattr(settings, name, value)


def merge_beat_schedule(settings, entries):
    """Add an app's Celery beat entries to ``CELERY_BEAT_SCHEDULE`` when the site has one.

    Entry names follow ``<app label>.<task>`` (``fd_progress.daily_snapshot``); an entry the
    operator already defined under the same name is kept.
    """
    schedule = getattr(settings, "CELERY_BEAT_SCHEDULE", None)
    if isinstance(schedule, dict):
        for name, entry in entries.items():
            schedule.setdefault(name, entry)


def apply_env_tokens(settings, names):
    """In production the LMS reads its YAML into ``ENV_TOKENS``; let it override our settings."""
    tokens = getattr(settings, "ENV_TOKENS", None) or {}
    for name in names:
        if name in tokens:
            setattr(settings, name, tokens[name])

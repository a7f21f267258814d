"""The LMS finds our apps through their entry points and wires their URLs, settings and receivers."""
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern
from edx_django_utils.plugins import get_plugin_apps, get_plugin_url_patterns
from edx_django_utils.plugins.constants import PluginSignals
from edx_django_utils.plugins.registry import get_plugin_app_configs
from edx_django_utils.plugins.utils import import_attr

OUR_APPS = {
    "fd_assessment": "fd/assessment/",
    "fd_badges": "fd/badges/",
    "fd_progress": "fd/progress/",
    "fd_classroom": "fd/classroom/",
    "fd_assistance": "fd/assistance/",
    "fd_calendar": "fd/calendar/",
}


def _labels(app_paths):
    return {path.split(".")[0] for path in app_paths}


@pytest.mark.parametrize("project", ["lms.djangoapp", "cms.djangoapp"])
def test_our_apps_are_found_through_their_entry_points(project):
    assert set(OUR_APPS) <= _labels(get_plugin_apps(project))


def test_installed_apps_come_from_the_plugin_framework():
    assert set(OUR_APPS) <= _labels(settings.INSTALLED_APPS)
    assert "completion" in _labels(settings.INSTALLED_APPS)


def _names_without_arguments(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _names_without_arguments(pattern.url_patterns)
        elif pattern.name and not pattern.pattern.regex.groupindex:
            yield pattern.name


def test_each_app_mounts_its_urls_under_its_prefix():
    namespaces = {pattern.namespace for pattern in get_resolver().url_patterns if isinstance(pattern, URLResolver)}
    for app, prefix in OUR_APPS.items():
        assert app in namespaces, f"{app} is not mounted"
        names = list(_names_without_arguments(import_module(f"{app}.urls").urlpatterns))
        assert names, app
        for name in names:
            assert reverse(f"{app}:{name}").startswith(f"/{prefix}"), name


def test_the_did_document_is_at_the_site_root_through_the_plugin_framework():
    """did:web needs /.well-known/did.json: the LMS gets it from get_plugin_url_patterns, no edit of its URLs."""
    from fd_badges.views.public import did_json

    for project in ("lms.djangoapp", "cms.djangoapp"):
        site = URLResolver(RegexPattern(r"^/"), get_plugin_url_patterns(project))
        match = site.resolve("/.well-known/did.json")
        assert match.func is did_json
        assert match.namespace == "fd_badges"
    assert reverse("fd_badges:did_json") == "/.well-known/did.json"
    sandbox_urls = (Path(__file__).resolve().parents[2] / "sandbox" / "urls.py").read_text()
    assert "fd_badges" not in sandbox_urls, "the sandbox must mount the apps' URLs only through the plugin framework"


def test_every_configured_receiver_is_connected_to_its_signal():
    for config in get_plugin_app_configs("lms.djangoapp"):
        signals_config = config.plugin_app.get(PluginSignals.CONFIG, {}).get("lms.djangoapp") or {}
        for receiver in signals_config.get(PluginSignals.RECEIVERS, []):
            signal = import_attr(receiver[PluginSignals.SIGNAL_PATH])
            uid = receiver.get(PluginSignals.DISPATCH_UID)
            uid = uid or f"{config.name}.receivers.{receiver[PluginSignals.RECEIVER_FUNC_NAME]}"
            assert any(entry[0][0] == uid for entry in signal.receivers), f"{uid} is not connected"


def test_each_app_settings_defaults_are_applied():
    from fd_assessment.settings.common import DEFAULTS as assessment
    from fd_assistance.settings.common import DEFAULTS as assistance
    from fd_badges.settings.common import DEFAULTS as badges
    from fd_calendar.settings.common import DEFAULTS as calendar
    from fd_classroom.settings.common import DEFAULTS as classroom
    from fd_progress.settings.common import DEFAULTS as progress

    for name in {**assessment, **badges, **progress, **classroom, **assistance, **calendar}:
        assert hasattr(settings, name), name


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)

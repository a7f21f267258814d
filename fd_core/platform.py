"""The one door to what only edx-platform offers (course roles, the modulestore, retirement, the base page).

``platform()`` returns the backend module named by the ``FD_PLATFORM_BACKEND`` setting; by
default that is :mod:`fd_core.openedx_platform`, which imports edx-platform lazily. A site that
plays the LMS's part (the sandbox) names its own module with the same functions.

Retirement: ``USER_RETIRE_LMS_MISC`` and ``USER_RETIRE_LMS_CRITICAL`` here are proxies that
re-send the platform's signals with the same arguments, so a plugin can list them by path in
its ``signals_config`` without importing edx-platform.

Base page: ``base_template()`` names the template that ``fd_core/page.html`` extends (the LMS's
``main_django.html``; the sandbox's ``sandbox/main_django.html``). Templates read it as
``fd_base_template``, which :func:`fd_core.context_processors.platform_page` puts in their context.
"""
from importlib import import_module

from django.conf import settings
from django.dispatch import Signal

DEFAULT_BACKEND = "fd_core.openedx_platform"

USER_RETIRE_LMS_MISC = Signal()
USER_RETIRE_LMS_CRITICAL = Signal()

_forwarded = set()


def platform():
    """Return the platform backend module."""
    backend = import_module(getattr(settings, "FD_PLATFORM_BACKEND", DEFAULT_BACKEND))
    _forward_retirement(backend)
    return backend


def _forward_retirement(backend):
    if backend.__name__ in _forwarded:
        return
    _forwarded.add(backend.__name__)
    for name, proxy in (("USER_RETIRE_LMS_MISC", USER_RETIRE_LMS_MISC),
                        ("USER_RETIRE_LMS_CRITICAL", USER_RETIRE_LMS_CRITICAL)):
        source = backend.retirement_signal(name)
        if source is not None:
            source.connect(_make_forwarder(proxy), weak=False, dispatch_uid=f"fd_core.forward.{name}")


def _make_forwarder(proxy):
    def forward(sender, **kwargs):
        kwargs.pop("signal", None)
        proxy.send(sender=sender, **kwargs)
    return forward


def connect_retirement_forwarding():
    """Make sure the platform's retirement signals reach the proxies (call once at start-up)."""
    platform()

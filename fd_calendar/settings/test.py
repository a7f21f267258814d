"""test settings of fd_calendar: the common defaults."""

from .common import plugin_settings as common_settings


def plugin_settings(settings):
    common_settings(settings)

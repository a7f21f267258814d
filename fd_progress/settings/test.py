"""test settings of fd_progress: the common defaults, then any override from the operator's YAML."""

from .common import plugin_settings as common_settings


def plugin_settings(settings):
    common_settings(settings)

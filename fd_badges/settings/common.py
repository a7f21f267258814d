"""Default settings of fd_badges. Operators override any of them in their LMS/Studio settings."""
from fd_core.plugin import apply_defaults

DEFAULTS = {}


def plugin_settings(settings):
    apply_defaults(settings, DEFAULTS)

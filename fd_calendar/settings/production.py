"""Production settings of fd_calendar: the defaults, then overrides from the operator's YAML."""

from fd_core.plugin import apply_env_tokens

from .common import DEFAULTS
from .common import plugin_settings as common_settings


def plugin_settings(settings):
    common_settings(settings)
    apply_env_tokens(settings, DEFAULTS)

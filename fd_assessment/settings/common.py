"""Default settings of fd_assessment. Operators override any of them in their LMS/Studio settings."""
from fd_core.plugin import apply_defaults

DEFAULTS = {
    # The questionnaire version new attempts use; None means the newest data file. Attempts keep theirs.
    "FD_ASSESSMENT_QUESTIONNAIRE_VERSION": None,
}


def plugin_settings(settings):
    apply_defaults(settings, DEFAULTS)

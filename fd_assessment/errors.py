"""The errors fd_assessment raises to other packages, a door of the app beside ``api`` and ``signals``.

They live here, not in ``api``, because the app's own modules raise them and ``api`` imports those
modules: defining them in ``api`` would make the modules import their own door back. ``api``
offers the same classes (``api.AnswerError`` is ``errors.AnswerError``).
"""


class AnswerError(ValueError):
    """An answer the questionnaire cannot accept; the message is meant for a person."""


class AttemptClosed(AnswerError):
    """The attempt was already submitted."""


class StaleVersion(AnswerError):
    """The client answered a different questionnaire version than the attempt's."""


class AttemptNotFound(LookupError):
    """No such attempt for this person."""


class StatisticsFilterError(ValueError):
    """A filter value a person can correct; the message says how."""

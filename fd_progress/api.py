"""The only door of fd_progress for other packages."""

from .activities import record_assistance, record_attendance, record_calendar_attendance, record_session
from .metrics import Metric, ScopeType
from .retirement import retire_user
from .series import progress_of

__all__ = [
    "Metric",
    "ScopeType",
    "progress_of",
    "record_assistance",
    "record_attendance",
    "record_calendar_attendance",
    "record_session",
    "retire_user",
]

"""Models of fd_progress: the programme's activities, its targets, and the counters."""

from .counters import ActivityEvent, CountedPerson, CounterLock, DailyCount
from .programme import AssistanceLog, FacilitationPoint, SessionAttendance, TrainingSession
from .targets import Milestone, Target, TargetSnapshot

__all__ = [
    "ActivityEvent",
    "AssistanceLog",
    "CountedPerson",
    "CounterLock",
    "DailyCount",
    "FacilitationPoint",
    "Milestone",
    "SessionAttendance",
    "Target",
    "TargetSnapshot",
    "TrainingSession",
]

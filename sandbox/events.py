"""What the LMS does with what a block publishes: completion, grades, tracking events."""
import logging
import math

from completion.models import BlockCompletion
from eventtracking import tracker

log = logging.getLogger(__name__)


def handle(runtime, block, event_type, event_data):
    usage_key = block.scope_ids.usage_id
    user = runtime.user
    if event_type == "completion":
        _completion(block, user, usage_key, event_data)
    elif event_type == "grade":
        _grade(block, user, usage_key, event_data)
    else:
        context = {"user_id": runtime.learner_id, "course_id": str(usage_key.course_key), "usage_key": str(usage_key)}
        with tracker.get_tracker().context("sandbox.xblock", context):
            tracker.emit(str(event_type), event_data)


def _completion(block, user, usage_key, event_data):
    if user is None or not user.is_authenticated:
        return
    if not getattr(block, "has_custom_completion", False):
        log.warning("%s published completion without has_custom_completion; ignored as the LMS does", usage_key)
        return
    value = event_data.get("completion") if isinstance(event_data, dict) else None
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0.0 <= value <= 1.0:
        raise ValueError(f"completion must be a number between 0 and 1, not {value!r}")
    BlockCompletion.objects.submit_completion(user=user, block_key=usage_key, completion=float(value))


def _grade(block, user, usage_key, event_data):
    from .grades import record_score

    if user is None or not user.is_authenticated:
        return
    if not getattr(block, "has_score", False):
        log.warning("%s published a grade without has_score; ignored as the LMS does", usage_key)
        return
    earned, possible = event_data.get("value"), event_data.get("max_value")
    for number in (earned, possible):
        if not isinstance(number, int | float) or isinstance(number, bool) or not math.isfinite(number):
            raise ValueError(f"grade values must be numbers, not {number!r}")
    if possible <= 0 or not 0 <= earned <= possible:
        raise ValueError(f"grade {earned}/{possible} is out of range")
    record_score(user, usage_key, float(earned), float(possible))

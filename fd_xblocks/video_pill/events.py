"""Tracking events a learner's browser may send: Open edX's video event names, fields checked.

Anything else is refused: completion and grades never travel through this door, and
``complete_video`` is emitted by the server only, when the watched intervals reach the threshold.
"""
from .errors import N_, PillInputError
from .intervals import END_TOLERANCE, SPEEDS, is_number

TIME = "time"
SPEED = "speed"
CODES = ("html5", "hls", "youtube")
SEEK_TYPES = ("onSlideSeek", "onKeyboardSeek", "onCaptionSeek", "onChapterSeek", "onCheckpointReview")

# event name -> {field: kind}; every listed field is required.
BROWSER_EVENTS = {
    "load_video": {},
    "play_video": {"currentTime": TIME},
    "pause_video": {"currentTime": TIME},
    "stop_video": {"currentTime": TIME},
    "seek_video": {"old_time": TIME, "new_time": TIME, "type": SEEK_TYPES},
    "speed_change_video": {"current_time": TIME, "old_speed": SPEED, "new_speed": SPEED},
    "show_transcript": {"current_time": TIME},
    "hide_transcript": {"current_time": TIME},
    "edx.video.closed_captions.shown": {"current_time": TIME},
    "edx.video.closed_captions.hidden": {"current_time": TIME},
}
SERVER_EVENTS = ("complete_video", "fd.video_pill.checkpoint.answered")


def clean_event(payload, duration):
    """Return (event_name, fields) for a browser report, or raise PillInputError."""
    if not isinstance(payload, dict):
        raise PillInputError(N_("An event must be a JSON object."), "event_type")
    name = payload.get("event_type")
    if not isinstance(name, str) or name not in BROWSER_EVENTS:
        raise PillInputError(N_("\"{name}\" is not a video event this pill records."), "event_type",
                             name=str(name)[:60])
    data = payload.get("event", {})
    if not isinstance(data, dict):
        raise PillInputError(N_("The event fields must be a JSON object."), "event")
    code = data.get("code", "html5")
    if code not in CODES:
        raise PillInputError(N_("The player code must be html5, hls or youtube."), "event")
    fields = {"code": code, "duration": duration}
    for field, kind in BROWSER_EVENTS[name].items():
        value = data.get(field)
        if kind == TIME:
            valid = is_number(value) and 0 <= value <= duration + END_TOLERANCE
        elif kind == SPEED:
            valid = is_number(value) and float(value) in SPEEDS
        else:
            valid = value in kind
        if not valid:
            raise PillInputError(N_("The event field \"{name}\" is missing or out of range."), "event",
                                 name=field)
        fields[field] = round(float(value), 3) if kind in (TIME, SPEED) else value
    if name == "edx.video.closed_captions.shown" and isinstance(data.get("language"), str):
        fields["language"] = data["language"][:20]
    return name, fields

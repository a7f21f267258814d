"""Checkpoints: questions at timestamps that pause the video, give feedback and can send back.

A checkpoint is a dict::

    {"id": "cp-1", "time": 31.0, "kind": "single" | "multiple" | "truefalse",
     "question": "<p>sanitised HTML</p>", "options": [{"text": "plain", "correct": bool}, ...],
     "answer": bool (truefalse only), "feedback_correct": "<p>..</p>", "feedback_incorrect": "..",
     "review_from": 12.0 or None}
"""
import re

from fd_core.sanitize import clean_html

from .errors import N_, PillInputError
from .intervals import is_number
from .rendering import clean_author_html

KINDS = ("single", "multiple", "truefalse")
MAX_CHECKPOINTS = 20
MAX_OPTIONS = 8
MAX_OPTION_CHARS = 300
MAX_HTML_CHARS = 4000
CHECKPOINT_ID = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


def _text(value, limit, label, number, required=True):
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise PillInputError(N_("Checkpoint {number}: {label} must be text."), "checkpoints",
                             number=number, label=label)
    value = value.strip()
    if required and not value:
        raise PillInputError(N_("Checkpoint {number}: {label} is missing."), "checkpoints",
                             number=number, label=label)
    if len(value) > limit:
        raise PillInputError(N_("Checkpoint {number}: {label} is too long (at most {limit} characters)."),
                             "checkpoints", number=number, label=label, limit=limit)
    return value


def _options(raw, kind, number):
    if not isinstance(raw, list) or not 2 <= len(raw) <= MAX_OPTIONS:
        raise PillInputError(N_("Checkpoint {number} needs between 2 and {limit} options."), "checkpoints",
                             number=number, limit=MAX_OPTIONS)
    options = []
    for option in raw:
        if not isinstance(option, dict) or not isinstance(option.get("correct", False), bool):
            raise PillInputError(N_("Checkpoint {number}: each option needs a text and a correct flag."),
                                 "checkpoints", number=number)
        options.append({"text": _text(option.get("text"), MAX_OPTION_CHARS, N_("an option"), number),
                        "correct": option.get("correct", False)})
    right = sum(option["correct"] for option in options)
    if kind == "single" and right != 1:
        raise PillInputError(N_("Checkpoint {number} is single choice: mark exactly one option correct."),
                             "checkpoints", number=number)
    if kind == "multiple" and right < 1:
        raise PillInputError(N_("Checkpoint {number}: mark at least one option correct."), "checkpoints",
                             number=number)
    return options


def _feedback(value, number):
    return clean_html(_text(value, MAX_HTML_CHARS, N_("the feedback"), number, required=False))


def clean_checkpoint(raw, number, duration):
    if not isinstance(raw, dict):
        raise PillInputError(N_("Checkpoint {number} is not a question."), "checkpoints", number=number)
    kind = raw.get("kind", "single")
    if kind not in KINDS:
        raise PillInputError(N_("Checkpoint {number}: the kind must be single, multiple or truefalse."),
                             "checkpoints", number=number)
    time = raw.get("time")
    if not is_number(time) or time < 0 or (duration > 0 and time > duration):
        raise PillInputError(
            N_("Checkpoint {number}: its time must be a number of seconds inside the video (0-{duration})."),
            "checkpoints", number=number, duration=round(duration, 2),
        )
    review_from = raw.get("review_from")
    if review_from in ("", None):
        review_from = None
    elif not is_number(review_from) or not 0 <= review_from <= time:
        raise PillInputError(
            N_("Checkpoint {number}: \"review from\" must be a time before the checkpoint."),
            "checkpoints", number=number,
        )
    checkpoint_id = raw.get("id") or f"cp-{number}"
    if not isinstance(checkpoint_id, str) or not CHECKPOINT_ID.match(checkpoint_id):
        raise PillInputError(N_("Checkpoint {number}: the id may use only letters, digits, - and _."),
                             "checkpoints", number=number)
    checkpoint = {
        "id": checkpoint_id,
        "time": float(time),
        "kind": kind,
        "question": clean_html(_text(raw.get("question"), MAX_HTML_CHARS, N_("the question"), number)),
        "options": [],
        "feedback_correct": _feedback(raw.get("feedback_correct"), number),
        "feedback_incorrect": _feedback(raw.get("feedback_incorrect"), number),
        "review_from": None if review_from is None else float(review_from),
    }
    if kind == "truefalse":
        if not isinstance(raw.get("answer"), bool):
            raise PillInputError(N_("Checkpoint {number}: say whether the statement is true or false."),
                                 "checkpoints", number=number)
        checkpoint["answer"] = raw["answer"]
    else:
        checkpoint["options"] = _options(raw.get("options"), kind, number)
    return checkpoint


def clean_checkpoints(raw, duration):
    """Validate the author's list; return it sorted by time, or raise PillInputError."""
    if not isinstance(raw, list):
        raise PillInputError(N_("Checkpoints must be a list."), "checkpoints")
    if len(raw) > MAX_CHECKPOINTS:
        raise PillInputError(N_("At most {limit} checkpoints per pill."), "checkpoints",
                             limit=MAX_CHECKPOINTS)
    cleaned = [clean_checkpoint(item, number, duration) for number, item in enumerate(raw, start=1)]
    ids = [checkpoint["id"] for checkpoint in cleaned]
    if len(set(ids)) != len(ids):
        raise PillInputError(N_("Two checkpoints have the same id."), "checkpoints")
    return sorted(cleaned, key=lambda checkpoint: checkpoint["time"])


def correct_indexes(checkpoint):
    if checkpoint["kind"] == "truefalse":
        return [0] if checkpoint["answer"] else [1]
    return [index for index, option in enumerate(checkpoint["options"]) if option["correct"]]


def option_count(checkpoint):
    return 2 if checkpoint["kind"] == "truefalse" else len(checkpoint["options"])


def parse_answer(checkpoint, raw):
    """A learner's answer: a list of option indexes (one for single choice and true/false)."""
    if not isinstance(raw, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in raw):
        raise PillInputError(N_("The answer must be a list of option numbers."), "answer")
    chosen = sorted(set(raw))
    if not chosen:
        raise PillInputError(N_("Choose an answer first."), "answer")
    if any(not 0 <= index < option_count(checkpoint) for index in chosen):
        raise PillInputError(N_("That option does not exist in this question."), "answer")
    if checkpoint["kind"] != "multiple" and len(chosen) != 1:
        raise PillInputError(N_("Choose only one answer for this question."), "answer")
    return chosen


def is_correct(checkpoint, chosen):
    return sorted(chosen) == correct_indexes(checkpoint)


def public_view(checkpoint, gettext):
    """What the learner's browser may know before answering: no correct flags, no feedback.

    The question is cleaned again (it is shown as HTML) in case the field data bypassed Studio."""
    if checkpoint["kind"] == "truefalse":
        options = [gettext("True"), gettext("False")]
    else:
        options = [option["text"] for option in checkpoint["options"]]
    return {
        "id": checkpoint["id"],
        "time": checkpoint["time"],
        "kind": checkpoint["kind"],
        "question": clean_author_html(checkpoint["question"]),
        "options": options,
        "review_from": checkpoint["review_from"],
    }

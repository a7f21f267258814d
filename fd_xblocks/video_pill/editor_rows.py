"""The Studio editor's repeated parts as rows of plain fields, read from the block or from a post.

A checkpoint is one fieldset of fields named ``cp{i}_<name>`` (question, time, kind, one field per
option ``cp{i}_option{j}``, the correct option(s) ``cp{i}_correct``, the true-or-false answer,
feedback, "review from"); ``checkpoint_count`` and ``cp{i}_option_count`` say how many were sent.
A missing index is skipped (the editor script removes a fieldset without renumbering the others).
A caption track is ``captions-{i}-lang`` with an uploaded file ``captions-{i}-file`` or its text
pasted in ``captions-{i}-text``.

The buttons "add a checkpoint", "add an option" and "remove" post the form with ``fd_action``:
the page comes back with one row more or less and nothing is saved, so they work without
JavaScript; the editor script does the same in the page.
"""
import re

from . import author_text
from .checkpoints import MAX_CHECKPOINTS, MAX_OPTIONS
from .errors import N_, PillInputError
from .times import clock

TRACK_KINDS = ("captions", "descriptions")
MAX_TRACKS = 50
RICH_FIELDS = ("question", "feedback_correct", "feedback_incorrect")
ACTIONS = ("save", "add_checkpoint", "add_option", "remove_checkpoint", "remove_option")
NEW_OPTIONS = 3
# Indexes may have gaps (rows removed in the page): counts are bounded, not exact.
MAX_INDEX = 100
CHECKPOINT_FIELD = re.compile(r"^cp(\d{1,4})_")


def blank_checkpoint(index):
    return {"index": index, "id": "", "time": "", "kind": "single", "answer": "",
            "options": [{"index": j, "text": "", "correct": False} for j in range(NEW_OPTIONS)],
            "review_from": "", "focus": False,
            **{name: "" for name in RICH_FIELDS}, **{f"{name}_format": author_text.TEXT for name in RICH_FIELDS}}


def checkpoint_row(index, cp):
    row = blank_checkpoint(index)
    row.update(id=cp.get("id", ""), time=clock(cp["time"]) if cp.get("time") is not None else "",
               kind=cp.get("kind", "single"),
               review_from=clock(cp["review_from"]) if cp.get("review_from") is not None else "")
    if row["kind"] == "truefalse":
        row["answer"] = "true" if cp.get("answer") else "false"
    else:
        row["options"] = [{"index": j, "text": option.get("text", ""), "correct": bool(option.get("correct"))}
                          for j, option in enumerate(cp.get("options", []))]
    for name in RICH_FIELDS:
        row[name], row[f"{name}_format"] = author_text.for_editor(cp.get(name, ""))
    return row


def rows_from_block(block):
    description, description_format = author_text.for_editor(block.description)
    return {
        "description": description, "description_format": description_format,
        "checkpoints": [checkpoint_row(i, cp) for i, cp in enumerate(block.checkpoints)],
        "checkpoint_count": len(block.checkpoints),
        "tracks": {kind: [{"index": i, "lang": lang, "text": text, "remove": False}
                          for i, (lang, text) in enumerate(sorted(getattr(block, kind).items()))]
                   for kind in TRACK_KINDS},
    }


# --- a posted form -----------------------------------------------------------------------------
def _is_number(text):
    """Plain digits 0-9 only: ``str.isdigit`` also says yes to "²", which ``int`` refuses."""
    return text.isascii() and text.isdigit()


def _count(form, name, limit, strict):
    raw = (form.get(name) or "0").strip()
    if not _is_number(raw) or int(raw) > limit:
        if not strict:
            return limit  # look at every index a form may hold
        raise PillInputError(N_("The editor's form is incomplete. Open the editor again; nothing was saved."),
                             "checkpoints")
    return int(raw)


def _indexes(form, pattern, strict):
    """The row indexes the form's field names hold (whatever its counts say), in order."""
    found = sorted({int(match.group(1)) for name in form.keys() if (match := pattern.match(name))})
    if strict and found and found[-1] >= MAX_INDEX:
        raise PillInputError(N_("The editor's form is incomplete. Open the editor again; nothing was saved."),
                             "checkpoints")
    return found[:MAX_INDEX]


def _format(form, name):
    return author_text.HTML if form.get(name) == author_text.HTML else author_text.TEXT


def _posted_checkpoint(form, i, strict):
    prefix = f"cp{i}_"
    if f"{prefix}time" not in form and f"{prefix}question" not in form:
        return None
    get = lambda name: author_text.unix_line_ends(form.get(prefix + name))  # noqa: E731
    correct = set(form.getall(f"{prefix}correct"))
    options = []
    _count(form, f"{prefix}option_count", MAX_INDEX, strict)
    for j in _indexes(form, re.compile(rf"^{prefix}option(\d{{1,4}})$"), strict):
        options.append({"index": j, "text": get(f"option{j}"), "correct": str(j) in correct})
    kind = get("kind")
    row = {"index": i, "id": get("id").strip(), "time": get("time"), "kind": kind, "answer": get("answer"),
           "options": options, "review_from": get("review_from"), "focus": False}
    for name in RICH_FIELDS:
        row[name], row[f"{name}_format"] = get(name), _format(form, f"{prefix}{name}_format")
    return row


def posted_tracks(form, kind):
    """The track rows as posted; an uploaded file is kept apart (``file``) until it is read."""
    rows = []
    for i in range(MAX_TRACKS):
        if f"{kind}-{i}-lang" not in form:
            break
        upload = form.get(f"{kind}-{i}-file")
        rows.append({"index": i, "lang": form.get(f"{kind}-{i}-lang") or "",
                     "text": form.get(f"{kind}-{i}-text") or "", "remove": bool(form.get(f"{kind}-{i}-remove")),
                     "file": upload if getattr(upload, "filename", None) else None})
    return rows


def rows_from_post(form, strict=True):
    """The posted rows; ``strict=False`` never refuses (to show a refused form again as it was sent).

    Texts keep LF line ends only, so a form shown again holds the text that saving it would store."""
    count = _count(form, "checkpoint_count", MAX_INDEX, strict)
    indexes = _indexes(form, CHECKPOINT_FIELD, strict)
    checkpoints = [row for row in (_posted_checkpoint(form, i, strict) for i in indexes) if row is not None]
    count = max([count, *(row["index"] + 1 for row in checkpoints)])
    return {
        "description": author_text.unix_line_ends(form.get("description")),
        "description_format": _format(form, "description_format"),
        "checkpoints": checkpoints, "checkpoint_count": count,
        "tracks": {kind: posted_tracks(form, kind) for kind in TRACK_KINDS},
    }


def apply_action(rows, action):
    """``add_checkpoint``, ``add_option:i``, ``remove_checkpoint:i``, ``remove_option:i:j`` -> the rows changed."""
    name, *args = (action or "").split(":")
    if name not in ACTIONS or not all(_is_number(arg) for arg in args) or len(args) > 2:
        raise PillInputError(N_("The editor's form is incomplete. Open the editor again; nothing was saved."))
    args = [int(arg) for arg in args]
    checkpoints = {row["index"]: row for row in rows["checkpoints"]}
    if name == "add_checkpoint":
        if len(checkpoints) >= MAX_CHECKPOINTS:
            raise PillInputError(N_("At most {limit} checkpoints per pill."), "checkpoints", limit=MAX_CHECKPOINTS)
        new = blank_checkpoint(rows["checkpoint_count"])
        new["focus"] = True
        rows["checkpoints"].append(new)
        rows["checkpoint_count"] += 1
    elif name == "remove_checkpoint" and args and args[0] in checkpoints:
        rows["checkpoints"].remove(checkpoints[args[0]])
    elif name in ("add_option", "remove_option") and args and args[0] in checkpoints:
        options = checkpoints[args[0]]["options"]
        if name == "add_option":
            if len(options) >= MAX_OPTIONS:
                raise PillInputError(N_("Checkpoint {number} needs between 2 and {limit} options."), "checkpoints",
                                     number=args[0] + 1, limit=MAX_OPTIONS)
            options.append({"index": 1 + max((o["index"] for o in options), default=-1), "text": "",
                            "correct": False, "focus": True})
        else:
            options[:] = [o for o in options if len(args) < 2 or o["index"] != args[1]]
    return rows

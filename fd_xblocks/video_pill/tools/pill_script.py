"""A video pill's script: one JSON file per pill, read and checked before any media is made.

::

    {"name": "password-sicure",                       # file names: static/<name>.mp4, fd_video_pill/<name>.xml
     "display_name": "Password sicure",
     "description": "<p>HTML shown above the video</p>",
     "footer": "Firenze Digitale · Sicuri in rete",  # drawn at the bottom of every slide
     "digcomp_competences": ["4.1", "4.2"],
     "completion_threshold": 0.9, "weight": 1, "show_transcript": false,   # optional
     "background": "0x0B3D6E", "webm": true,            # optional: slide colour, also a VP9/Opus file
     "slides": [
       {"id": "intro", "slide": "Text on the\\nslide", "narration": "Italian narration = Italian captions",
        "spoken": "optional: the narration spelled for the speech synthesiser where it would misread it
                   (letters apart: 'C I E'; digits in words: 'uno due tre'); it must say the same words",
        "caption_en": "English caption", "description": "Italian audio description of the slide",
        "description_en": "the same description in English",
        "chapter": "optional chapter title starting at this slide"}],
     "checkpoints": [
       {"id": "cp-1", "after": "<slide id: asked when its narration ends>", "kind": "single",
        "review_from": "<slide id: a wrong answer sends back to its start>",
        "question": "<p>HTML</p>", "options": [{"text": "plain", "correct": true}, ...],
        "answer": true (truefalse only), "feedback_correct": "<p>..</p>", "feedback_incorrect": "<p>..</p>"}]}
"""
import json

import jsonschema

from ..competences import DIGCOMP_COMPETENCE_IDS

TEXT = {"type": "string", "minLength": 1}
SLIDE = {
    "type": "object",
    "required": ["id", "slide", "narration", "caption_en", "description", "description_en"],
    "additionalProperties": False,
    "properties": {"id": {"type": "string", "pattern": r"^[a-z0-9-]{1,40}$"}, "slide": TEXT, "narration": TEXT,
                   "spoken": TEXT, "caption_en": TEXT, "description": TEXT, "description_en": TEXT,
                   "chapter": TEXT},
}
CHECKPOINT = {
    "type": "object",
    "required": ["id", "after", "kind", "question", "feedback_correct", "feedback_incorrect"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": r"^[A-Za-z0-9_-]{1,40}$"},
        "after": TEXT, "review_from": TEXT,
        "kind": {"enum": ["single", "multiple", "truefalse"]},
        "question": TEXT, "feedback_correct": TEXT, "feedback_incorrect": TEXT,
        "answer": {"type": "boolean"},
        "options": {"type": "array", "minItems": 2, "maxItems": 8, "items": {
            "type": "object", "required": ["text"], "additionalProperties": False,
            "properties": {"text": TEXT, "correct": {"type": "boolean"}}}},
    },
}
SCHEMA = {
    "type": "object",
    "required": ["name", "display_name", "description", "footer", "digcomp_competences", "slides", "checkpoints"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{0,60}$"},
        "display_name": TEXT, "description": TEXT, "footer": TEXT,
        "digcomp_competences": {"type": "array", "minItems": 1, "uniqueItems": True,
                                "items": {"enum": list(DIGCOMP_COMPETENCE_IDS)}},
        "completion_threshold": {"type": "number", "minimum": 0.1, "maximum": 1},
        "weight": {"type": "number", "minimum": 0, "maximum": 100},
        "show_transcript": {"type": "boolean"},
        "background": {"type": "string", "pattern": r"^0x[0-9A-Fa-f]{6}$"},
        "webm": {"type": "boolean"},
        "slides": {"type": "array", "minItems": 1, "maxItems": 30, "items": SLIDE},
        "checkpoints": {"type": "array", "maxItems": 20, "items": CHECKPOINT},
    },
}


class ScriptError(ValueError):
    """The script file cannot make a pill; the message says which part and why."""


DIGITS = ("zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove")


def spoken_text(slide):
    """What the speech synthesiser reads for a slide: its ``spoken`` spelling, else the narration."""
    return slide.get("spoken", slide["narration"])


def said(text):
    """The words of a line as the listener hears them: its letters in lower case and its digits read one by
    one in Italian, without spaces or punctuation; the captions and the audio must say the same."""
    return "".join(DIGITS[int(char)] if char in "0123456789" else char.casefold() for char in text
                   if char in "0123456789" or char.isalpha())


def _check_spoken(script):
    for index, slide in enumerate(script["slides"]):
        if said(spoken_text(slide)) != said(slide["narration"]):
            raise ScriptError(f"slides/{index}/spoken: says other words than the narration (the Italian captions); "
                              "it may only spell them for the speech synthesiser (letters apart, digits in words)")


def _check_references(script):
    slides = [slide["id"] for slide in script["slides"]]
    if len(set(slides)) != len(slides):
        raise ScriptError("slide ids must be unique")
    checkpoints = [checkpoint["id"] for checkpoint in script["checkpoints"]]
    if len(set(checkpoints)) != len(checkpoints):
        raise ScriptError("checkpoint ids must be unique")
    for checkpoint in script["checkpoints"]:
        where = f"checkpoint {checkpoint['id']}"
        for key in ("after", "review_from"):
            if key in checkpoint and checkpoint[key] not in slides:
                raise ScriptError(f"{where}: {key} names no slide ({checkpoint[key]!r})")
        if "review_from" in checkpoint and slides.index(checkpoint["review_from"]) > slides.index(checkpoint["after"]):
            raise ScriptError(f"{where}: review_from must not come after the slide it is asked after")
        truefalse = checkpoint["kind"] == "truefalse"
        if truefalse != ("answer" in checkpoint) or (truefalse and "options" in checkpoint):
            raise ScriptError(f"{where}: true/false checkpoints need answer, the others need options")
        if checkpoint["kind"] != "truefalse":
            right = sum(bool(option.get("correct")) for option in checkpoint.get("options", []))
            if "options" not in checkpoint or right < 1 or (checkpoint["kind"] == "single" and right != 1):
                raise ScriptError(f"{where}: mark exactly one right option (single) or at least one (multiple)")


def check_script(script):
    """Raise ScriptError unless ``script`` (already decoded) is a complete pill script."""
    try:
        jsonschema.validate(script, SCHEMA)
    except jsonschema.ValidationError as error:
        place = "/".join(str(part) for part in error.absolute_path) or "the script"
        raise ScriptError(f"{place}: {error.message}") from error
    _check_references(script)
    _check_spoken(script)
    return script


def load_script(path):
    """Read and check one script file; ScriptError names the file and the problem."""
    try:
        script = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ScriptError(f"{path}: {error}") from error
    try:
        return check_script(script)
    except ScriptError as error:
        raise ScriptError(f"{path}: {error}") from error

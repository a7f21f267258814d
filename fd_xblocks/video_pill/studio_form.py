"""The Studio editor as a plain HTML form: its fields' text for the page, and the posted form read
back into the values ``studio.clean_editor_data`` checks (the same as the editor script's JSON).

Without JavaScript the checkpoints are one text box, a block of lines per checkpoint::

    Time: 0:26
    Kind: single                (single, multiple or truefalse)
    Question: Which format is open?
    * CSV                       (an option; "*" marks a correct one, "-" a wrong one)
    - PDF
    Answer: true                (true or false questions only)
    Correct: Right!             (feedback when correct)
    Wrong: Not quite.           (feedback when wrong)
    Review from: 0:20           (optional)

Blank lines separate checkpoints. The keys are read in English or Italian (``Tempo``, ``Tipo``,
``Domanda``, ``Risposta``, ``Giusto``, ``Sbagliato``, ``Rivedi da``) whatever the page's language.
"""
import re

from .errors import N_, PillInputError

KEYS = {
    "id": "id", "time": "time", "tempo": "time", "kind": "kind", "tipo": "kind",
    "question": "question", "domanda": "question", "answer": "answer", "risposta": "answer",
    "correct": "feedback_correct", "giusto": "feedback_correct",
    "wrong": "feedback_incorrect", "sbagliato": "feedback_incorrect",
    "review from": "review_from", "rivedi da": "review_from",
}
KINDS = {"single": "single", "singola": "single", "multiple": "multiple", "multipla": "multiple",
         "truefalse": "truefalse", "vero o falso": "truefalse", "verofalso": "truefalse"}
ANSWERS = {"true": True, "vero": True, "false": False, "falso": False}
# The keys each page writes, in its language (English elsewhere).
WRITTEN = {
    "it": {"time": "Tempo", "kind": "Tipo", "question": "Domanda", "answer": "Risposta",
           "feedback_correct": "Giusto", "feedback_incorrect": "Sbagliato", "review_from": "Rivedi da"},
    "en": {"time": "Time", "kind": "Kind", "question": "Question", "answer": "Answer",
           "feedback_correct": "Correct", "feedback_incorrect": "Wrong", "review_from": "Review from"},
}
MAX_TEXT = 200_000
TIME = re.compile(r"^\d+(\.\d+)?$")


def clock(seconds):
    """12.5 -> "0:12.5", 75 -> "1:15" (what the editor shows and reads back)."""
    seconds = round(float(seconds), 3)
    minutes, rest = divmod(seconds, 60)
    rest = int(rest) if rest == int(rest) else rest
    return f"{int(minutes)}:{'0' if rest < 10 else ''}{rest}"


def parse_clock(text, field):
    """ "m:ss", "h:mm:ss" or seconds -> seconds; "" -> None."""
    text = (text or "").strip().replace(",", ".")
    if not text:
        return None
    parts = text.split(":")
    if len(parts) > 3 or not all(TIME.match(part) for part in parts):
        raise PillInputError(N_("\"{value}\" is not a time: write m:ss or seconds."), field, value=text[:40])
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total


def _number(text, field, message, scale=1):
    text = (text or "").strip().replace(",", ".")
    try:
        return float(text) / scale
    except ValueError:
        raise PillInputError(message, field) from None


# --- the page's text ---------------------------------------------------------------------------
def checkpoints_text(checkpoints, lang):
    keys = WRITTEN.get(lang, WRITTEN["en"])
    blocks = []
    for cp in checkpoints:
        lines = [f"id: {cp['id']}"] if cp.get("id") else []
        lines += [f"{keys['time']}: {clock(cp['time'])}", f"{keys['kind']}: {cp['kind']}",
                  f"{keys['question']}: {_one_line(cp.get('question', ''))}"]
        if cp["kind"] == "truefalse":
            lines.append(f"{keys['answer']}: {'true' if cp.get('answer') else 'false'}")
        else:
            lines += [f"{'*' if option.get('correct') else '-'} {_one_line(option['text'])}"
                      for option in cp.get("options", [])]
        lines += [f"{keys['feedback_correct']}: {_one_line(cp.get('feedback_correct', ''))}",
                  f"{keys['feedback_incorrect']}: {_one_line(cp.get('feedback_incorrect', ''))}"]
        if cp.get("review_from") is not None:
            lines.append(f"{keys['review_from']}: {clock(cp['review_from'])}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _one_line(text):
    return " ".join(str(text).split())


def chapters_text(chapters):
    return "\n".join(f"{clock(chapter['start'])} {chapter['title']}" for chapter in chapters)


def sources_text(sources):
    return "\n".join(f"{source['src']} {source.get('label') or ''}".strip() for source in sources)


# --- the posted form ---------------------------------------------------------------------------
def parse_checkpoints(text):
    """The checkpoints text box -> the list ``clean_checkpoints`` checks; PillInputError names the line."""
    if len(text) > MAX_TEXT:
        raise PillInputError(N_("The checkpoints are too long."), "checkpoints")
    checkpoints, current = [], None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            current = None
            continue
        if current is None:
            current = {"options": []}
            checkpoints.append(current)
        if line[0] in "*-":
            current["options"].append({"text": line[1:].strip(), "correct": line[0] == "*"})
            continue
        key, colon, value = line.partition(":")
        name = KEYS.get(key.strip().lower())
        if not colon or name is None:
            raise PillInputError(N_("Checkpoints, line {line}: start it with Time, Kind, Question, Answer, "
                                    "Correct, Wrong or Review from and a colon, or with * or - for an option."),
                                 "checkpoints", line=number)
        value = value.strip()
        if name in ("time", "review_from"):
            current[name] = parse_clock(value, "checkpoints")
        elif name == "kind":
            if value.lower() not in KINDS:
                raise PillInputError(N_("Checkpoints, line {line}: the kind is single, multiple or truefalse."),
                                     "checkpoints", line=number)
            current["kind"] = KINDS[value.lower()]
        elif name == "answer":
            if value.lower() not in ANSWERS:
                raise PillInputError(N_("Checkpoints, line {line}: the answer is true or false."),
                                     "checkpoints", line=number)
            current["answer"] = ANSWERS[value.lower()]
        else:
            current[name] = value
    for checkpoint in checkpoints:
        checkpoint.setdefault("kind", "single")
        if checkpoint["kind"] == "truefalse":
            checkpoint.pop("options")
    return checkpoints


def parse_chapters(text):
    """ "m:ss Title" lines, or a WebVTT chapters file (left to ``clean_chapters_input``)."""
    if text.lstrip().startswith("WEBVTT") or not text.strip():
        return text
    chapters = []
    for line in text.splitlines():
        if not line.strip():
            continue
        start, _space, title = line.strip().partition(" ")
        chapters.append({"start": parse_clock(start, "chapters"), "title": title.strip()})
    return chapters


def _tracks(form, kind):
    tracks = []
    for index in range(50):
        lang, text = form.get(f"{kind}-{index}-lang"), form.get(f"{kind}-{index}-text")
        if lang is None and text is None:
            break
        if (lang or "").strip() or (text or "").strip():
            tracks.append({"lang": (lang or "").strip(), "text": text or ""})
    return tracks


def editor_data_from_form(form):
    """A posted editor form (webob MultiDict) -> the dict the editor script sends as JSON."""
    get = lambda name: form.get(name) or ""  # noqa: E731
    return {
        "display_name": get("display_name"),
        "description": get("description"),
        "sources": [{"src": parts[0], "label": " ".join(parts[1:])}
                    for parts in (line.split() for line in get("sources").splitlines()) if parts],
        "hls_url": get("hls_url").strip(),
        "youtube_id": get("youtube_id").strip(),
        "poster": get("poster").strip(),
        "duration": _number(get("duration"), "duration",
                            N_("The duration must be a number of seconds greater than zero.")),
        "captions": _tracks(form, "captions"),
        "descriptions": _tracks(form, "descriptions"),
        "chapters": parse_chapters(get("chapters")),
        "checkpoints": parse_checkpoints(get("checkpoints")),
        "completion_threshold": _number(get("threshold"), "completion_threshold", N_(
            "The completion threshold must be between 0.1 and 1 (for example 0.9 for 90%)."), scale=100),
        "weight": _number(get("weight"), "weight", N_("The weight must be a number between 0 and 100.")),
        "show_transcript": bool(form.get("show_transcript")),
        "digcomp_competences": form.getall("digcomp"),
    }

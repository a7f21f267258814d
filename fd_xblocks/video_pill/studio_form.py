"""The Studio editor as a plain HTML form: the posted fields read back into the values
``studio.clean_editor_data`` checks (the same as ``studio_submit``'s JSON).

Checkpoints and caption tracks come as rows of fields (``editor_rows``); the introduction,
questions and feedback as plain text (``author_text``) unless the editor showed them as HTML;
a caption file as an upload (.vtt or .srt) or, in the advanced part, its text pasted.
"""
from . import author_text
from . import captions as caption_files
from .editor_rows import RICH_FIELDS, TRACK_KINDS, rows_from_post
from .errors import N_, PillInputError
from .times import clock, parse_clock

__all__ = ["clock", "parse_clock", "editor_data_from_form", "read_uploads", "chapters_text", "sources_text"]
CAPTION_EXTENSIONS = (".vtt", ".srt")
MAX_UPLOAD_BYTES = 2 * caption_files.MAX_CAPTION_CHARS


def _number(text, field, message, scale=1):
    text = (text or "").strip().replace(",", ".")
    try:
        return float(text) / scale
    except ValueError:
        raise PillInputError(message, field) from None


def chapters_text(chapters):
    return "\n".join(f"{clock(chapter['start'])} {chapter['title']}" for chapter in chapters)


def sources_text(sources):
    return "\n".join(f"{source['src']} {source.get('label') or ''}".strip() for source in sources)


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


# --- uploaded caption files --------------------------------------------------------------------
def read_caption_upload(upload, kind):
    """An uploaded .vtt/.srt file -> its text as clean WebVTT; PillInputError names the file."""
    name = str(upload.filename)[-80:]
    if not name.lower().endswith(CAPTION_EXTENSIONS):
        raise PillInputError(N_("The file \"{name}\" is not a caption file: choose a .vtt or .srt file."),
                             kind, name=name)
    data = upload.file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise PillInputError(N_("The file \"{name}\" is too big for a caption file."), kind, name=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PillInputError(N_("The file \"{name}\" is not plain text in UTF-8: save it again as UTF-8."),
                             kind, name=name) from None
    try:
        return caption_files.normalise(text, kind)
    except PillInputError as error:
        raise PillInputError(N_("The file \"{name}\": {problem}"), kind, name=name, problem=error) from error


def read_uploads(rows):
    """Put each uploaded file's text in its row (so a page shown again keeps it); the first bad file raises.

    Every good file is read before the bad one raises, so nothing uploaded well is lost."""
    problem = None
    for kind in TRACK_KINDS:
        for row in rows["tracks"][kind]:
            upload = row.pop("file", None)
            if upload is None:
                continue
            try:
                row["text"] = read_caption_upload(upload, kind)
            except PillInputError as error:
                problem = problem or error
    if problem is not None:
        raise problem
    return rows


# --- rows -> the values clean_editor_data checks -----------------------------------------------
def _option_list(row):
    return [{"text": option["text"], "correct": option["correct"]}
            for option in row["options"] if option["text"].strip()]


def _is_blank(row):
    return not any((row["time"].strip(), row["question"].strip(), *(o["text"].strip() for o in row["options"])))


def checkpoints_from_rows(rows):
    checkpoints = []
    for row in rows:
        if _is_blank(row):
            continue  # an added checkpoint left empty
        number = len(checkpoints) + 1
        time = parse_clock(row["time"], "checkpoints")
        if time is None:
            raise PillInputError(N_("Checkpoint {number}: write when it stops the video (m:ss or seconds)."),
                                 "checkpoints", number=number)
        checkpoint = {"time": time, "kind": row["kind"], "review_from": parse_clock(row["review_from"], "checkpoints"),
                      **{name: author_text.from_editor(row[name], row[f"{name}_format"]) for name in RICH_FIELDS}}
        if row["id"]:
            checkpoint["id"] = row["id"]
        if row["kind"] == "truefalse":
            checkpoint["answer"] = {"true": True, "false": False}.get(row["answer"])
        else:
            checkpoint["options"] = _option_list(row)
        checkpoints.append(checkpoint)
    return checkpoints


def tracks_from_rows(rows):
    return [{"lang": row["lang"].strip(), "text": row["text"]} for row in rows
            if not row["remove"] and (row["lang"].strip() or row["text"].strip())]


def editor_data_from_form(form, rows=None):
    """A posted editor form (webob MultiDict) -> the dict the JSON handler takes.

    ``rows``: the form's rows already read (``rows_from_post`` + ``read_uploads``)."""
    if rows is None:
        rows = read_uploads(rows_from_post(form))
    get = lambda name: form.get(name) or ""  # noqa: E731
    return {
        "display_name": get("display_name"),
        "description": author_text.from_editor(rows["description"], rows["description_format"]),
        "sources": [{"src": parts[0], "label": " ".join(parts[1:])}
                    for parts in (line.split() for line in get("sources").splitlines()) if parts],
        "hls_url": get("hls_url").strip(),
        "youtube_id": get("youtube_id").strip(),
        "poster": get("poster").strip(),
        "duration": _number(get("duration"), "duration",
                            N_("The duration must be a number of seconds greater than zero.")),
        "captions": tracks_from_rows(rows["tracks"]["captions"]),
        "descriptions": tracks_from_rows(rows["tracks"]["descriptions"]),
        "chapters": parse_chapters(get("chapters")),
        "checkpoints": checkpoints_from_rows(rows["checkpoints"]),
        "completion_threshold": _number(get("threshold"), "completion_threshold", N_(
            "The completion threshold must be between 0.1 and 1 (for example 0.9 for 90%)."), scale=100),
        "weight": _number(get("weight"), "weight", N_("The weight must be a number between 0 and 100.")),
        "show_transcript": bool(form.get("show_transcript")),
        "digcomp_competences": form.getall("digcomp"),
    }

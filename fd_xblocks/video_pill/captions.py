"""Caption files: WebVTT and SRT parsed with webvtt-py, stored as normalised WebVTT text.

Errors name the line of the file that is wrong, so an author can fix it.
"""
import io
import re

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from .errors import N_, PillInputError

MAX_CAPTION_CHARS = 500_000
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$")
TRACK_KINDS = ("captions", "descriptions", "chapters")


def clean_language(code, field="captions"):
    if not isinstance(code, str) or not LANGUAGE_CODE.match(code.strip()):
        raise PillInputError(
            N_("\"{code}\" is not a language code such as it or en."), field, code=str(code)[:20],
        )
    return code.strip()


def detect_format(text):
    return "vtt" if text.lstrip("\ufeff \t\r\n").startswith("WEBVTT") else "srt"


def _parse(text, fmt):
    return webvtt.WebVTT.from_buffer(io.StringIO(text), format=fmt).captions


def _timing_line_parses(line, fmt):
    """Does this one timing line parse on its own, with a line of text under it?"""
    probe = f"WEBVTT\n\n{line}\nx\n" if fmt == "vtt" else f"1\n{line}\nx\n"
    try:
        return len(_parse(probe, fmt)) == 1
    except (MalformedCaptionError, MalformedFileError, ValueError, IndexError):
        return False


def _first_bad_line(lines, fmt):
    for number, line in enumerate(lines, start=1):
        if "-->" in line and not _timing_line_parses(line.strip(), fmt):
            return number
    return None


def parse_caption_text(text, field="captions"):
    """Parse WebVTT or SRT text; return a list of cues {"start", "end", "text"} in seconds.

    Raises PillInputError naming the line at fault (or saying why the file is not captions).
    """
    if not isinstance(text, str):
        raise PillInputError(N_("A caption file must be text."), field)
    if len(text) > MAX_CAPTION_CHARS:
        raise PillInputError(N_("This caption file is too long (at most {limit} characters)."), field,
                             limit=MAX_CAPTION_CHARS)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise PillInputError(N_("The caption file is empty."), field)
    fmt = detect_format(text)
    lines = text.split("\n")
    try:
        captions = _parse(text, fmt)
    except (MalformedCaptionError, MalformedFileError, ValueError, IndexError) as error:
        bad = _first_bad_line(lines, fmt)
        if bad:
            raise PillInputError(
                N_("Line {line} of the caption file has a timing that cannot be read: \"{text}\"."),
                field, line=bad, text=lines[bad - 1].strip()[:80],
            ) from error
        raise PillInputError(
            N_("This is neither a WebVTT file (starting with WEBVTT) nor an SRT file."), field,
        ) from error
    timing_lines = [i for i, line in enumerate(lines, start=1) if "-->" in line]
    if len(captions) < len(timing_lines):
        bad = _first_bad_line(lines, fmt) or timing_lines[len(captions)]
        raise PillInputError(
            N_("Line {line} of the caption file has a timing that cannot be read: \"{text}\"."),
            field, line=bad, text=lines[bad - 1].strip()[:80],
        )
    if not captions:
        raise PillInputError(N_("The caption file has no cues (no lines with \"-->\" timings)."), field)
    cues = []
    for number, caption in zip(timing_lines, captions, strict=False):
        start, end = _seconds(caption.start), _seconds(caption.end)
        if end < start:
            raise PillInputError(N_("Line {line} of the caption file ends before it starts."), field,
                                 line=number)
        cues.append({
            "start": start,
            "end": end,
            "text": caption.text.replace("-->", "->").strip(),
        })
    return cues


def _seconds(timestamp):
    """'00:01:02.500' -> 62.5 (webvtt-py keeps millisecond precision in the string)."""
    hours, minutes, seconds = timestamp.split(":")
    return round(int(hours) * 3600 + int(minutes) * 60 + float(seconds), 3)


def format_timestamp(seconds):
    millis = int(round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def cues_to_vtt(cues):
    blocks = ["WEBVTT"]
    for cue in cues:
        text = "\n".join(line for line in cue["text"].split("\n") if line.strip()) or "-"
        blocks.append(f"{format_timestamp(cue['start'])} --> {format_timestamp(cue['end'])}\n{text}")
    return "\n\n".join(blocks) + "\n"


def normalise(text, field="captions"):
    """Parse WebVTT or SRT and return it as clean WebVTT text (what the block stores)."""
    return cues_to_vtt(parse_caption_text(text, field))


TAG = re.compile(r"<[^>]*>")


def cues_to_plain_text(cues):
    """Transcript as plain text: cue text without WebVTT tags (<v Speaker>, <i>), one cue a line."""
    return "\n".join(TAG.sub("", cue["text"]).replace("&amp;", "&").replace("&lt;", "<")
                     .replace("&gt;", ">") for cue in cues) + "\n"

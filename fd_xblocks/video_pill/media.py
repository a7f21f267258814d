"""Validation of the pill's media settings: sources, HLS, YouTube id, poster, chapters, duration."""
import re

from fd_core.sanitize import is_http_url

from .errors import N_, PillInputError
from .intervals import is_number

SOURCE_TYPES = {"mp4": "video/mp4", "webm": "video/webm", "ogv": "video/ogg", "ogg": "video/ogg"}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
MAX_SOURCES = 8
MAX_CHAPTERS = 50
MAX_DURATION = 6 * 3600


def clean_url(value, field, required=False):
    """An http(s) URL or a course file path (/static/...); empty allowed unless required."""
    value = (value or "").strip() if isinstance(value, str) or value is None else value
    if value == "" and not required:
        return ""
    if not is_http_url(value, allow_relative=True) or str(value).startswith("//"):
        raise PillInputError(
            N_("\"{value}\" is not a web address: use http://, https:// or a course file /static/..."),
            field, value=str(value)[:120],
        )
    return value


def source_type(url):
    extension = url.split("?", 1)[0].rsplit(".", 1)[-1].lower()
    return SOURCE_TYPES.get(extension)


def clean_sources(raw):
    """[{"src": url, "type": "video/mp4", "label": "360p"}, ...]; the type is taken from the file name."""
    if not isinstance(raw, list) or len(raw) > MAX_SOURCES:
        raise PillInputError(N_("Video files must be a list of at most {limit} addresses."), "sources",
                             limit=MAX_SOURCES)
    sources = []
    for item in raw:
        if isinstance(item, str):
            item = {"src": item}
        if not isinstance(item, dict):
            raise PillInputError(N_("Each video file needs an address."), "sources")
        src = clean_url(item.get("src"), "sources", required=True)
        kind = item.get("type") or source_type(src)
        if kind not in SOURCE_TYPES.values():
            raise PillInputError(N_("\"{value}\" is not an mp4, webm or ogv video file."), "sources",
                                 value=src[:120])
        label = item.get("label") or ""
        if not isinstance(label, str) or len(label) > 40:
            raise PillInputError(N_("A quality label is a short text such as 360p."), "sources")
        sources.append({"src": src, "type": kind, "label": label.strip()})
    return sources


def clean_hls_url(value):
    url = clean_url(value, "hls_url")
    if url and ".m3u8" not in url.split("?", 1)[0]:
        raise PillInputError(N_("An HLS address ends in .m3u8."), "hls_url")
    return url


def clean_youtube_id(value):
    value = (value or "").strip() if isinstance(value, str) or value is None else value
    if value and (not isinstance(value, str) or not YOUTUBE_ID.match(value)):
        raise PillInputError(N_("A YouTube id is the 11 characters after v= in the video address."),
                             "youtube_id")
    return value


def clean_duration(value):
    if not is_number(value) or not 0 < value <= MAX_DURATION:
        raise PillInputError(N_("The duration must be a number of seconds greater than zero."), "duration")
    return round(float(value), 3)


def clean_threshold(value):
    if not is_number(value) or not 0.1 <= value <= 1.0:
        raise PillInputError(
            N_("The completion threshold must be between 0.1 and 1 (for example 0.9 for 90%)."),
            "completion_threshold",
        )
    return float(value)


def clean_weight(value):
    if not is_number(value) or not 0 <= value <= 100:
        raise PillInputError(N_("The weight must be a number between 0 and 100."), "weight")
    return float(value)


def clean_chapters(raw, duration):
    """[{"start": seconds, "title": plain text}, ...] sorted by start, inside the video."""
    if not isinstance(raw, list) or len(raw) > MAX_CHAPTERS:
        raise PillInputError(N_("Chapters must be a list of at most {limit} entries."), "chapters",
                             limit=MAX_CHAPTERS)
    chapters = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise PillInputError(N_("Chapter {number} needs a start time and a title."), "chapters",
                                 number=number)
        start, title = item.get("start"), item.get("title")
        if not is_number(start) or start < 0 or start > duration:
            raise PillInputError(N_("Chapter {number}: its start must be inside the video (0-{duration})."),
                                 "chapters", number=number, duration=round(duration, 2))
        if not isinstance(title, str) or not title.strip() or len(title) > 200:
            raise PillInputError(N_("Chapter {number} needs a title (at most 200 characters)."), "chapters",
                                 number=number)
        chapters.append({"start": float(start), "title": title.strip()})
    return sorted(chapters, key=lambda chapter: chapter["start"])


def chapters_from_cues(cues):
    """A WebVTT chapters track (one cue per chapter) as a chapter list."""
    return [{"start": cue["start"], "title": cue["text"].replace("\n", " ")} for cue in cues]

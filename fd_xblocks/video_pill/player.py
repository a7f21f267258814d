"""The pill's player HTML, made once per content version and language, plus each learner's state.

Rendering the player (template, transcript, checkpoints, strings) costs far more than a plain HTML
block, and it is the same for every learner who sees the same content in the same language. So
the page is rendered once per *variant* and kept in a small per-process cache; a learner's view
adds only their own state into three slots: the player's JSON state (position, speed, completion,
answered checkpoints), the selected speed, and the "watched" line.

The variant key is a hash of everything the cached HTML shows: the block's content and settings
fields, its usage id, the interface language, the default caption language (one of the block's
own languages), the handler and resource URLs the runtime gives, and the operator's HLS setting.
No learner's field goes into the cached part: the slots are filled per call, after the cache.
See docs/decisions/ (video pill player cache).
"""
import secrets
from collections import OrderedDict
from decimal import Decimal
from threading import Lock

from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.translation import get_language

from .checkpoints import public_view
from .intervals import SPEEDS, coverage
from .rendering import clean_author_html, json_for_script, render
from .strings import language_label, learner_strings

# Unguessable slot markers: author text is escaped (no "<!--" survives) and the token changes per process.
_TOKEN = secrets.token_hex(8)
SLOTS = ("state", "speeds", "progress")
_MARK = {name: f"<!--fd-pill-{_TOKEN}-{name}-->" for name in SLOTS}
CACHE_SIZE = 512
_cache = OrderedDict()
_lock = Lock()


def clock_text(seconds):
    seconds = int(seconds or 0)
    return f"{seconds // 60}:{seconds % 60:02d}"


# What the cached player shows besides the learner's state (content and settings fields).
VIEW_FIELDS = ("display_name", "description", "sources", "hls_url", "youtube_id", "poster", "duration", "captions",
               "descriptions", "chapters", "checkpoints", "completion_threshold", "show_transcript")


def runtime_urls(block):
    """The runtime's handler and resource URLs the player shows (constant for a block instance, so kept on it)."""
    urls = block.__dict__.get("_fd_player_urls")
    if urls is None:
        runtime = block.runtime
        settings = runtime.service(block, "settings")
        bucket = settings.get_settings_bucket(block) if settings else {}
        urls = block.__dict__["_fd_player_urls"] = {
            **{name: runtime.handler_url(block, name) for name in ("progress", "answer", "event")},
            "track": block.track_url("captions", "x"),
            # Vendored with the block; an operator may point HLS_JS_URL at a CDN instead.
            "hls_js": bucket.get("HLS_JS_URL")
            or runtime.local_resource_url(block, "public/js/vendor/hls.light.min.js"),
            **{name: runtime.local_resource_url(block, f"public/{name}") for name in RESOURCES},
        }
    return urls


RESOURCES = ("video_pill.css", "video_pill_media.js", "video_pill.js")


def content_version(block):
    """The shown fields' values as one exact string (``repr``), remade only when a field holds a new value.

    The values are read from the block's own field cache when it holds them: reading a list or
    dict field through its descriptor deep-copies it (XBlock's dirty tracking), and the runtime's
    save after each view compares every copy again. The string is kept on the block instance with
    the values it was made from: while each field still holds the very same object, it stands
    (setting a field, as Studio does, stores a new object).
    """
    cached = getattr(block, "_field_data_cache", None) or {}
    values = tuple(cached[name] if name in cached else getattr(block, name) for name in VIEW_FIELDS)
    memo = block.__dict__.get("_fd_player_content")
    if memo is None or any(a is not b for a, b in zip(memo[0], values, strict=True)):
        memo = block.__dict__["_fd_player_content"] = (values, repr(values))
    return memo[1]


def variant_key(block, cc_default, language, urls):
    """Everything the cached player shows (never a learner's state), as an exact dictionary key.

    ``repr`` of the field values is exact; the dictionary compares whole keys, so two versions of
    a pill never share an entry.
    """
    return (content_version(block), str(block.scope_ids.usage_id), get_language(), language, cc_default,
            tuple(urls.values()))


def _cached(key, make):
    with _lock:
        entry = _cache.get(key)
        if entry is not None:
            _cache.move_to_end(key)
            return entry
    entry = make()
    with _lock:
        _cache[key] = entry
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return entry


def player_html(block, _):
    """The learner's player: the cached variant with this learner's state in its slots."""
    language = block.learner_language()
    cc_default = block.default_caption_language(language)
    urls = runtime_urls(block)
    entry = _cached(variant_key(block, cc_default, language, urls),
                    lambda: _render_variant(block, _, cc_default, urls))
    return _fill(entry, block)


def _render_variant(block, _, cc_default, urls):
    uid = "fd-pill-" + str(block.scope_ids.usage_id).replace(":", "-").replace("+", "-").replace("@", "-")
    caption_languages = [{
        "code": code, "label": language_label(code, _), "default": code == cc_default,
        "txt": block.track_url("transcript", code, "txt"),
        "vtt": block.track_url("transcript", code, "vtt"),
    } for code in sorted(block.captions)]
    tracks = [{"kind": "captions", "lang": lang["code"], "label": lang["label"],
               "default": lang["default"], "src": block.track_url("captions", lang["code"])}
              for lang in caption_languages]
    tracks += [{"kind": "descriptions", "lang": code, "label": language_label(code, _),
                "default": False, "src": block.track_url("descriptions", code)}
               for code in sorted(block.descriptions)]
    if block.chapters:
        lang = cc_default or block.learner_language()
        tracks.append({"kind": "chapters", "lang": lang, "label": _("Chapters"), "default": False,
                       "src": block.track_url("chapters", lang)})
    strings = learner_strings(_)
    transcript_language = cc_default or (sorted(block.captions)[0] if block.captions else "")
    code = block.playback_code()
    shared_state = {
        "progressUrl": urls["progress"], "answerUrl": urls["answer"], "eventUrl": urls["event"],
        "duration": block.duration, "threshold": block.completion_threshold, "code": code,
        "youtubeId": block.youtube_id if code == "youtube" else "",
        "hlsJsUrl": urls["hls_js"],
        "strings": strings["js"],
        "tracks": block.track_urls(),
        "descriptionLanguage": block.default_description_language(),
        "transcriptLanguage": transcript_language,
        "defaultCaptionIndex": 1 + next((i for i, lang in enumerate(caption_languages) if lang["default"]), 0),
    }
    context = {
        # Author HTML is cleaned on save and again here, in case field data bypassed Studio.
        "uid": uid, "display_name": block.display_name, "description": clean_author_html(block.description),
        "use_youtube": code == "youtube", "youtube_id": block.youtube_id,
        "sources": block.sources, "poster": block.poster, "qualities": block.qualities(),
        "hls_url": block.hls_url, "tracks": tracks,
        "duration": str(int(block.duration)), "duration_text": clock_text(block.duration),
        "caption_languages": caption_languages, "has_descriptions": bool(block.descriptions),
        "show_transcript": block.show_transcript,
        "chapters": [{"start": repr(float(chapter["start"])), "title": chapter["title"],
                      "seconds": str(int(chapter["start"])), "time": clock_text(chapter["start"])}
                     for chapter in block.chapters],
        # The transcript is in the page (readable without JavaScript; the player reuses these cues).
        "transcript_language": transcript_language,
        "transcript_cues": block.transcript_cues(transcript_language, strings["js"]["at"]),
        "t": strings["html"],
        "state_json": _MARK["state"], "speed_options": _MARK["speeds"], "progress_html": _MARK["progress"],
    }
    html = render("student_view.html", context, block.runtime.service(block, "i18n"))
    segments, rest = [], html
    for name in SLOTS:
        before, found, rest = rest.partition(_MARK[name])
        if not found or _MARK[name] in rest:
            raise ValueError(f"the player template must hold the {name} slot once")
        segments.append(before)
    segments.append(rest)
    checkpoints = [public_view(cp, _) for cp in block.checkpoints]
    speed_labels = [(speed, f"{speed:g}", number_format(Decimal(f"{speed:g}")) + "x") for speed in SPEEDS]
    return {
        "segments": tuple(segments),
        "state_prefix": json_for_script(shared_state)[:-1] + ",",
        # Each checkpoint's public JSON without its closing brace: the learner's answered/correct follow.
        "checkpoints": [(cp["id"], json_for_script(cp)[:-1]) for cp in checkpoints],
        # The speed menu once per selected speed (numbers as strings: "1.5", not the localised "1,5").
        "speeds": {selected: "".join(
            format_html('<option value="{}"{}>{}</option>', value, " selected" if speed == selected else "", label)
            for speed, value, label in speed_labels) for selected in (*SPEEDS, None)},
        "complete": escape(strings["html"]["complete"]),
        "watched_percent": escape(strings["html"]["watched_percent"]),
        "watched": escape(strings["html"]["watched"]),
    }


def _fill(entry, block):
    """The learner's own state, escaped, into the three slots of the cached player."""
    answers, position, duration = block.answers, block.position, block.duration
    speed, completed = block.speed, block.completed
    checkpoints = ",".join(
        f'{head},"answered":{_TRUE_FALSE[cp_id in answers]},'
        f'"correct":{_TRUE_FALSE[bool(answers.get(cp_id, {}).get("correct", False))]}}}'
        for cp_id, head in entry["checkpoints"])
    learner = json_for_script({"position": position if position < duration - 3 else 0, "speed": speed,
                               "completed": completed})
    state = f'{entry["state_prefix"]}{learner[1:-1]},"checkpoints":[{checkpoints}]}}'
    speeds = entry["speeds"].get(speed if speed in SPEEDS else None) or entry["speeds"][None]
    percent = int(coverage(block.watched, duration) * 100)
    text = entry["complete"] if completed else entry["watched_percent"].format(percent=percent)
    progress = (f'<span class="fd-pill__progress-text">{text}</span> <progress max="100" value="{percent}" '
                f'aria-label="{entry["watched"]}">{percent}%</progress>')
    first, after_state, after_speeds, last = entry["segments"]
    return "".join((first, state, after_state, speeds, after_speeds, progress, last))


_TRUE_FALSE = {True: "true", False: "false"}

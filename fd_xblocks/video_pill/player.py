"""The pill's player HTML, made once per content version and language, plus each learner's state.

Rendering the player (template, transcript, checkpoints, strings) costs far more than a plain HTML
block, and it is the same for every learner who sees the same content in the same language. So
the page is rendered once per *variant* and kept in Django's cache (the LMS's shared cache, so one
process's render serves the others); a learner's view adds only their own state into three slots:
the player's JSON state (position, speed, completion, answered checkpoints), the selected speed,
and the "watched" line.

The variant key is a hash of everything the cached HTML shows: the block's content and settings
fields, its usage id, the interface language, the learner's language, the default caption language
(one of the block's own languages), the handler and resource URLs the runtime gives, and the
operator's HLS setting. No learner's field goes into the cached part: the slots are filled per
call, after the cache. The entry holds plain strings only (the HTML around the slots, the
pre-rendered pieces of the slots and the fragment's resource list). See docs/decisions/0020.
"""
import base64
import hashlib
import math
import operator
import secrets
from decimal import Decimal

from django.core.cache import cache
from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.translation import get_language

from .checkpoints import public_view
from .intervals import SPEEDS, coverage
from .rendering import clean_author_html, json_for_script, render
from .strings import language_label, learner_strings

# Unguessable slot markers: author text is escaped (no "<!--" survives) and the token changes per process.
# They only cut the freshly rendered HTML into segments; the cache keeps the segments, not the markers.
_TOKEN = secrets.token_hex(8)
SLOTS = ("state", "speeds", "progress")
_MARK = {name: f"<!--fd-pill-{_TOKEN}-{name}-->" for name in SLOTS}
# Raise when the template or the entry's layout changes, so entries cached before are not reused.
PLAYER_VERSION = 1
# The key changes with every edit, so an entry is never stale: it only ages out.
PLAYER_CACHE_SECONDS = 7 * 24 * 3600


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
# The fragment's resources: (file, MIME type, placement as web_fragments places each type by default).
RESOURCE_TYPES = (("video_pill.css", "text/css", "head"), ("video_pill_media.js", "application/javascript", "foot"),
                  ("video_pill.js", "application/javascript", "foot"))


def content_version(block):
    """The shown fields' values and a digest of them, the usage id and the runtime's URLs.

    The values are read from the block's own field cache when it holds them: reading a list or
    dict field through its descriptor deep-copies it (XBlock's dirty tracking), and the runtime's
    save after each view compares every copy again. The digest is kept on the block instance with
    the values it was made from: while each field still holds the very same object, it stands
    (setting a field, as Studio does, stores a new object). Returns ``(values, digest, caption codes)``.
    """
    values = field_values(block, VIEW_FIELDS, _VIEW_VALUES)
    memo = block.__dict__.get("_fd_player_content")
    if memo is None or not all(map(operator.is_, memo[0], values)):
        shown = repr((PLAYER_VERSION, values, str(block.scope_ids.usage_id), tuple(runtime_urls(block).values())))
        memo = block.__dict__["_fd_player_content"] = (
            values, hashlib.sha256(shown.encode()).hexdigest(), tuple(sorted(values[_CAPTIONS])))
    return memo


_VIEW_VALUES = operator.itemgetter(*VIEW_FIELDS)
_CAPTIONS = VIEW_FIELDS.index("captions")
_DURATION = VIEW_FIELDS.index("duration")


def field_values(block, names, getter):
    """The fields' values (``getter`` is ``operator.itemgetter(*names)``), from the block's field cache
    when it holds them all, else through the fields (which load them into it).

    Only read, never changed: read through the descriptor, a list or dict field would be deep-copied
    for XBlock's dirty tracking, and the runtime's save after each view would compare every copy again.
    """
    try:
        return getter(block._field_data_cache)  # XBlock's own cache of the loaded field values
    except (AttributeError, KeyError):
        return tuple(getattr(block, name) for name in names)


def field_value(block, name):
    """One field's value, read as ``field_values`` reads them."""
    cached = getattr(block, "_field_data_cache", None)
    return cached[name] if cached is not None and name in cached else getattr(block, name)


def variant_key(block, content):
    """The Django cache key of what this learner's player shows, but for their state.

    The content digest (``content_version``) with the interface and learner languages and the
    default caption language (an index into the block's own caption languages, which the digest
    covers), hashed again so that the key stays short and safe for memcached whatever the codes
    hold; the keys made are kept on the block instance with the digest. Returns ``(key, default caption code)``.
    """
    _, digest, codes = content
    language = block.learner_language()
    cc_default = block.default_caption_language(language, codes)
    shown = (get_language(), language, codes.index(cc_default) if cc_default else -1)
    keys = block.__dict__.get("_fd_player_keys")
    if keys is None or keys[0] is not digest:
        keys = block.__dict__["_fd_player_keys"] = (digest, {})
    key = keys[1].get(shown)
    if key is None:
        key = keys[1][shown] = "fd_video_pill:" + base64.urlsafe_b64encode(
            hashlib.blake2b(repr((digest, shown)).encode(), digest_size=18).digest()).decode()
    return key, cc_default


LEARNER_FIELDS = ("answers", "position", "speed", "completed", "watched")
_LEARNER_VALUES = operator.itemgetter(*LEARNER_FIELDS)


def player_view(block):
    """``(html, resources)``: the cached variant with this learner's state in its slots, and the
    fragment's resources as ``(url, mimetype, placement)``."""
    content = content_version(block)
    key, cc_default = variant_key(block, content)
    entry = cache.get(key)
    if entry is None:
        entry = _render_variant(block, block._gettext(), cc_default, runtime_urls(block))
        cache.set(key, entry, PLAYER_CACHE_SECONDS)
    return _fill(entry, block, content[0][_DURATION]), entry[_RESOURCES]


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
    # A tuple of plain strings (cheap to unpickle on each view), laid out as the _ENTRY names say.
    return (
        *segments,
        json_for_script(shared_state)[:-1] + ",",
        # Each checkpoint's public JSON without its closing brace: the learner's answered/correct follow.
        tuple((str(cp["id"]), json_for_script(cp)[:-1]) for cp in checkpoints),
        # The speed menu once per selected speed, the last for a speed off the menu (numbers as
        # strings: "1.5", not the localised "1,5").
        tuple(str("".join(
            format_html('<option value="{}"{}>{}</option>', value, " selected" if speed == selected else "", label)
            for speed, value, label in speed_labels)) for selected in (*SPEEDS, None)),
        str(escape(strings["html"]["complete"])),
        str(escape(strings["html"]["watched_percent"])),
        str(escape(strings["html"]["watched"])),
        tuple((urls[name], mimetype, placement) for name, mimetype, placement in RESOURCE_TYPES),
    )


_ENTRY = ("first", "after_state", "after_speeds", "last", "state_prefix", "checkpoints", "speeds", "complete",
          "watched_percent", "watched", "resources")
_RESOURCES = _ENTRY.index("resources")
_SPEED_INDEX = {speed: index for index, speed in enumerate(SPEEDS)}


def _fill(entry, block, duration):
    """The learner's own state, escaped, into the three slots of the cached player."""
    (first, after_state, after_speeds, last, state_prefix, heads, speeds, complete, watched_percent, watched,
     _resources) = entry
    answers, position, speed, completed, watched = field_values(block, LEARNER_FIELDS, _LEARNER_VALUES)
    checkpoints = ",".join(
        f'{head},"answered":{_TRUE_FALSE[cp_id in answers]},'
        f'"correct":{_TRUE_FALSE[bool(answers.get(cp_id, {}).get("correct", False))]}}}'
        for cp_id, head in heads)
    # Numbers as JSON writes them (``repr``); a value JSON cannot hold is shown as the start.
    shown_position = position if position < duration - 3 and math.isfinite(position) else 0
    shown_speed = float(speed) if math.isfinite(speed) else 1.0
    state = (f'{state_prefix}"position":{float(shown_position)!r},"speed":{shown_speed!r},'
             f'"completed":{_TRUE_FALSE[bool(completed)]},"checkpoints":[{checkpoints}]}}')
    speed_menu = speeds[_SPEED_INDEX.get(speed, -1)]
    percent = int(coverage(watched, duration) * 100)
    text = complete if completed else watched_percent.format(percent=percent)
    progress = (f'<span class="fd-pill__progress-text">{text}</span> <progress max="100" value="{percent}" '
                f'aria-label="{watched}">{percent}%</progress>')
    return "".join((first, state, after_state, speed_menu, after_speeds, progress, last))


_TRUE_FALSE = {True: "true", False: "false"}

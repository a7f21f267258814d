"""Studio: the editor of every field, its validation, and the save handler."""
from web_fragments.fragment import Fragment

from fd_core.sanitize import clean_html
from fd_core.xblock_auth import caller_is_course_staff

from . import captions as caption_files
from . import media
from .checkpoints import clean_checkpoints
from .competences import DIGCOMP_COMPETENCE_IDS, clean_competences
from .errors import N_, PillInputError
from .json_endpoint import json_endpoint
from .rendering import add_resources, json_for_script, render
from .studio_strings import editor_strings

MAX_TITLE = 200
MAX_DESCRIPTION = 10_000


def clean_tracks(raw, field):
    """[{"lang": "it", "text": "WEBVTT..." or SRT}] -> {"it": normalised WebVTT}."""
    if not isinstance(raw, list):
        raise PillInputError(N_("Caption files must be a list."), field)
    tracks = {}
    for item in raw:
        if not isinstance(item, dict):
            raise PillInputError(N_("Each caption file needs a language and a text."), field)
        lang = caption_files.clean_language(item.get("lang"), field)
        if lang in tracks:
            raise PillInputError(N_("Two caption files have the language {code}."), field, code=lang)
        try:
            tracks[lang] = caption_files.normalise(item.get("text"), field)
        except PillInputError as error:
            raise PillInputError(N_("Captions ({code}): {problem}"), field, code=lang,
                                 problem=error) from error
    return tracks


def clean_chapters_input(raw, duration):
    """A list of chapters, or the text of a WebVTT chapters track."""
    if isinstance(raw, str):
        if not raw.strip():
            return []
        raw = media.chapters_from_cues(caption_files.parse_caption_text(raw, "chapters"))
    return media.clean_chapters(raw, duration)


def clean_editor_data(data, require_video=True):
    """Validate everything the editor sends; return the field values or raise PillInputError."""
    title = data.get("display_name")
    if not isinstance(title, str) or not title.strip() or len(title) > MAX_TITLE:
        raise PillInputError(N_("The display name is required (at most 200 characters)."), "display_name")
    description = data.get("description") or ""
    if not isinstance(description, str) or len(description) > MAX_DESCRIPTION:
        raise PillInputError(N_("The introduction is too long (at most 10000 characters)."), "description")
    duration = media.clean_duration(data.get("duration"))
    values = {
        "display_name": title.strip(),
        "description": clean_html(description),
        "sources": media.clean_sources(data.get("sources", [])),
        "hls_url": media.clean_hls_url(data.get("hls_url")),
        "youtube_id": media.clean_youtube_id(data.get("youtube_id")),
        "poster": media.clean_url(data.get("poster"), "poster"),
        "duration": duration,
        "captions": clean_tracks(data.get("captions", []), "captions"),
        "descriptions": clean_tracks(data.get("descriptions", []), "descriptions"),
        "chapters": clean_chapters_input(data.get("chapters", []), duration),
        "checkpoints": clean_checkpoints(data.get("checkpoints", []), duration),
        "completion_threshold": media.clean_threshold(data.get("completion_threshold")),
        "weight": media.clean_weight(data.get("weight")),
        "digcomp_competences": clean_competences(data.get("digcomp_competences", [])),
    }
    show = data.get("show_transcript", False)
    if not isinstance(show, bool):
        raise PillInputError(N_("\"Show the transcript open\" must be yes or no."), "show_transcript")
    values["show_transcript"] = show
    if require_video and not (values["sources"] or values["hls_url"] or values["youtube_id"]):
        raise PillInputError(N_("Give at least one video: a file, an HLS stream or a YouTube id."), "sources")
    return values


class StudioMixin:
    """The Studio editor (``studio_view``) and its save handler."""

    def editor_state(self):
        return {
            "display_name": self.display_name, "description": self.description, "sources": self.sources,
            "hls_url": self.hls_url, "youtube_id": self.youtube_id, "poster": self.poster,
            "duration": self.duration,
            "captions": [{"lang": k, "text": v} for k, v in sorted(self.captions.items())],
            "descriptions": [{"lang": k, "text": v} for k, v in sorted(self.descriptions.items())],
            "chapters": self.chapters, "checkpoints": self.checkpoints,
            "completion_threshold": self.completion_threshold, "weight": self.weight,
            "show_transcript": self.show_transcript, "digcomp_competences": self.digcomp_competences,
        }

    def studio_view(self, context=None):
        _ = self._gettext()
        strings = editor_strings(_)
        html = render("studio_view.html", {
            "t": strings["html"],
            "areas": [{"name": name, "ids": [cid for cid in DIGCOMP_COMPETENCE_IDS if cid[0] == str(number)]}
                      for number, name in enumerate(strings["html"]["areas"], start=1)],
            "state_json": json_for_script({"values": self.editor_state(),
                                           "saveUrl": self.runtime.handler_url(self, "studio_submit"),
                                           "strings": strings["js"]}),
        })
        fragment = Fragment(html)
        add_resources(self, fragment, css=["studio_edit.css"], js=["studio_edit.js"])
        fragment.initialize_js("FdVideoPillEditor")
        return fragment

    @json_endpoint
    def studio_submit(self, data, suffix=""):
        # A positive check: on the LMS's no-auth route the user is anonymous and may have no role.
        if not caller_is_course_staff(self):
            raise PillInputError(N_("Only the course team can edit this video."), status=403)
        values = clean_editor_data(data)
        for name, value in values.items():
            setattr(self, name, value)
        return {"result": "success"}

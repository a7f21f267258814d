"""Studio: the editor of every field, its validation, and the save handler."""
from crum import get_current_request
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from web_fragments.fragment import Fragment
from webob import Response
from xblock.core import XBlock

from fd_core.csrf import form_token, same_site_path
from fd_core.sanitize import clean_html
from fd_core.xblock_auth import caller_is_course_staff

from . import captions as caption_files
from . import media
from .checkpoints import clean_checkpoints
from .competences import DIGCOMP_COMPETENCE_IDS, clean_competences
from .editor_rows import apply_action, blank_checkpoint, rows_from_block, rows_from_post
from .editor_view import checkpoint_html, option_html
from .errors import N_, PillInputError
from .json_endpoint import json_endpoint, json_response
from .rendering import add_resources, json_for_script, render
from .studio_form import chapters_text, editor_data_from_form, read_uploads, sources_text
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


def attribute_url(url):
    """A URL for an input's value="..." that the runtime's /static/ rewriting leaves alone.

    The LMS, Studio and the sandbox rewrite every quoted "/static/..." of a fragment into the
    course's asset URL; a form posted back unchanged would then save that URL instead. The
    browser reads "&#47;" as "/" again."""
    text = conditional_escape(url or "")
    return mark_safe(text.replace("/", "&#47;", 1) if text.startswith("/") else text)  # noqa: S308


class StudioMixin:
    """The Studio editor (``studio_view``) and its save handler."""

    def editor_state(self):
        """Every editable field in the shape ``studio_submit`` takes (sending it back changes nothing)."""
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

    def _form_values(self, posted=None):
        """The editor's single fields as text: the block's values, or (after a post) what was sent."""
        values = self._raw_form_values(posted)
        for name in ("hls_url", "poster"):
            values[name] = attribute_url(values[name])
        return values

    def _raw_form_values(self, posted=None):
        if posted is not None:
            values = {name: posted.get(name, "") for name in (
                "display_name", "sources", "hls_url", "youtube_id", "poster", "duration",
                "chapters", "threshold", "weight")}
            return {**values, "show_transcript": bool(posted.get("show_transcript")),
                    "competences": posted.getall("digcomp")}
        return {
            "display_name": self.display_name, "sources": sources_text(self.sources),
            "hls_url": self.hls_url, "youtube_id": self.youtube_id, "poster": self.poster,
            "duration": f"{self.duration:g}" if self.duration else "", "chapters": chapters_text(self.chapters),
            "threshold": round(self.completion_threshold * 100), "weight": f"{self.weight:g}",
            "show_transcript": self.show_transcript, "competences": list(self.digcomp_competences),
        }

    def _editor_html(self, back="", posted=None, rows=None, error="", saved=False):
        _ = self._gettext()
        strings = editor_strings(_)
        t = strings["html"]
        rows = rows if rows is not None else rows_from_block(self)
        tracks = [{"name": kind, "legend": t[kind], "add": t[add],
                   "rows": [*(row for row in rows["tracks"][kind] if row["lang"] or row["text"]),
                            {"lang": "", "text": ""}]}  # an empty row adds a language
                  for kind, add in (("captions", "add_captions"), ("descriptions", "add_description"))]
        return render("studio_view.html", {
            "t": t, "v": self._form_values(posted), "rows": rows, "tracks": tracks, "error": error,
            "saved": saved, "back": back,
            "checkpoints": [checkpoint_html(row, number, t) for number, row in enumerate(rows["checkpoints"], 1)],
            "checkpoint_template": checkpoint_html(blank_checkpoint("__I__"), "__N__", t),
            "option_template": option_html("__I__", {"index": "__J__", "text": "", "correct": False}, "__M__",
                                           "radio", t),
            "form_url": self.runtime.handler_url(self, "studio_form"), "csrf_token": form_token(),
            "areas": [{"name": name, "ids": [cid for cid in DIGCOMP_COMPETENCE_IDS if cid[0] == str(number)]}
                      for number, name in enumerate(t["areas"], start=1)],
            "state_json": json_for_script({"strings": strings["js"]}),
        })

    def studio_view(self, context=None):
        request = get_current_request()
        back = same_site_path(request.get_full_path()) if request is not None else ""
        saved = request is not None and request.GET.get("fd_saved") == "1"
        fragment = Fragment(self._editor_html(back=back.replace("fd_saved=1", "").rstrip("?&"), saved=saved))
        add_resources(self, fragment, css=["studio_edit.css"], js=["studio_edit.js"])
        fragment.initialize_js("FdVideoPillEditor")
        return fragment

    @XBlock.handler
    def studio_form(self, request, suffix=""):
        """The editor's form post (with or without JavaScript), checked like ``studio_submit``.

        ``fd_action`` "save" (the default): saved -> 303 back to the editor's page, or JSON
        ``{"result": "success"}`` when the editor script asks for JSON; refused -> 400 with the
        editor, the message and every value as it was sent (an uploaded file read into its field),
        or JSON ``{"error", "field"}``. Other actions (add or remove a checkpoint or an option)
        -> 200 with the editor changed by one row; nothing is saved."""
        _ = self._gettext()
        wants_json = "application/json" in (request.headers.get("Accept") or "")
        if request.method != "POST":
            return self._refusal(_("Send this form with POST."), 405, wants_json)
        if not caller_is_course_staff(self):
            return self._refusal(_("Only the course team can edit this video."), 403, wants_json)
        back = same_site_path(request.POST.get("back", ""), request.host) or same_site_path(
            request.referer or "", request.host)
        action = request.POST.get("fd_action") or "save"
        rows = None
        try:
            rows = rows_from_post(request.POST)
            read_uploads(rows)
            if action != "save":
                body = self._editor_html(back=back, posted=request.POST, rows=apply_action(rows, action))
                return Response(self._editor_page(body, back), content_type="text/html", charset="utf-8")
            values = clean_editor_data(editor_data_from_form(request.POST, rows))
        except PillInputError as error:
            if wants_json:
                return json_response({"error": error.translate(_), "field": error.field}, status=error.status)
            if rows is None:
                rows = rows_from_post(request.POST, strict=False)
            body = self._editor_html(back=back, posted=request.POST, rows=rows, error=error.translate(_))
            return Response(self._editor_page(body, back), status=400, content_type="text/html", charset="utf-8")
        for name, value in values.items():
            setattr(self, name, value)
        if wants_json:
            return json_response({"result": "success"})
        if back:
            return Response(status=303, location=f"{back}{'&' if '?' in back else '?'}fd_saved=1")
        body = self._editor_html(saved=True)
        return Response(self._editor_page(body, back), content_type="text/html", charset="utf-8")

    @staticmethod
    def _refusal(message, status, wants_json):
        if wants_json:
            return json_response({"error": message, "field": None}, status=status)
        return Response(message, status=status, content_type="text/plain", charset="utf-8")

    def _editor_page(self, body, back):
        _ = self._gettext()
        return format_html(
            '<!DOCTYPE html><html lang="{}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1"><title>{}</title>'
            '<link rel="stylesheet" href="{}"></head><body><main><h1>{}</h1>{}{}</main></body></html>',
            (get_language() or "it")[:2], self.display_name,
            self.runtime.local_resource_url(self, "public/studio_edit.css"), self.display_name,
            mark_safe(body),  # noqa: S308 (rendered by our autoescaping template)
            format_html('<p><a href="{}">{}</a></p>', back, _("Back to the editor")) if back else "")

    @json_endpoint
    def studio_submit(self, data, suffix=""):
        # A positive check: on the LMS's no-auth route the user is anonymous and may have no role.
        if not caller_is_course_staff(self):
            raise PillInputError(N_("Only the course team can edit this video."), status=403)
        values = clean_editor_data(data)
        for name, value in values.items():
            setattr(self, name, value)
        return {"result": "success"}

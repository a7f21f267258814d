"""The video pill XBlock: fields, learner views and the data other systems read."""

from django.utils.translation import get_language
from web_fragments.fragment import Fragment
from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, List, Scope, String

from . import captions as caption_files
from .checkpoints import public_view
from .errors import N_
from .intervals import coverage
from .learner_handlers import LearnerHandlersMixin
from .olx import OlxMixin
from .player import clock_text, field_value, player_view
from .rendering import render
from .strings import language_label
from .studio import StudioMixin


@XBlock.needs("i18n")
@XBlock.wants("user", "completion", "settings")
class VideoPillBlock(LearnerHandlersMixin, StudioMixin, OlxMixin, XBlock):
    """A short captioned video lesson with checkpoints, completed only by really watching it."""

    completion_mode = XBlockCompletionMode.COMPLETABLE
    has_custom_completion = True
    icon_class = "video"
    block_settings_key = "fd_video_pill"

    display_name = String(display_name=N_("Display name"), scope=Scope.settings, default=N_("Video pill"))
    description = String(display_name=N_("Introduction"), scope=Scope.content, default="",
                         help=N_("A short text shown above the video (basic HTML allowed)."))
    sources = List(display_name=N_("Video files"), scope=Scope.content, default=[],
                   help=N_("mp4/webm files: [{\"src\", \"type\", \"label\"}]."))
    hls_url = String(display_name=N_("HLS stream"), scope=Scope.content, default="")
    youtube_id = String(display_name=N_("YouTube id"), scope=Scope.content, default="",
                        help=N_("Played through the privacy-enhanced embed when there are no video files."))
    poster = String(display_name=N_("Poster image"), scope=Scope.content, default="")
    duration = Float(display_name=N_("Duration (seconds)"), scope=Scope.content, default=0.0)
    captions = Dict(display_name=N_("Captions"), scope=Scope.content, default={},
                    help=N_("WebVTT text per language code."))
    descriptions = Dict(display_name=N_("Audio description"), scope=Scope.content, default={},
                        help=N_("WebVTT text descriptions per language code, read aloud on request."))
    chapters = List(display_name=N_("Chapters"), scope=Scope.content, default=[])
    checkpoints = List(display_name=N_("Checkpoints"), scope=Scope.content, default=[])
    completion_threshold = Float(display_name=N_("Completion threshold"), scope=Scope.settings, default=0.9)
    weight = Float(display_name=N_("Weight"), scope=Scope.settings, default=1.0)
    show_transcript = Boolean(display_name=N_("Show the transcript open"), scope=Scope.settings,
                              default=False)
    digcomp_competences = List(display_name=N_("DigComp competences"), scope=Scope.settings, default=[],
                               help=N_("DigComp ids this pill trains, such as 1.1 or 4.2."))

    watched = List(scope=Scope.user_state, default=[])
    position = Float(scope=Scope.user_state, default=0.0)
    speed = Float(scope=Scope.user_state, default=1.0)
    caption_language = String(scope=Scope.user_state, default="")
    # What the learner picked in the player's caption menu; "" = follow the site's language. Kept apart
    # from ``caption_language`` (what the player last showed, saved with each progress report).
    caption_choice = String(scope=Scope.user_state, default="")
    answers = Dict(scope=Scope.user_state, default={})
    completed = Boolean(scope=Scope.user_state, default=False)
    # When the learner's first progress report arrived, and how many seconds were covered then:
    # coverage may grow since then only as fast as the video plays at the top speed.
    first_report_at = Float(scope=Scope.user_state, default=0.0)
    covered_at_first_report = Float(scope=Scope.user_state, default=0.0)

    # ----------------------------------------------------------------- helpers
    @property
    def has_score(self):
        return bool(self.checkpoints)

    def max_score(self):
        return len(self.checkpoints)

    def _gettext(self):
        service = self.runtime.service(self, "i18n")
        return getattr(service, "gettext", None) or service.ugettext

    def _user_attr(self, name, default=None):
        service = self.runtime.service(self, "user")
        if service is None:
            return default
        return service.get_current_user().opt_attrs.get(name, default)

    def caller_is_signed_in(self):
        """Learner handlers serve a signed-in person only (never the anonymous no-auth route)."""
        return self._user_attr("edx-platform.is_authenticated") is True

    def learner_language(self):
        preferences = self._user_attr("edx-platform.user_preferences") or {}
        return (preferences.get("pref-lang") or get_language() or "it").split("-")[0]

    def default_caption_language(self, language=None, codes=None):
        """The learner's own choice in the player, else the site's language, else the first track.

        Only an explicit choice holds: the language the player showed by itself (saved with each
        progress report) never outlives the site's language, so switching the site to English gives
        English captions. ``codes``: the caption languages, sorted, when the caller has them."""
        codes = sorted(self.captions) if codes is None else codes
        if not codes:
            return ""
        choice = field_value(self, "caption_choice")
        if choice in codes:
            return choice
        language = language or self.learner_language()
        for code in codes:
            if code.split("-")[0] == language:
                return code
        return codes[0]

    def default_description_language(self):
        """The audio description in the site's language, else in the captions' language, else the first."""
        if not self.descriptions:
            return ""
        for language in (self.learner_language(), self.default_caption_language()):
            for code in sorted(self.descriptions):
                if language and code.split("-")[0] == language.split("-")[0]:
                    return code
        return sorted(self.descriptions)[0]

    def track_urls(self):
        return {kind: {code: self.track_url(kind, code) for code in sorted(getattr(self, kind))}
                for kind in ("captions", "descriptions")}

    def track_url(self, kind, lang, extension="vtt"):
        # The suffix is the end of a handler URL's path (LMS and sandbox alike): build the base once.
        base = self.__dict__.get("_track_base")
        if base is None:
            url = self.runtime.handler_url(self, "track", "fd-suffix")
            base = self.__dict__["_track_base"] = url.partition("fd-suffix")
        return f"{base[0]}{kind}/{lang}.{extension}{base[2]}"

    def playback_code(self):
        if self.youtube_id and not self.sources and not self.hls_url:
            return "youtube"
        return "hls" if self.hls_url and not self.sources else "html5"

    def qualities(self):
        """Choices for the quality menu: the labelled files of the first file type, when there are several."""
        if not self.sources:
            return []
        first_type = self.sources[0]["type"]
        choices = [source for source in self.sources if source["type"] == first_type and source.get("label")]
        return choices if len(choices) > 1 else []

    def coverage_percent(self):
        return int(coverage(self.watched, self.duration) * 100)

    # ------------------------------------------------------------------- views
    @XBlock.supports("multi_device")
    def student_view(self, context=None):
        # The player is rendered once per content version and language (Django's cache); only the
        # learner's state is added.
        html, resources = player_view(self)
        fragment = Fragment(html)
        for url, mimetype, placement in resources:
            fragment.add_resource_url(url, mimetype, placement)
        fragment.initialize_js("FdVideoPill")
        return fragment

    def transcript_cues(self, code, at_text):
        try:
            cues = caption_files.parse_caption_text(self.captions.get(code, "")) if code else []
        except ValueError:
            return []
        return [{"start": repr(float(cue["start"])), "end": repr(float(cue["end"])), "text": cue["text"],
                 "at": at_text.format(time=clock_text(cue["start"]))} for cue in cues]

    def author_view(self, context=None):
        """Studio preview: the learner's view plus what the author set behind it."""
        _ = self._gettext()
        fragment = self.student_view(context)
        summary = render("author_summary.html", {
            "t": {"checkpoints": _("Checkpoints"), "competences": _("DigComp competences"),
                  "threshold": _("Complete after watching"), "none": _("none"),
                  "captions": _("Captions")},
            "checkpoints": [{"time": clock_text(cp["time"]), "question": cp["question"]}
                            for cp in self.checkpoints],
            "competences": ", ".join(self.digcomp_competences),
            "threshold": f"{int(round(self.completion_threshold * 100))}%",
            "captions": ", ".join(language_label(code, _) for code in sorted(self.captions)),
        })
        fragment.add_content(summary)
        return fragment

    def student_view_data(self, context=None):
        """For the mobile apps (``multi_device``): everything needed to play the pill natively."""
        _ = self._gettext()
        return {
            "display_name": self.display_name,
            "duration": self.duration,
            "sources": self.sources,
            "hls_url": self.hls_url,
            "youtube_id": self.youtube_id,
            "poster": self.poster,
            "captions": self.track_urls()["captions"],
            "descriptions": self.track_urls()["descriptions"],
            "chapters": self.chapters,
            "checkpoints": [public_view(cp, _) for cp in self.checkpoints],
            "completion_threshold": self.completion_threshold,
            "digcomp_competences": self.digcomp_competences,
            "progress_url": self.runtime.handler_url(self, "progress"),
            "answer_url": self.runtime.handler_url(self, "answer"),
        }

    def index_dictionary(self):
        """Course search: the title and the transcript text of every language."""
        content = {"display_name": self.display_name}
        for code, text in sorted(self.captions.items()):
            try:
                content[f"transcript_{code}"] = caption_files.cues_to_plain_text(
                    caption_files.parse_caption_text(text)).strip()
            except ValueError:
                continue
        return {"content": content, "content_type": "Video"}

    @staticmethod
    def workbench_scenarios():
        return [("Video pill", "<fd_video_pill duration=\"10\"/>")]


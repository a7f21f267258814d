"""The city tour XBlock: fields, the learner's view (a text tour that JavaScript turns into a
guided tour with a 360° viewer) and the tour as data for the mobile apps and the class mode."""
import math

from web_fragments.fragment import Fragment
from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, List, Scope, String

from fd_core.sanitize import clean_html
from fd_core.xblock_templates import TemplateLoader

from .class_mode import ClassModeMixin
from .errors import N_
from .learner_handlers import LearnerHandlersMixin
from .olx import OlxMixin
from .studio import StudioMixin
from .tour_content import questions_of
from .view_context import ViewContextMixin

loader = TemplateLoader(__name__)

VIEWER_JS = ("public/vendor/psv-core.module.js", "public/vendor/psv-markers-plugin.module.js")
VIEWER_CSS = ("public/vendor/psv-core.css", "public/vendor/psv-markers-plugin.css")


@XBlock.needs("i18n")
@XBlock.wants("user", "completion")
class CityTourBlock(ViewContextMixin, LearnerHandlersMixin, ClassModeMixin, StudioMixin, OlxMixin, XBlock):
    """A tour of stops (360° panoramas or flat pictures) with hotspots, questions and "find it" tasks."""

    completion_mode = XBlockCompletionMode.COMPLETABLE
    has_custom_completion = True
    icon_class = "other"

    display_name = String(display_name=N_("Display name"), scope=Scope.settings, default=N_("City tour"))
    intro = String(display_name=N_("Introduction"), scope=Scope.content, default="",
                   help=N_("A short text shown above the tour (basic HTML allowed)."))
    scenes = List(display_name=N_("Scenes"), scope=Scope.content, default=[],
                  help=N_("The stops of the tour, with their hotspots."))
    completion_share = Float(display_name=N_("Share of stops to visit"), scope=Scope.settings, default=1.0,
                             help=N_("The tour is complete when this share of its stops has been visited."))
    weight = Float(display_name=N_("Weight"), scope=Scope.settings, default=1.0,
                   help=N_("With a weight above 0 the tour's questions are graded."))

    visited = List(scope=Scope.user_state, default=[])
    found = List(scope=Scope.user_state, default=[])
    answers = Dict(scope=Scope.user_state, default={})
    current_scene = String(scope=Scope.user_state, default="")
    completed = Boolean(scope=Scope.user_state, default=False)

    # ----------------------------------------------------------------- helpers
    @property
    def has_score(self):
        return self.weight > 0 and bool(questions_of(self.scenes))

    def max_score(self):
        return len(questions_of(self.scenes))

    def earned_score(self):
        return sum(1 for q in questions_of(self.scenes) if self.answers.get(q["id"], {}).get("correct"))

    def stops_needed(self):
        return max(1, math.ceil(self.completion_share * len(self.scenes) - 1e-9)) if self.scenes else 0

    def _i18n(self):
        return self.runtime.service(self, "i18n")

    def _gettext(self):
        service = self._i18n()
        return getattr(service, "gettext", None) or service.ugettext

    def _user_attr(self, name, default=None):
        service = self.runtime.service(self, "user")
        if service is None:
            return default
        return service.get_current_user().opt_attrs.get(name, default)

    def tour_title(self):
        if self.display_name == self.fields["display_name"].default:
            return self._gettext()(self.display_name)
        return self.display_name

    def scene_ids(self):
        return [scene["id"] for scene in self.scenes]

    def current_index(self):
        ids = self.scene_ids()
        return ids.index(self.current_scene) if self.current_scene in ids else 0

    def media_url(self, url):
        """A course file (``/static/x``) as the site-root URL the platform serves it at."""
        if not url or not url.startswith("/static/"):
            return url
        from fd_core.platform import platform

        course_key = getattr(self.scope_ids.usage_id, "course_key", None)
        asset_url = getattr(platform(), "course_asset_url", None)
        if course_key is None or asset_url is None:
            return url
        return asset_url(course_key, url[len("/static/"):])

    def viewer_urls(self):
        return {"js": [self.runtime.local_resource_url(self, path) for path in VIEWER_JS],
                "css": [self.runtime.local_resource_url(self, path) for path in VIEWER_CSS]}

    # ------------------------------------------------------------------- views
    @XBlock.supports("multi_device")
    def student_view(self, context=None):
        html = loader.render_django_template("templates/student_view.html", self.view_context(),
                                             i18n_service=self._i18n())
        fragment = Fragment(html)
        fragment.add_css_url(self.runtime.local_resource_url(self, "public/city_tour.css"))
        fragment.add_javascript_url(self.runtime.local_resource_url(self, "public/city_tour.js"))
        fragment.initialize_js("FdCityTour")
        return fragment

    def student_view_data(self, context=None):
        """The tour as plain JSON data (mobile apps, ``fd_classroom``): nothing about the learner."""
        return {
            "title": self.tour_title(),
            "language": "it",
            "completion_share": self.completion_share,
            "scenes": [self.scene_data(scene) for scene in self.scenes],
            "viewer": self.viewer_urls(),
        }

    def scene_data(self, scene):
        return {
            "id": scene["id"], "title": scene["title"], "kind": scene["kind"],
            "image_url": self.media_url(scene["image_url"]), "alt": scene["alt"],
            "description": clean_html(scene["description"]), "narration": scene["narration"],
            "audio_url": self.media_url(scene["audio_url"]), "captions_url": self.media_url(scene["captions_url"]),
            "start_yaw": scene["start_yaw"],
            "hotspots": [self.hotspot_data(h) for h in scene["hotspots"]],
            "guide": {"questions": list(scene["guide"]["questions"]), "minutes": scene["guide"]["minutes"]},
        }

    def hotspot_data(self, hotspot):
        question = hotspot["question"]
        return {
            **{name: hotspot[name] for name in ("id", "kind", "label", "yaw", "pitch", "x", "y", "target",
                                                "arrive_yaw")},
            "text": clean_html(hotspot["text"]),
            "image_url": self.media_url(hotspot["image_url"]), "video_url": self.media_url(hotspot["video_url"]),
            "question": None if question is None else {
                "prompt": clean_html(question["prompt"]), "type": question["type"],
                "options": [dict(option) for option in question["options"]],
                "feedback": clean_html(question["feedback"]),
            },
        }

    def index_dictionary(self):
        """Course search: the titles, narration and descriptions of the stops."""
        text = " ".join(f"{s['title']} {s['narration']}" for s in self.scenes)
        return {"content": {"display_name": self.display_name, "stops": text}, "content_type": "Tour"}

    @staticmethod
    def workbench_scenarios():
        return [("City tour", "<fd_city_tour><scene id='a' kind='flat' title='A' image_url='https://example.org/a.png'"
                              " alt='A'/></fd_city_tour>")]

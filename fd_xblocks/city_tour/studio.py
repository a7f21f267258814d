"""Studio: the tour editor, its validation, the preview and the save handler (course staff only)."""
import json

from web_fragments.fragment import Fragment

from fd_core import safe_json
from fd_core.sanitize import clean_html
from fd_core.xblock_templates import TemplateLoader

from .errors import N_, TourInputError
from .learner_handlers import json_endpoint
from .strings import page_strings
from .tour_content import clean_scenes, clean_share, clean_text, clean_weight

loader = TemplateLoader(__name__)


def clean_editor_data(data):
    """Everything the editor sends, validated: returns the field values or raises TourInputError."""
    scenes = data.get("scenes")
    if isinstance(scenes, str):
        try:
            scenes = safe_json.loads(scenes, max_bytes=1_000_000)
        except ValueError as error:
            raise TourInputError(N_("The scenes are not valid JSON: {problem}"), "scenes",
                                 problem=str(error)[:200]) from error
    return {
        "display_name": clean_text(data.get("display_name"), "display_name", "", 200, required=True),
        "intro": clean_html(clean_text(data.get("intro"), "intro", "", 10_000)),
        "completion_share": clean_share(data.get("completion_share")),
        "weight": clean_weight(data.get("weight")),
        "scenes": clean_scenes(scenes),
    }


class StudioMixin:
    """``studio_view``, ``author_view`` and the author's handlers."""

    def require_author(self):
        user = self.django_user()
        if user is None or not self.is_course_staff(user):
            raise TourInputError(N_("Only the course team can edit this tour."), status=403)

    def studio_view(self, context=None):
        _ = self._gettext()
        state = {"saveUrl": self.runtime.handler_url(self, "studio_save"),
                 "previewUrl": self.runtime.handler_url(self, "studio_preview"),
                 "strings": {"saved": _("Saved."), "checked": _("The tour is valid: see the preview below."),
                             "error": _("Not saved: {message}")}}
        html = loader.render_django_template("templates/studio_view.html", {
            "t": page_strings(_),
            "display_name": self.display_name, "intro": self.intro,
            "completion_share": repr(float(self.completion_share)), "weight": repr(float(self.weight)),
            "scenes_json": json.dumps(self.scenes, ensure_ascii=False, indent=2),
            "state_json": json.dumps(state).replace("<", "\\u003c"),
        }, i18n_service=self._i18n())
        fragment = Fragment(html)
        fragment.add_css_url(self.runtime.local_resource_url(self, "public/city_tour.css"))
        fragment.add_css_url(self.runtime.local_resource_url(self, "public/studio_edit.css"))
        fragment.add_javascript_url(self.runtime.local_resource_url(self, "public/studio_edit.js"))
        fragment.initialize_js("FdCityTourEditor")
        return fragment

    def author_view(self, context=None):
        """Studio's preview: the text tour as learners read it, without their state."""
        html = loader.render_django_template("templates/student_view.html", self.view_context(preview=True),
                                             i18n_service=self._i18n())
        fragment = Fragment(html)
        fragment.add_css_url(self.runtime.local_resource_url(self, "public/city_tour.css"))
        return fragment

    @json_endpoint
    def studio_save(self, data, suffix=""):
        self.require_author()
        values = clean_editor_data(data)
        for name, value in values.items():
            setattr(self, name, value)
        return {"result": "success"}

    @json_endpoint
    def studio_preview(self, data, suffix=""):
        """Validate without saving and return the preview of the edited tour."""
        self.require_author()
        values = clean_editor_data(data)
        saved = {name: getattr(self, name) for name in values}
        try:
            for name, value in values.items():
                setattr(self, name, value)
            html = loader.render_django_template("templates/student_view.html", self.view_context(preview=True),
                                                 i18n_service=self._i18n())
        finally:
            for name, value in saved.items():
                setattr(self, name, value)
        return {"html": html}

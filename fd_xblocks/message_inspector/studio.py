"""Studio: the editor (``studio_view``), its preview and save handlers, for the course team only.

The LMS exposes every handler on learner routes and on a no-auth route, so both handlers check
the caller themselves: anyone who is not on the course team gets a 403 and nothing changes.
"""
import json

from web_fragments.fragment import Fragment
from xblock.core import XBlock

from fd_core.digcomp import UnknownCompetences, competence_ids
from fd_core.xblock_json import json_response

from . import message as messages
from .handlers import InspectError, parse_json_body
from .message import N_
from .view_model import message_view

MAX_TITLE = 200


def clean_settings(data):
    title = data.get("display_name")
    if not isinstance(title, str) or not title.strip() or len(title) > MAX_TITLE:
        raise messages.MessageError(N_("The display name is required (at most 200 characters)."), "display_name")
    weight = data.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 <= weight <= 100:
        raise messages.MessageError(N_("The weight must be a number from 0 to 100."), "weight")
    attempts = data.get("attempts_allowed", 0)
    if isinstance(attempts, bool) or not isinstance(attempts, int) or not 0 <= attempts <= 100:
        raise messages.MessageError(N_("Attempts allowed must be a whole number from 0 to 100."), "attempts_allowed")
    try:
        competences = competence_ids(data.get("digcomp_competences", []))
    except UnknownCompetences as error:
        raise messages.MessageError(N_("Unknown DigComp competence: use ids from 1.1 to 5.4, such as 4.2."),
                                    "digcomp_competences") from error
    return {"display_name": title.strip(), "weight": float(weight), "attempts_allowed": attempts,
            "digcomp_competences": competences}


class StudioMixin:
    """The editor and its two handlers."""

    def _author_request(self, request):
        from .access import is_course_team

        if request.method != "POST":
            raise InspectError(N_("Send this request with POST."), 405)
        if not is_course_team(self):
            raise InspectError(N_("Only the course team can edit this exercise."), 403)
        return parse_json_body(request)

    def _studio_error(self, error):
        if isinstance(error, messages.MessageError):
            return json_response({"error": error.translate(self._i18n().gettext), "field": error.field}, 400)
        return self._error_json(error)

    def studio_view(self, context=None):
        state = {"display_name": self.display_name, "weight": self.weight,
                 "attempts_allowed": self.attempts_allowed, "digcomp_competences": self.digcomp_competences,
                 "message": self.message or {"channel": "sms", "sender_name": "", "parts": [],
                                             "expected_action": "report"}}
        html = self._render("templates/studio_view.html", {
            "state_json": json.dumps(state).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"),
            "channels": messages.CHANNELS, "zones": messages.ZONES, "roles": messages.ROLES,
            "signs": messages.SIGNS, "actions": messages.ACTIONS,
        })
        fragment = Fragment(html)
        fragment.add_css_url(self.runtime.local_resource_url(self, "public/message_inspector.css"))
        fragment.add_css_url(self.runtime.local_resource_url(self, "public/studio.css"))
        fragment.add_javascript_url(self.runtime.local_resource_url(self, "public/studio.js"))
        fragment.initialize_js("FdMessageInspectorEditor")
        return fragment

    @XBlock.handler
    def studio_preview(self, request, suffix=""):
        """The message as learners will see it, and with the answers shown, from unsaved values."""
        try:
            data = self._author_request(request)
            message = messages.clean_message(data.get("message"))
        except (InspectError, messages.MessageError) as error:
            return self._studio_error(error)
        signs = [part["id"] for part in message["parts"] if part["role"] == "sign"]
        answers = messages.score(message, signs, message["expected_action"])
        context = {"title": data.get("display_name") if isinstance(data.get("display_name"), str) else "",
                   "view": self.view_with_parts(message_view(message, signs, message["expected_action"], answers)),
                   "submitted": True, "preview": True,
                   "can_try_again": False, "form_url": "", "csrf_token": "", "error": "",
                   "usage_id": str(self.scope_ids.usage_id)}
        return json_response({"html": self._render("templates/student_view.html", context)})

    @XBlock.handler
    def studio_save(self, request, suffix=""):
        try:
            data = self._author_request(request)
            values = clean_settings(data)
            values["message"] = messages.clean_message(data.get("message"))
        except (InspectError, messages.MessageError) as error:
            return self._studio_error(error)
        for name, value in values.items():
            setattr(self, name, value)
        return json_response({"result": "success"})

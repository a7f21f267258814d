"""The learner's handlers: arriving at a stop, finding a hidden thing, answering a question.

The same three actions come as JSON (the guided tour's script) or as a plain form post (the text
tour without JavaScript: the handler answers with a redirect back to the unit page, where the
block shows the new state).
"""
from urllib.parse import urlsplit

from webob import Response
from xblock.core import XBlock

from fd_core.xblock_json import input_json_handler

from .errors import N_, TourInputError
from .tour_content import find_hotspot, is_right, parse_choice

# POST only, a JSON object in, JSON out; TourInputError -> its status with {"error", "field"}.
json_endpoint = input_json_handler(TourInputError)


def _text(value, field):
    if not isinstance(value, str) or not value or len(value) > 64:
        raise TourInputError(N_("This is not part of the tour."), field, status=404)
    return value


class LearnerHandlersMixin:
    """Every input is checked; learners who are not signed in are refused (their progress has no home)."""

    def require_learner(self):
        if not self._user_attr("edx-platform.is_authenticated", False):
            raise TourInputError(N_("Please sign in to save your progress in the tour."), status=403)

    # ------------------------------------------------------------ the actions
    def arrive(self, scene_id):
        self.require_learner()
        scene_id = _text(scene_id, "scene")
        ids = self.scene_ids()
        if scene_id not in ids:
            raise TourInputError(N_("This is not part of the tour."), "scene", status=404)
        self.current_scene = scene_id
        first_visit = scene_id not in self.visited
        if first_visit:
            self.visited = [*self.visited, scene_id]
            visited = len(set(self.visited) & set(ids))
            self.runtime.publish(self, "fd.city_tour.scene.visited", {
                "scene": scene_id, "number": ids.index(scene_id) + 1, "visited": visited, "total": len(ids)})
            if not self.completed and visited >= self.stops_needed():
                self.completed = True
                self.runtime.publish(self, "completion", {"completion": 1.0})
                self.runtime.publish(self, "fd.city_tour.completed", {
                    "visited": visited, "total": len(ids), "completion_share": self.completion_share})
        return self.progress_state()

    def find(self, hotspot_id):
        self.require_learner()
        scene, hotspot = find_hotspot(self.scenes, _text(hotspot_id, "hotspot"), "find")
        if hotspot is None:
            raise TourInputError(N_("This is not part of the tour."), "hotspot", status=404)
        if hotspot["id"] not in self.found:
            self.found = [*self.found, hotspot["id"]]
            self.runtime.publish(self, "fd.city_tour.hotspot.found", {"scene": scene["id"], "hotspot": hotspot["id"]})
        return self.progress_state()

    def answer(self, hotspot_id, choice):
        self.require_learner()
        scene, hotspot = find_hotspot(self.scenes, _text(hotspot_id, "hotspot"), "question")
        if hotspot is None:
            raise TourInputError(N_("This is not part of the tour."), "hotspot", status=404)
        question = hotspot["question"]
        chosen = parse_choice(question, choice)
        correct = is_right(question, chosen)
        first = hotspot["id"] not in self.answers
        if first:
            # The first answer is graded; later ones get feedback only.
            self.answers = {**self.answers, hotspot["id"]: {"answer": chosen, "correct": correct}}
            if self.has_score:
                self.runtime.publish(self, "grade", {"value": self.earned_score(), "max_value": self.max_score()})
        self.runtime.publish(self, "fd.city_tour.question.answered", {
            "scene": scene["id"], "hotspot": hotspot["id"], "answer": chosen, "correct": correct, "graded": first})
        _ = self._gettext()
        return {**self.progress_state(), "correct": correct, "graded": first,
                "verdict": _("Right!") if correct else _("Not quite."),
                "feedback": self.question_state(hotspot, _)["feedback"]}

    def progress_state(self):
        _ = self._gettext()
        return {"current": self.scenes[self.current_index()]["id"], "visited": list(self.visited),
                "found": list(self.found), "completed": self.completed,
                "score": self.earned_score(), "max_score": self.max_score(),
                "progress": self.progress_text(_), "summary": self.summary_context(_)}

    # ------------------------------------------------------------ JSON handlers
    @json_endpoint
    def visit_scene(self, data, suffix=""):
        """{"scene": id} (arrived at a stop) or {"found": hotspot id} (a "find it" task done)."""
        if "found" in data:
            return self.find(data["found"])
        return self.arrive(data.get("scene"))

    @json_endpoint
    def answer_question(self, data, suffix=""):
        """{"hotspot": id, "answer": [option index, ...]}."""
        return self.answer(data.get("hotspot"), data.get("answer"))

    # ------------------------------------------------------------ the form post
    @XBlock.handler
    def tour_form(self, request, suffix=""):
        """The text tour's forms: action=go (scene), find (hotspot), answer (hotspot, option...)."""
        _ = self._gettext()
        if request.method != "POST":
            return self._page_error(405, _("Send this form with POST."), request)
        form = request.POST
        action = form.get("action")
        try:
            self.require_learner()
            if action == "go":
                # "seen": the stop the learner read before moving on (the text tour has no arrival event).
                if form.get("seen"):
                    self.arrive(form.get("seen"))
                self.arrive(form.get("scene"))
                anchor = f"{self.uid()}-summary" if form.get("then") == "summary" else \
                    f"{self.uid()}-s-{form.get('scene')}"
            elif action == "find":
                self.find(form.get("hotspot"))
                anchor = f"{self.uid()}-h-{form.get('hotspot')}"
            elif action == "answer":
                choice = [int(v) for v in form.getall("option") if v.isdigit() and len(v) < 4]
                if len(choice) != len(form.getall("option")):
                    raise TourInputError(N_("Choose one of the options."), "answer")
                self.answer(form.get("hotspot"), choice)
                anchor = f"{self.uid()}-h-{form.get('hotspot')}"
            else:
                raise TourInputError(N_("This form does not belong to the tour."), "action")
        except TourInputError as error:
            return self._page_error(error.status, error.translate(_), request)
        response = Response(status=303)
        response.location = f"{self.return_url(request)}#{anchor}"
        return response

    def return_url(self, request):
        """The page the form was sent from (same site only), or the block's place in the course."""
        referer = request.referer or ""
        parts = urlsplit(referer)
        host = request.host.removesuffix(":80") if request.scheme == "http" else request.host.removesuffix(":443")
        if parts.path.startswith("/") and not parts.path.startswith("//") and (not parts.netloc
                                                                                or parts.netloc == host):
            return parts.path + (f"?{parts.query}" if parts.query else "")
        from fd_core.platform import platform

        return platform().jump_to_url(self.scope_ids.usage_id)

    def _page_error(self, status, message, request):
        _ = self._gettext()
        from django.utils.html import escape
        from django.utils.translation import get_language

        back = escape(self.return_url(request))
        back_label = escape(_("Back to the tour"))  # outside the f-string, where xgettext can find it
        body = (f'<!DOCTYPE html><html lang="{escape(get_language() or "it")}"><head><meta charset="utf-8">'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                f"<title>{escape(self.tour_title())}</title></head><body><main><h1>{escape(self.tour_title())}</h1>"
                f'<p role="alert">{escape(message)}</p><p><a href="{back}">{back_label}</a>'
                f"</p></main></body></html>")
        return Response(body, status=status, content_type="text/html", charset="utf-8")

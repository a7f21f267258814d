"""The learner's handlers: check the marks (JSON or a plain form post) and try again."""
from urllib.parse import urlsplit

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from webob import Response
from xblock.core import XBlock

from fd_core import safe_json
from fd_core.xblock_json import json_response

from . import message as messages
from .message import N_


class InspectError(ValueError):
    """A request the learner's browser should not have sent: 4xx with a message (an msgid)."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def parse_json_body(request):
    """A JSON object from the request body, or InspectError (never a 500, whatever was sent)."""
    try:
        data = safe_json.loads(request.body)
    except safe_json.JsonInputError as error:
        raise InspectError(str(error)) from error  # already in the learner's language
    if not isinstance(data, dict):
        raise InspectError(N_("The request body must be a JSON object."))
    return data


def _same_site_referrer(request):
    """Where a plain form post goes back to: the page it came from, on this site only."""
    referrer = request.referer or ""
    parts = urlsplit(referrer)
    if parts.netloc and parts.hostname != request.host.rsplit(":", 1)[0].strip("[]"):
        return ""
    if not parts.path.startswith("/") or parts.path.startswith("//"):
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "")


class LearnerHandlersMixin:
    """``inspect_submit`` and ``try_again`` for the script, ``inspect_form`` for plain forms."""

    def _clean_answer(self, marked, action):
        if not self.message:
            raise InspectError(N_("This exercise has no message yet."), 409)
        if self.submitted:
            raise InspectError(N_("You already checked this message. Choose \"Try again\" to start over."), 409)
        if not isinstance(marked, list) or len(marked) > messages.MAX_PARTS or not all(
                isinstance(item, str) for item in marked):
            raise InspectError(N_("Send the marked parts as a list of their ids."))
        allowed = set(messages.markable_ids(self.message))
        unknown = [item for item in marked if item not in allowed]
        if unknown:
            raise InspectError(N_("Some marked parts are not in this message."))
        if not isinstance(action, str) or action not in messages.ACTIONS:
            raise InspectError(N_("Choose what you would do: trust, ignore or report the message."))
        return sorted(set(marked), key=messages.markable_ids(self.message).index), action

    def _check(self, marked, action):
        marked, action = self._clean_answer(marked, action)
        result = messages.score(self.message, marked, action)
        self.marked, self.action, self.submitted = marked, action, True
        self.attempts += 1
        self.best_score = max(self.best_score, result["score"])
        self.runtime.publish(self, "grade", {"value": self.best_score, "max_value": 1.0})
        self.runtime.publish(self, "completion", {"completion": 1.0})
        self.runtime.publish(self, "fd.message_inspector.submitted", {
            "marked": marked, "action": action, "found": len(result["found"]), "signs": result["signs"],
            "wrong": len(result["wrong"]), "action_right": result["action_right"], "score": result["score"],
            "attempt": self.attempts})
        return result

    def _again(self):
        if not self.can_try_again():
            raise InspectError(N_("No attempts are left for this message."), 409)
        self.marked, self.action, self.submitted = [], "", False
        self.runtime.publish(self, "fd.message_inspector.reset", {"attempt": self.attempts})

    def _require_learner(self):
        from .access import current_user

        if current_user(self) is None:
            raise InspectError(N_("Please sign in to do this exercise."), 403)

    def _error_json(self, error):
        return json_response({"error": self._i18n().gettext(error.message)}, error.status)

    @XBlock.handler
    def inspect_submit(self, request, suffix=""):
        """JSON ``{"marked": [part ids], "action": "trust" | "ignore" | "report"}`` -> the block's HTML."""
        if request.method != "POST":
            return json_response({"error": self._i18n().gettext("Send this request with POST.")}, 405)
        try:
            self._require_learner()
            data = parse_json_body(request)
            result = self._check(data.get("marked", []), data.get("action"))
        except InspectError as error:
            return self._error_json(error)
        return json_response({"html": self.body_html(), "score": result["score"]})

    @XBlock.handler
    def try_again(self, request, suffix=""):
        if request.method != "POST":
            return json_response({"error": self._i18n().gettext("Send this request with POST.")}, 405)
        try:
            self._require_learner()
            self._again()
        except InspectError as error:
            return self._error_json(error)
        return json_response({"html": self.body_html()})

    @XBlock.handler
    def inspect_form(self, request, suffix=""):
        """The same for a browser without JavaScript: a form post, then back to the unit page."""
        if request.method != "POST":
            return Response(self._i18n().gettext("Send this form with POST."), status=405,
                            content_type="text/plain", charset="utf-8")
        error = ""
        try:
            self._require_learner()
            if request.POST.get("do") == "again":
                self._again()
            else:
                self._check(request.POST.getall("marked"), request.POST.get("action", ""))
        except InspectError as problem:
            error = self._i18n().gettext(problem.message)
            status = problem.status
        back = _same_site_referrer(request)
        if back and not error:
            return Response(status=303, location=back + f"#fd-mi-{self.scope_ids.usage_id.block_id}")
        # No page to go back to (or a problem to show): the block's own HTML, as a small page.
        html = format_html(
            '<!DOCTYPE html><html lang="{}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1"><title>{}</title></head>'
            '<body><main>{}{}</main></body></html>',
            get_language() or "it", self._title(), mark_safe(self.body_html(error=error)),  # noqa: S308
            format_html('<p><a href="{}">{}</a></p>', back, self._i18n().gettext("Back to the lesson"))
            if back else "")
        return Response(html, status=status if error else 200, content_type="text/html", charset="utf-8")

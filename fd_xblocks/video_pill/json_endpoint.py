"""A JSON handler decorator whose errors are translated and carry the field at fault."""
import functools
import json

from webob import Response
from xblock.core import XBlock

from fd_core import safe_json

from .errors import N_, PillInputError


def json_response(body, status=200):
    return Response(json.dumps(body), status=status, content_type="application/json", charset="utf-8")


def json_endpoint(func):
    """Like ``XBlock.json_handler``: POST only, JSON in and out; PillInputError -> 400 {"error", "field"}.

    The caller must be signed in (the LMS's no-auth route runs handlers for an anonymous user).
    The body is read with ``fd_core.safe_json`` (depth and size limits: never a RecursionError)."""

    @XBlock.handler
    @functools.wraps(func)
    def wrapper(self, request, suffix=""):
        _ = self._gettext()
        if request.method != "POST":
            response = json_response({"error": _("Send this request with POST.")}, 405)
            response.allow = ["POST"]
            return response
        if not self.caller_is_signed_in():
            return json_response({"error": _("Please sign in to continue.")}, 403)
        try:
            data = safe_json.loads(request.body)
        except safe_json.JsonInputError as error:
            return json_response({"error": str(error)}, 400)
        try:
            if not isinstance(data, dict):
                raise PillInputError(N_("The request body must be a JSON object."))
            return json_response(func(self, data, suffix))
        except PillInputError as error:
            return json_response({"error": error.translate(_), "field": error.field}, error.status)

    return wrapper

"""JSON handlers for XBlocks with the suite's input limits.

``XBlock.json_handler`` parses the body with ``json.loads``, so a body nested 50,000 levels deep
raises ``RecursionError`` (a 500). :func:`json_handler` is the same contract (POST only, JSON in
and out, :class:`xblock.exceptions.JsonHandlerError` becomes its status and message) with the body
read by :func:`fd_core.safe_json.loads`.
"""
import functools
import json

from webob import Response
from xblock.core import XBlock
from xblock.exceptions import JsonHandlerError

from . import safe_json


def json_handler(func):
    """Decorate ``func(self, data, suffix)`` as an XBlock handler taking and returning JSON."""

    @XBlock.handler
    @functools.wraps(func)
    def wrapper(self, request, suffix=""):
        if request.method != "POST":
            return JsonHandlerError(405, "Method must be POST").get_response(allow=["POST"])
        try:
            data = safe_json.loads(request.body)
        except safe_json.JsonInputError as error:
            return JsonHandlerError(400, str(error)).get_response()
        try:
            result = func(self, data, suffix)
        except JsonHandlerError as error:
            return error.get_response()
        if isinstance(result, Response):
            return result
        return Response(json.dumps(result), content_type="application/json", charset="utf-8")

    return wrapper


def json_response(body, status=200):
    """A webob JSON response, as XBlock handlers return them."""
    return Response(json.dumps(body), status=status, content_type="application/json", charset="utf-8")


def input_json_handler(error_class, signed_in_only=False):
    """A decorator like :func:`json_handler` whose errors are a block's own translated input errors.

    POST only; the body is read by :func:`fd_core.safe_json.loads` and must be a JSON object;
    ``error_class`` (an error with ``translate(gettext)``, ``field`` and ``status``) raised by the
    handler becomes ``{"error", "field"}`` with its status. Messages go through the block's
    ``_gettext()``. With ``signed_in_only`` a caller the block's ``caller_is_signed_in()`` refuses
    gets a 403 before the body is read (the LMS's no-auth route runs handlers for nobody).
    """

    def decorate(func):
        @XBlock.handler
        @functools.wraps(func)
        def wrapper(self, request, suffix=""):
            _ = self._gettext()
            if request.method != "POST":
                response = json_response({"error": _("Send this request with POST.")}, 405)
                response.allow = ["POST"]
                return response
            if signed_in_only and not self.caller_is_signed_in():
                return json_response({"error": _("Please sign in to continue.")}, 403)
            try:
                data = safe_json.loads(request.body)
            except safe_json.JsonInputError as error:  # says why (too deep, too large, not JSON), translated
                return json_response({"error": str(error)}, 400)
            if not isinstance(data, dict):
                return json_response({"error": _("The request body must be a JSON object."), "field": None}, 400)
            try:
                return json_response(func(self, data, suffix))
            except error_class as error:
                return json_response({"error": error.translate(_), "field": error.field}, error.status)

        return wrapper

    return decorate

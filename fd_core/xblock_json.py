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

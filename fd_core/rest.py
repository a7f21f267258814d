"""What the suite's REST APIs (DRF) share.

- :class:`SafeJSONParser` reads JSON bodies through :func:`fd_core.safe_json.loads` (depth and
  size limits): ``API_PARSERS`` is the ``parser_classes`` of every API view of ours.
- :class:`JsonErrorsMixin` answers an unexpected error with a JSON 500 (logged with its traceback)
  instead of the site's HTML page, and :func:`not_found_patterns` gives a JSON 404 to any path under
  an API prefix that matches no route.
- :class:`ErrorDocumentingSchema` (drf-spectacular) adds to every operation the error responses it
  can answer: 400 for a body, 403 (not signed in, or not allowed), 404 for a path with an id, 500.

The plugins cannot set the LMS's global ``REST_FRAMEWORK`` settings, so these are set per view.
"""
import logging

from django.http import JsonResponse
from django.urls import re_path
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.exceptions import ParseError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from . import safe_json
from .i18n import gettext as _

log = logging.getLogger(__name__)


class SafeJSONParser(JSONParser):
    """DRF's JSON parser with the suite's limits: too deep, too large or bad JSON is a 400."""

    def parse(self, stream, media_type=None, parser_context=None):
        body = stream.read() if stream is not None else b""
        try:
            return safe_json.loads(body)
        except safe_json.JsonInputError as error:
            raise ParseError(str(error)) from None


API_PARSERS = (SafeJSONParser, FormParser, MultiPartParser)


class JsonErrorsMixin:
    """Put first in an API view's bases. ``error_key`` names the message in error bodies."""

    error_key = "detail"

    def handle_exception(self, exc):
        try:
            return super().handle_exception(exc)
        except Exception:  # noqa: BLE001 - anything DRF did not turn into an answer
            log.exception("Unexpected error in %s %s", self.request.method, self.request.path)
            return Response({self.error_key: _("Something went wrong on our side; nothing was saved. "
                                               "Please try again later.")}, status=500)


def not_found_patterns(error_key="detail"):
    """Routes to put last under an API prefix: any other path there gets a JSON 404."""

    def api_not_found(request, *args, **kwargs):
        return JsonResponse({error_key: _("There is no such address in this API.")}, status=404)

    return [re_path(r"^.*$", api_not_found, name="api_not_found")]


class DetailErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What is wrong, in words a person understands.")


class ErrorDocumentingSchema(AutoSchema):
    """Documents the error responses every operation can give, on top of the declared ones."""

    error_serializer = DetailErrorSerializer
    # DRF's validation errors name each field at fault: {"field": ["message", ...], ...}.
    bad_request = OpenApiResponse(OpenApiTypes.OBJECT, description="The fields at fault and what is wrong.")

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        codes = ["403", "500"]
        if self.method in ("POST", "PUT", "PATCH"):
            codes.append("400")
        if "{" in self.path:
            codes.append("404")
        for code in codes:
            body = self.bad_request if code == "400" else self.error_serializer
            responses.setdefault(code, self._get_response_for_code(body, code, direction=direction))
        return dict(sorted(responses.items()))

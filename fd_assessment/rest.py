"""REST API (DRF) of fd_assessment: questionnaire, attempts and answers, results, history,
statistics. Documented by drf-spectacular at ``api/v1/schema/``."""
from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.response import Response
from rest_framework.views import APIView

from fd_core.rest import API_PARSERS, ErrorDocumentingSchema, JsonErrorsMixin

from . import api
from . import serializers as s
from .views import can_see_statistics

ERRORS = {400: s.ErrorSerializer, 404: s.ErrorSerializer}
LANG = OpenApiParameter("lang", str, enum=["it", "en"], description="Language of the texts (default: the page's)")


def _error(message, code=status.HTTP_400_BAD_REQUEST):
    return Response({"error": str(message)}, status=code)


def error_text(problems):
    """DRF's (possibly nested) validation errors as one readable line: field names before their
    messages, list positions left out (the message names the bad value), empty entries skipped."""
    if isinstance(problems, dict):
        parts = []
        for key, value in problems.items():
            text = error_text(value)
            if not text:
                continue
            is_position = isinstance(key, int) or str(key).isdigit()
            parts.append(text if is_position or key == "non_field_errors" else f"{key}: {text}")
        return "; ".join(parts)
    if isinstance(problems, list | tuple):
        return " ".join(text for text in (error_text(p) for p in problems) if text)
    return str(problems)


def _validation_error(serializer):
    return Response({"error": error_text(serializer.errors), "fields": serializer.errors}, status=400)


class Schema(ErrorDocumentingSchema):
    error_serializer = s.ErrorSerializer
    bad_request = s.ErrorSerializer


class Base(JsonErrorsMixin, APIView):
    authentication_classes = [SessionAuthentication]
    permission_classes = [permissions.IsAuthenticated]
    parser_classes = API_PARSERS
    schema = Schema()
    error_key = "error"

    def handle_exception(self, exc):
        """DRF's own errors (bad JSON, not signed in) in our shape: ``{"error": "..."}``."""
        response = super().handle_exception(exc)
        if isinstance(response.data, dict) and "detail" in response.data:
            response.data = {"error": str(response.data["detail"])}
        return response

    def lang(self, request):
        lang = request.query_params.get("lang") or (get_language() or "it")
        return "en" if lang.startswith("en") else "it"

    def attempt(self, request, attempt_id):
        return api.get_attempt(attempt_id, request.user)


class QuestionnaireView(Base):
    @extend_schema(parameters=[LANG, OpenApiParameter("form", str, enum=["short", "full"]),
                               OpenApiParameter("areas", str, description="Comma-separated areas, e.g. 1,4")],
                   responses={200: s.QuestionnaireSerializer, 400: s.ErrorSerializer})
    def get(self, request):
        try:
            data = api.questionnaire(self.lang(request), request.query_params.get("form", "short"),
                                     request.query_params.get("areas", ""))
        except api.AnswerError as error:
            return _error(error)
        return Response(data)


class AttemptsView(Base):
    @extend_schema(request=s.StartSerializer, responses={201: s.StateSerializer, 400: s.ErrorSerializer})
    def post(self, request):
        serializer = s.StartSerializer(data=request.data)
        if not serializer.is_valid():
            return _validation_error(serializer)
        try:
            attempt = api.start_attempt(request.user, **serializer.validated_data)
        except api.AnswerError as error:
            return _error(error)
        return Response(api.attempt_state(attempt, serializer.validated_data["language"]), status=201)


class AttemptView(Base):
    @extend_schema(parameters=[LANG], responses={200: s.StateSerializer, **ERRORS})
    def get(self, request, attempt_id):
        try:
            return Response(api.attempt_state(self.attempt(request, attempt_id), self.lang(request)))
        except api.AttemptNotFound as error:
            return _error(error, 404)


class AnswerView(Base):
    @extend_schema(request=s.AnswerSerializer, parameters=[LANG], responses={200: s.StateSerializer, **ERRORS})
    def post(self, request, attempt_id):
        try:
            attempt = self.attempt(request, attempt_id)  # someone else's attempt: 404 whatever the body
        except api.AttemptNotFound as error:
            return _error(error, 404)
        serializer = s.AnswerSerializer(data=request.data)
        if not serializer.is_valid():
            return _validation_error(serializer)
        try:
            data = serializer.validated_data
            api.answer(attempt, data["item_id"], data["value"], version=data.get("version"))
        except api.AttemptNotFound as error:
            return _error(error, 404)
        except api.AnswerError as error:
            return _error(error)
        return Response(api.attempt_state(attempt, self.lang(request)))


class SubmitView(Base):
    @extend_schema(request=None, parameters=[LANG], responses={200: s.ResultsSerializer, **ERRORS})
    def post(self, request, attempt_id):
        try:
            attempt = self.attempt(request, attempt_id)
            api.submit_attempt(attempt)
        except api.AttemptNotFound as error:
            return _error(error, 404)
        except api.AnswerError as error:
            return _error(error)
        return Response(api.results(attempt, self.lang(request)))


class ResultsView(Base):
    @extend_schema(parameters=[LANG], responses={200: s.ResultsSerializer, **ERRORS})
    def get(self, request, attempt_id):
        try:
            return Response(api.results(self.attempt(request, attempt_id), self.lang(request)))
        except api.AttemptNotFound as error:
            return _error(error, 404)
        except api.AnswerError as error:
            return _error(error)


class HistoryView(Base):
    @extend_schema(parameters=[LANG], responses={200: s.HistorySerializer(many=True)})
    def get(self, request):
        return Response(api.history(request.user, self.lang(request)))


STATS_PARAMS = [
    LANG,
    OpenApiParameter("course", str, description="A course key, 'standalone' or 'all' (default)"),
    OpenApiParameter("cohort", str, description="A cohort name or 'all' (default)"),
    OpenApiParameter("period_from", str, description="First month, YYYY-MM"),
    OpenApiParameter("period_to", str, description="Last month, YYYY-MM"),
]


class StatisticsView(Base):
    csv = False

    @extend_schema(parameters=STATS_PARAMS, responses={200: s.StatisticsSerializer, 400: s.ErrorSerializer,
                                                       403: s.ErrorSerializer})
    def get(self, request):
        params = {k: request.query_params.get(k) or None for k in ("course", "cohort", "period_from", "period_to")}
        if not can_see_statistics(request.user, params["course"]):
            return _error(_("Only staff can see the questionnaire statistics."), 403)
        try:
            data = api.statistics(self.lang(request), **params)
        except api.StatisticsFilterError as error:
            return _error(error)
        if self.csv:
            response = HttpResponse(api.statistics_csv(data), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="digcomp-statistics.csv"'
            return response
        return Response(data)


class StatisticsCsvView(StatisticsView):
    csv = True

    @extend_schema(parameters=STATS_PARAMS, responses={(200, "text/csv"): OpenApiTypes.STR,
                                                       400: s.ErrorSerializer, 403: s.ErrorSerializer})
    def get(self, request):
        return super().get(request)

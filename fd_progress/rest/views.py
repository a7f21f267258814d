"""Views of the fd_progress REST API: staff manage targets, sessions, attendance and assistance."""

from django.db.models import ProtectedError
from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, mixins, status, viewsets
from rest_framework.permissions import IsAdminUser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from fd_core.rest import API_PARSERS, DetailErrorSerializer, ErrorDocumentingSchema, JsonErrorsMixin

from ..activities import record_assistance, record_attendance
from ..keyset import pages
from ..models import AssistanceLog, FacilitationPoint, Target, TrainingSession
from ..series import progress_of
from .serializers import (
    AssistanceLogSerializer,
    AttendanceSerializer,
    FacilitationPointSerializer,
    TargetSerializer,
    TrainingSessionSerializer,
)


class StaffOnly(JsonErrorsMixin):
    permission_classes = [IsAdminUser]
    parser_classes = API_PARSERS
    schema = ErrorDocumentingSchema()


class TargetViewSet(StaffOnly, viewsets.ModelViewSet):
    """Participation targets, each with its current progress and forecast."""

    serializer_class = TargetSerializer
    queryset = Target.objects.prefetch_related("milestones")

    json_page_size = 500  # targets read, and their progress computed, at a time while the list is streamed

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action in ("list", "retrieve"):
            targets = self.filter_queryset(self.get_queryset())
            if self.action == "retrieve":
                targets = targets.filter(pk=self.kwargs.get("pk"))
            context["progress"] = {item.target.pk: item for item in progress_of(targets)}
        return context

    def list(self, request, *args, **kwargs):
        """The JSON list is streamed: the array goes out a page of targets at a time, so a region's many
        targets never sit in memory at once; its bytes are those the renderer makes of the whole list.
        Other renderers (the browsable API, an indented JSON) get the whole list, as before."""
        renderer = request.accepted_renderer
        context = self.get_renderer_context()
        if (type(renderer) is not JSONRenderer or renderer.get_indent(request.accepted_media_type, context)
                or self.paginator is not None):
            return super().list(request, *args, **kwargs)
        queryset = self.filter_queryset(self.get_queryset())
        # One serializer for the whole list, its context's progress replaced for each page; it keeps
        # nothing of a page (a ListSerializer would keep every page's data until the garbage collector
        # next looks at the cycle between a serializer and its fields).
        serializer_context = {**super().get_serializer_context(), "progress": {}}
        serializer = self.get_serializer_class()(context=serializer_context)

        def body():
            yield b"["
            separator = b""
            for page in pages(queryset, self.json_page_size):
                serializer_context["progress"] = {item.target.pk: item for item in progress_of(page)}
                for target in page:
                    item = serializer.to_representation(target)
                    yield separator + renderer.render(item, request.accepted_media_type, context)
                    separator = b","
            serializer_context["progress"] = {}
            yield b"]"

        return StreamingHttpResponse(body(), content_type=renderer.media_type)


@extend_schema_view(destroy=extend_schema(responses={204: None, 409: DetailErrorSerializer}))
class FacilitationPointViewSet(StaffOnly, viewsets.ModelViewSet):
    serializer_class = FacilitationPointSerializer
    queryset = FacilitationPoint.objects.all()

    def destroy(self, request, *args, **kwargs):
        """A point with training sessions or assistance hours stays: they are counted in the targets."""
        point = self.get_object()
        try:
            point.delete()
        except ProtectedError:
            message = _("This facilitation point cannot be deleted: %(sessions)d training sessions and "
                        "%(logs)d records of assistance hours refer to it, and they count in the targets.")
            return Response({"detail": message % {"sessions": point.sessions.count(),
                                                  "logs": point.assistance.count()}},
                            status=status.HTTP_409_CONFLICT)
        return Response(status=status.HTTP_204_NO_CONTENT)


class TrainingSessionViewSet(
    StaffOnly,
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = TrainingSessionSerializer
    queryset = TrainingSession.objects.select_related("facilitation_point")


class AssistanceLogViewSet(
    StaffOnly, mixins.CreateModelMixin, mixins.ListModelMixin, viewsets.GenericViewSet
):
    serializer_class = AssistanceLogSerializer
    queryset = AssistanceLog.objects.select_related("facilitation_point")

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = record_assistance(
            data["facilitation_point"], data["date"], data["hours"], data.get("people", 0)
        )


class AttendanceView(StaffOnly, generics.GenericAPIView):
    """Record who attended a training session: registered users and/or a head count."""

    serializer_class = AttendanceSerializer

    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        session = serializer.validated_data["session"]
        new, head_count = record_attendance(
            session, serializer.validated_data["users"], serializer.validated_data["head_count"]
        )
        return Response(
            {"session": session.pk, "new_attendances": new, "head_count": head_count},
            status=status.HTTP_201_CREATED,
        )

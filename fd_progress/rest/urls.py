"""Routes of the REST API (mounted under /fd/progress/api/)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import (
    AssistanceLogViewSet,
    AttendanceView,
    FacilitationPointViewSet,
    TargetViewSet,
    TrainingSessionViewSet,
)

router = SimpleRouter()
router.register("targets", TargetViewSet, basename="target")
router.register("points", FacilitationPointViewSet, basename="point")
router.register("sessions", TrainingSessionViewSet, basename="session")
router.register("assistance", AssistanceLogViewSet, basename="assistance")

urlpatterns = [path("attendances/", AttendanceView.as_view(), name="attendance"), *router.urls]

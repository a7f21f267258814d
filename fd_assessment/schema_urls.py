"""Only our REST API, at its real prefix, for the OpenAPI schema (drf-spectacular)."""
from django.urls import include, path

from .urls import api_patterns

urlpatterns = [path("fd/assessment/api/v1/", include((api_patterns, "fd_assessment")))]

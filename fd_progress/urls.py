"""URLs of fd_progress, mounted by the plugin framework under /fd/progress/."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from fd_core.rest import not_found_patterns

from .rest import urls as rest_urls
from .views import dashboard, opendata, public

app_name = "fd_progress"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("targets.csv", dashboard.targets_csv, name="targets-csv"),
    path("public/", public.public_page, name="public"),
    path("open-data/daily.csv", opendata.daily_csv, name="open-data-csv"),
    path("open-data/daily.json", opendata.daily_json, name="open-data-json"),
    path("open-data/metadata.jsonld", opendata.metadata, name="open-data-metadata"),
    path(
        "api/schema/",
        SpectacularAPIView.as_view(
            patterns=[path("fd/progress/api/", include(rest_urls.urlpatterns))],
            custom_settings={"TITLE": "Firenze Digitale: participation targets", "VERSION": "1"},
        ),
        name="api-schema",
    ),
    path("api/", include([*rest_urls.urlpatterns, *not_found_patterns()])),
]

"""The URLs of fd_badges from the site root, as the plugin framework mounts them (regex ``^``).

The DID document must be at ``/.well-known/did.json`` of the issuer's host (did:web); everything
else is under ``/fd/badges/``. Names stay ``fd_badges:<name>``.
"""
from django.urls import include, path

from . import urls, urls_wellknown

app_name = "fd_badges"
urlpatterns = [
    *urls_wellknown.urlpatterns,
    path("fd/badges/", include(urls.urlpatterns)),
]

"""Site-root URLs of fd_badges: mount at the root of the LMS (``/.well-known/did.json``)."""
from django.urls import path

from .views.public import did_json

urlpatterns = [path(".well-known/did.json", did_json, name="fd_badges_did_json")]

"""Site-root URLs of fd_badges (``/.well-known/did.json``), included by ``urls_site``."""
from django.urls import path

from .views.public import did_json

urlpatterns = [path(".well-known/did.json", did_json, name="did_json")]

"""Absolute URLs on the issuer's host (credentials must carry absolute URLs)."""
from django.urls import reverse


def absolute(issuer, name, **kwargs):
    return issuer.base_url + reverse(name, kwargs=kwargs)

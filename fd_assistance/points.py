"""The facilitation points, reached through the app registry (they belong to fd_progress)."""

from django.apps import apps
from django.http import Http404

from .models import POINT


def point_model():
    return apps.get_model(POINT)


def active_points():
    return point_model().objects.filter(active=True).order_by("name")


def get_active_point(point_id):
    point = active_points().filter(pk=point_id).first()
    if point is None:
        raise Http404("No such facilitation point")
    return point

"""Who may see a point's agenda and mark its bookings: staff, or people with ``fd_assistance.facilitate``.

A facilitator listed on some points' help desks sees only those points; one with the permission
and no help desk sees every point (the permission was given for the whole programme).
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from .models import HelpDesk
from .points import active_points

PERMISSION = "fd_assistance.facilitate"


def facilitator_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (request.user.is_staff or request.user.has_perm(PERMISSION)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def points_of(user):
    """The points whose agenda ``user`` (already let in by :func:`facilitator_required`) may see."""
    points = active_points()
    if user.is_staff:
        return points
    mine = HelpDesk.objects.filter(facilitators=user).values_list("point_id", flat=True)
    return points.filter(pk__in=list(mine)) if mine else points

"""The public page of figures: only targets marked public, small groups suppressed."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render

from fd_core.privacy import is_suppressed

from ..metrics import PEOPLE_METRICS
from ..models import Target
from ..series import progress_of
from .dashboard import decorate, point_names


def public_page(request):
    if not getattr(settings, "FD_PROGRESS_PUBLIC_PAGE", True):
        raise Http404
    items = progress_of(Target.objects.filter(is_public=True).prefetch_related("milestones"))
    items = decorate(items, point_names(), suppressed=lambda item: (
        item.target.metric in PEOPLE_METRICS and is_suppressed(round(item.value))))
    return render(request, "fd_progress/public.html", {"items": items})

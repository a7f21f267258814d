"""Staff tool: award a badge class to the learners listed in a CSV file, with a progress bar."""
import secrets

from django.contrib.admin.views.decorators import staff_member_required
from django.core.cache import cache
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from .. import awarding, bulk, queueing
from ..models import Award, BadgeClass
from .common import json_error

JOB_SECONDS = 24 * 3600


@staff_member_required
def bulk_award(request, slug):
    badge_class = get_object_or_404(BadgeClass, slug=slug)
    context = {"badge": badge_class}
    if request.method == "POST":
        upload = request.FILES.get("csv_file")
        narrative = (request.POST.get("narrative") or "").strip()
        if upload is None:
            context["error"] = _("Choose a CSV file.")
            return render(request, "fd_badges/bulk_award.html", context, status=400)
        try:
            rows, problems = bulk.parse(upload.read().decode("utf-8"), narrative)
        except (UnicodeDecodeError, bulk.BulkError) as error:
            message = str(error) if isinstance(error, bulk.BulkError) else _("The file is not UTF-8 text.")
            context["error"] = message
            return render(request, "fd_badges/bulk_award.html", context, status=400)
        # Every award is saved before anything is queued: a broker outage only delays signing and
        # the e-mails, which the periodic sweep does if the queue cannot be reached.
        queued = {"all": True}
        with transaction.atomic():
            created, pending = awarding.award_many(rows, badge_class, source=Award.BULK, awarded_by=request.user)
            transaction.on_commit(lambda: queued.update(all=queueing.enqueue_completion(pending)))
        job = secrets.token_urlsafe(12)
        cache.set(f"fd_badges:bulk:{job}", {"slug": slug, "users": [user.pk for user, _n in rows]}, JOB_SECONDS)
        context.update(job=job, total=len(rows), problems=problems, created=created,
                       held=len(rows) - created, queued=queued["all"])
    return render(request, "fd_badges/bulk_award.html", context)


@staff_member_required
def bulk_progress(request, job):
    data = cache.get(f"fd_badges:bulk:{job}")
    if data is None:
        return json_error(404, _("Unknown or expired bulk award."), "unknown_job")
    done = Award.objects.filter(badge_class__slug=data["slug"], user_id__in=data["users"],
                                notified_at__isnull=False).count()
    return JsonResponse({"done": done, "total": len(data["users"])})

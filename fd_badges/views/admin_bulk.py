"""Staff tool: award a badge class to the learners listed in a CSV file, with a progress bar.

Files of up to ``FD_BADGES_BULK_INLINE_ROWS`` rows are awarded in the request; larger ones run on
the worker. Either way the page shows the job's progress: polled by the page's script, or on the
job's own page, which a browser without JavaScript reloads.
"""
from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from .. import bulk, bulk_jobs
from ..models import BadgeClass, BulkAwardJob
from .common import json_error

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def _job_context(job, queued=True):
    state = bulk_jobs.progress(job)
    return {"badge": job.badge_class, "job": job.token, "job_row": job, "progress": state, "total": state["total"],
            "created": state["created"], "held": state["held"], "problems": job.problems,
            "more_problems": max(0, job.problem_count - len(job.problems)), "queued": queued}


@staff_member_required
def bulk_award(request, slug):
    badge_class = get_object_or_404(BadgeClass, slug=slug)
    context = {"badge": badge_class}
    if request.method != "POST":
        return render(request, "fd_badges/bulk_award.html", context)
    upload = request.FILES.get("csv_file")
    narrative = (request.POST.get("narrative") or "").strip()
    if upload is None:
        context["error"] = _("Choose a CSV file.")
        return render(request, "fd_badges/bulk_award.html", context, status=400)
    if upload.size > MAX_UPLOAD_BYTES:
        context["error"] = _("The file is too large: at most %(size)d MB.") % {"size": MAX_UPLOAD_BYTES // 2**20}
        return render(request, "fd_badges/bulk_award.html", context, status=413)
    try:
        text = upload.read().decode("utf-8")
        records = bulk.read(text)  # counts and limits the rows before any learner is looked up
    except (UnicodeDecodeError, bulk.BulkError) as error:
        context["error"] = str(error) if isinstance(error, bulk.BulkError) else _("The file is not UTF-8 text.")
        return render(request, "fd_badges/bulk_award.html", context, status=400)
    # Every award (or the job that makes them) is saved before anything is queued: a broker outage
    # only delays the work, which the periodic sweep does if the queue cannot be reached.
    with transaction.atomic():
        if len(records) <= settings.FD_BADGES_BULK_INLINE_ROWS:
            job, queued = bulk_jobs.award_now(badge_class, records, narrative, request.user)
        else:
            job, queued = bulk_jobs.award_later(badge_class, text, len(records), narrative, request.user)
    return render(request, "fd_badges/bulk_award.html", _job_context(job, queued["all"]))


@staff_member_required
def bulk_job(request, job):
    """The job's page (reload it to follow the progress without JavaScript)."""
    row = get_object_or_404(BulkAwardJob.objects.select_related("badge_class"), token=job)
    return render(request, "fd_badges/bulk_award.html", _job_context(row))


@staff_member_required
def bulk_progress(request, job):
    row = BulkAwardJob.objects.filter(token=job).first()
    if row is None:
        return json_error(404, _("Unknown or expired bulk award."), "unknown_job")
    return JsonResponse(bulk_jobs.progress(row))

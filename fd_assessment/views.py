"""HTML pages of the standalone questionnaire at /fd/assessment/ (signed-in people) and the
staff statistics page. The XBlock renders the same question and results templates."""
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from fd_core.platform import platform

from . import api
from .pages import question_context, results_context
from .results_chart import distribution_chart


def _lang():
    return (get_language() or "it")[:2]


@login_required
@require_http_methods(["GET"])
def home(request):
    return render(request, "fd_assessment/home.html", {
        "open_attempts": api.open_attempts(request.user), "history": api.history(request.user, _lang()),
        "areas": api.framework()["areas"], "lang": _lang(), "is_staff": request.user.is_staff,
    })


@login_required
@require_POST
def start(request):
    form = request.POST.get("form", "short")
    try:
        attempt = api.start_attempt(request.user, form=form, areas=request.POST.getlist("areas"),
                                    language=_lang(), cohort=request.POST.get("cohort", ""))
    except api.AnswerError as error:
        return render(request, "fd_assessment/home.html", {
            "error": str(error), "open_attempts": api.open_attempts(request.user),
            "history": api.history(request.user, _lang()), "areas": api.framework()["areas"], "lang": _lang(),
        }, status=400)
    return redirect("fd_assessment:take", attempt_id=attempt.pk)


@login_required
@require_http_methods(["GET", "POST"])
def take(request, attempt_id):
    try:
        attempt = api.get_attempt(attempt_id, request.user)
    except api.AttemptNotFound as error:
        return render(request, "fd_assessment/error.html", {"error": str(error)}, status=404)
    if attempt.status == attempt.COMPLETED:
        return redirect("fd_assessment:results", attempt_id=attempt.pk)
    urls = {"action_url": reverse("fd_assessment:take", args=[attempt.pk]),
            "submit_url": reverse("fd_assessment:submit", args=[attempt.pk])}
    if request.method == "POST":
        item_id = request.POST.get("item_id", "")
        value = request.POST.get("value")
        if value is None:
            error = _("Please choose one answer. \"I don't know\" is a fine answer too.")
        else:
            try:
                api.answer(attempt, item_id, value, version=request.POST.get("version"))
            except api.AnswerError as exc:
                error = str(exc)
            else:
                return redirect("fd_assessment:take", attempt_id=attempt.pk)
        return render(request, "fd_assessment/take.html", question_context(attempt, error, **urls), status=400)
    return render(request, "fd_assessment/take.html", question_context(attempt, **urls))


@login_required
@require_POST
def submit(request, attempt_id):
    try:
        attempt = api.get_attempt(attempt_id, request.user)
        api.submit_attempt(attempt)
    except api.AttemptNotFound as error:
        return render(request, "fd_assessment/error.html", {"error": str(error)}, status=404)
    except api.AttemptClosed:
        pass
    except api.AnswerError as error:
        urls = {"action_url": reverse("fd_assessment:take", args=[attempt.pk]),
                "submit_url": reverse("fd_assessment:submit", args=[attempt.pk])}
        return render(request, "fd_assessment/take.html", question_context(attempt, str(error), **urls),
                      status=400)
    return redirect("fd_assessment:results", attempt_id=attempt.pk)


@login_required
@require_http_methods(["GET"])
def results(request, attempt_id):
    try:
        attempt = api.get_attempt(attempt_id, request.user)
        context = results_context(attempt)
    except api.AttemptNotFound as error:
        return render(request, "fd_assessment/error.html", {"error": str(error)}, status=404)
    except api.AnswerError:
        return redirect("fd_assessment:take", attempt_id=attempt_id)
    return render(request, "fd_assessment/results.html", context)


def can_see_statistics(user, course):
    """Global staff see everything; course staff see their course's statistics."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    if course and course not in ("all", "standalone"):
        try:
            return platform().is_course_staff(user, CourseKey.from_string(course))
        except InvalidKeyError:
            return False
    return False


def _stats_request(request):
    params = {name: request.GET.get(name) or None for name in ("course", "period_from", "period_to", "cohort")}
    return params


@login_required
@require_http_methods(["GET"])
def staff_statistics(request):
    params = _stats_request(request)
    if not can_see_statistics(request.user, params["course"]):
        return HttpResponseForbidden(_("Only staff can see the questionnaire statistics."))
    try:
        data = api.statistics(_lang(), **params)
        status = 200
        error = None
    except api.StatisticsFilterError as exc:
        data, status, error = None, 400, str(exc)
    return render(request, "fd_assessment/statistics.html", {
        "data": data, "error": error, "params": params, "choices": api.statistics_filter_choices(),
        "dist": distribution_chart(data["rows"]) if data else None,
        "query": request.GET.urlencode(),
    }, status=status)


@login_required
@require_http_methods(["GET"])
def staff_statistics_csv(request):
    params = _stats_request(request)
    if not can_see_statistics(request.user, params["course"]):
        return HttpResponseForbidden(_("Only staff can see the questionnaire statistics."))
    try:
        data = api.statistics(_lang(), **params)
    except api.StatisticsFilterError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(api.statistics_csv(data), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="digcomp-statistics.csv"'
    return response

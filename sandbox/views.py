"""The sandbox's pages: courses, units with their blocks, Studio views, handlers, sign-up."""
import mimetypes
import re
from pathlib import Path

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import AnonymousUser
from django.http import FileResponse, Http404, HttpResponse, HttpResponseForbidden, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, ensure_csrf_cookie
from django.views.decorators.http import require_http_methods, require_POST
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey, UsageKey
from xblock.django.request import django_to_webob_request, webob_to_django_response
from xblock.exceptions import NoSuchHandlerError, NoSuchUsage

from fd_core.platform import platform

from . import course_progress, enrollment
from .courses import course_tree
from .inheritance import visible_to_learner
from .models import Course, CourseBlock
from .rendering import render_blocks
from .runtime import SandboxRuntime

BYTE_RANGE = re.compile(r"bytes=(?P<first>\d*)-(?P<last>\d*)")


def _course(course_id):
    try:
        key = CourseKey.from_string(course_id)
    except InvalidKeyError as exc:
        raise Http404(_("No course has that id.")) from exc
    return get_object_or_404(Course, course_key=key)


def _block(course, usage_id):
    try:
        key = UsageKey.from_string(usage_id)
    except InvalidKeyError as exc:
        raise Http404(_("No block has that id.")) from exc
    return get_object_or_404(CourseBlock, course=course, usage_key=key)


def _is_staff(user, course):
    return platform().is_course_staff(user, course.course_key)


def course_list(request):
    courses = Course.objects.order_by("display_name")
    enrolled = set()
    if request.user.is_authenticated:
        enrolled = set(request.user.courseenrollment_set.filter(is_active=True).values_list("course_id", flat=True))
    return render(request, "sandbox/course_list.html", {"courses": courses, "enrolled": enrolled})


def course_outline(request, course_id):
    course = _course(course_id)
    enrolled, is_staff = enrollment.is_enrolled(request.user, course), _is_staff(request.user, course)
    marks, resume = {}, None
    if enrolled or is_staff:  # the LMS shows progress and "Resume" to those who follow the course
        runtime = SandboxRuntime(request.user, course.course_key, is_staff=is_staff)
        marks = course_progress.unit_marks(runtime, course, request.user)
        resume = course_progress.resume_target(runtime, course, request.user)
    return render(request, "sandbox/course_outline.html", {
        "course": course, "tree": course_tree(course), "enrolled": enrolled, "is_staff": is_staff,
        "marks": marks, "resume": resume,
    })


@require_POST
@login_required
def enroll(request, course_id):
    course = _course(course_id)
    enrollment.enroll(request.user, course)
    messages.success(request, _("You are enrolled in %(course)s.") % {"course": course.display_name})
    return redirect("sandbox:course_outline", course_id=str(course.course_key))


def block_is_open(runtime, block):
    """The LMS's access check for loading a block: staff always; learners after its start date."""
    if runtime.user_is_staff:
        return True
    return visible_to_learner(block.start, block.visible_to_staff_only)


def _unit_is_open(runtime, unit):
    return course_progress.is_open(runtime, unit)


def _unit_context(request, course, unit, view_name, runtime=None):
    leaves = list(unit.children.order_by("position", "id"))
    runtime = runtime or SandboxRuntime(request.user, course.course_key, is_staff=_is_staff(request.user, course))
    shown = [leaf.usage_key for leaf in leaves if block_is_open(runtime, runtime.get_block(leaf.usage_key))]
    bodies, head, foot = render_blocks(runtime, shown, view_name)
    previous_unit, next_unit = course_progress.neighbours(runtime, course, unit)
    return {
        "course": course, "unit": unit, "bodies": bodies, "head_html": head, "foot_html": foot,
        "previous_unit": previous_unit, "next_unit": next_unit,
        "student_id": request.user.pk or "",
        "is_staff": runtime.user_is_staff,
    }


@login_required
@ensure_csrf_cookie
def unit(request, course_id, usage_id):
    course = _course(course_id)
    unit_block = _block(course, usage_id)
    if unit_block.block_type != "vertical":
        raise Http404(_("That block is not a unit."))
    if not (enrollment.is_enrolled(request.user, course) or _is_staff(request.user, course)):
        return render(request, "sandbox/enroll_first.html", {"course": course}, status=403)
    runtime = SandboxRuntime(request.user, course.course_key, is_staff=_is_staff(request.user, course))
    if not _unit_is_open(runtime, unit_block):
        raise Http404(_("This unit is not open yet."))
    return render(request, "sandbox/unit.html", _unit_context(request, course, unit_block, "student_view", runtime))


def jump_to(request, course_id, usage_id):
    course = _course(course_id)
    block = _block(course, usage_id)
    target = block
    while target is not None and target.block_type != "vertical":
        target = target.parent
    if target is None:
        return redirect("sandbox:course_outline", course_id=str(course.course_key))
    url = redirect("sandbox:unit", course_id=str(course.course_key), usage_id=str(target.usage_key)).url
    return redirect(f"{url}#{block.usage_key.block_id}" if block != target else url)


@login_required
@ensure_csrf_cookie
def studio(request, course_id, usage_id):
    """Studio's editor for one block (``studio_view``), with its ``author_view`` preview."""
    course = _course(course_id)
    block = _block(course, usage_id)
    if not _is_staff(request.user, course):
        return HttpResponseForbidden(_("Only course staff can edit this course."))
    runtime = SandboxRuntime(request.user, course.course_key, is_staff=True)
    editor, head, foot = render_blocks(runtime, [block.usage_key], "studio_view")
    preview, head2, foot2 = render_blocks(runtime, [block.usage_key], "author_view")
    # Not "block" in the context: inside {% block %} tags that name is Django's own (block.super).
    name = getattr(runtime.get_block(block.usage_key), "display_name", "") or block.display_name
    return render(request, "sandbox/studio.html", {
        "course": course, "block_name": name, "editor": editor[0][1], "preview": preview[0][1],
        "head_html": head + head2, "foot_html": foot + foot2, "student_id": request.user.pk,
    })


def _csrf_refusal(request):
    """The LMS checks CSRF itself in its handler view; the sandbox lets no test client skip it."""
    request._dont_enforce_csrf_checks = False  # noqa: SLF001 (Django's test client sets it to skip the check)
    return CsrfViewMiddleware(lambda req: None).process_view(request, None, (), {})


@csrf_exempt
@require_http_methods(["GET", "POST", "PUT", "DELETE"])
def xblock_handler(request, usage_id, handler, suffix="", authenticated=True):
    """Call a block's handler: the LMS's ``handle_xblock_callback``, or its ``_noauth`` twin.

    The authenticated route checks CSRF for a signed-in user (session authentication) and refuses
    other methods than GET without one. The no-auth route is CSRF-exempt and gives the block an
    anonymous user, whoever calls it.
    """
    if authenticated:
        if request.user.is_authenticated:
            refusal = _csrf_refusal(request)
            if refusal is not None:
                return JsonResponse({"error": _("The page has expired: reload it and try again.")}, status=403)
        elif request.method != "GET":
            return JsonResponse({"error": _("Please sign in to continue.")}, status=401)
    try:
        usage_key = UsageKey.from_string(usage_id)
        course = Course.objects.get(course_key=usage_key.course_key)
    except (InvalidKeyError, Course.DoesNotExist):
        return JsonResponse({"error": _("No block has that id.")}, status=404)
    user = request.user if authenticated else AnonymousUser()
    is_staff = _is_staff(user, course)
    if user.is_authenticated and not (is_staff or enrollment.is_enrolled(user, course)):
        return JsonResponse({"error": _("Enrol in the course first.")}, status=403)
    runtime = SandboxRuntime(user, course.course_key, is_staff=is_staff)
    try:
        block = runtime.get_block(usage_key)
    except NoSuchUsage:
        return JsonResponse({"error": _("No block has that id.")}, status=404)
    if not block_is_open(runtime, block):
        return JsonResponse({"error": _("No block has that id.")}, status=404)
    try:
        result = runtime.handle(block, handler, django_to_webob_request(request), suffix)
    except NoSuchHandlerError:
        return JsonResponse({"error": _("This block has no such action.")}, status=404)
    return webob_to_django_response(result)


def course_asset(request, course_id, path):
    """A course's static file, with HTTP Range support so that browsers can seek in videos."""
    course = _course(course_id)
    root = (Path(course.source_dir) / "static").resolve()
    target = (root / path).resolve()
    if root not in target.parents or not target.is_file():
        raise Http404(_("No such file."))
    content_type = mimetypes.guess_type(str(target))[0] or "application/octet-stream"
    size = target.stat().st_size
    byte_range = _byte_range(request.headers.get("Range"), size)
    if byte_range is None:
        response = FileResponse(target.open("rb"), content_type=content_type)
    elif byte_range is False:
        response = HttpResponse(status=416, headers={"Content-Range": f"bytes */{size}"})
    else:
        start, end = byte_range
        with target.open("rb") as handle:
            handle.seek(start)
            body = handle.read(end - start + 1)
        response = HttpResponse(body, status=206, content_type=content_type,
                                headers={"Content-Range": f"bytes {start}-{end}/{size}"})
    response["Accept-Ranges"] = "bytes"
    return response


def _byte_range(header, size):
    """``(start, end)`` for a single ``bytes=`` range, ``None`` without one, ``False`` if unsatisfiable."""
    match = BYTE_RANGE.fullmatch((header or "").strip())
    if not match:
        return None
    first, last = match["first"], match["last"]
    if first == "":
        if last == "":
            return None
        start, end = max(size - int(last), 0), size - 1
    else:
        start = int(first)
        end = min(int(last), size - 1) if last else size - 1
    if size == 0 or start >= size or start > end:
        return False
    return start, end


@require_http_methods(["GET", "POST"])
def register(request):
    form = UserCreationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        enrollment.registration_completed(user)
        login(request, user)
        return redirect("sandbox:course_list")
    return render(request, "sandbox/register.html", {"form": form}, status=400 if form.errors else 200)

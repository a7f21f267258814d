"""The pupils' side: join by code, follow the teacher's screen, answer the teacher's questions.

Pupils have no account. Every endpoint but the join page checks the pupil's signed cookie for
this very class. Everything works without JavaScript: plain forms, a refresh link, and a meta
refresh inside ``<noscript>``.
"""

from django.conf import settings
from django.http import HttpResponseNotModified, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import guard, live_state, snapshot
from ..codes import normalise
from ..models import Answer, ClassSession
from ..pupils import add_pupil, pupil_of, read_cookie, set_cookie


def _join_page(request, code="", message="", status=200):
    return render(request, "fd_classroom/join.html", {"code": code, "message": message}, status=status)


@require_http_methods(["GET", "POST"])
def join(request):
    if request.method == "GET":
        typed = request.GET.get("code", "")
        return _join_page(request, code=normalise(typed) or "")
    address = guard.client_address(request)
    if guard.locked_out(address):
        return _join_page(request, message=_("Too many wrong codes from this network. Wait 15 minutes and try again."),
                          status=429)
    if not guard.allow_attempt(address):
        return _join_page(request, message=_("Too many tries. Wait a few minutes and try again."), status=429)
    typed = request.POST.get("code", "")
    code = normalise(typed)
    if code is None:
        return _join_page(request, code="", status=400,
                          message=_("A class code has 6 letters and digits. Check it on the board."))
    session = ClassSession.objects.filter(code=code).first()
    if session is None:
        locked = guard.wrong_code(address)
        message = (_("Too many wrong codes from this network. Wait 15 minutes and try again.") if locked
                   else _("This code is not right. Check it on the board and try again."))
        return _join_page(request, code=code, message=message, status=429 if locked else 404)
    if not session.is_live or session.code_expires_at <= timezone.now():
        return _join_page(request, code=code, status=410,
                          message=_("This class is closed. Ask your teacher for a new code."))
    if session.pupils.count() >= settings.FD_CLASSROOM_MAX_PUPILS:
        return _join_page(request, code=code, status=409, message=_("This class is full. Ask your teacher."))
    pupil, token = add_pupil(session, language=get_language() or "it")
    response = redirect("fd_classroom:pupil", code=session.code)
    set_cookie(response, session, pupil, token)
    return response


def _session_for_pupil(request, code):
    """``(session, pupil)`` or ``(None, response)`` for a request without a valid pupil cookie."""
    session = ClassSession.objects.filter(code=normalise(code) or "").first()
    pupil = pupil_of(request, session) if session is not None else None
    if pupil is None:
        return None, _join_page(request, code=normalise(code) or "", status=403,
                                message=_("Enter the class code to join the class."))
    return session, pupil


def _public_question(spot):
    """What a pupil sees of a question before answering: no correct flags, no feedback."""
    question = spot["question"]
    return {"prompt": question["prompt"] or spot["label"], "type": question["type"],
            "options": [option["text"] for option in question["options"]]}


@require_GET
def pupil_page(request, code):
    session, pupil = _session_for_pupil(request, code)
    if session is None:
        return pupil
    tour = session.tour
    scene = snapshot.scene(tour, session.scene_id)
    question, answer, question_spot = None, None, None
    if session.question_id:
        _scene, question_spot = snapshot.question(tour, session.question_id)
        if question_spot is not None:
            question = _public_question(question_spot)
            answer = Answer.objects.filter(pupil=pupil, question_id=session.question_id).first()
    pointed = snapshot.hotspot(tour, session.scene_id, session.pointed_id) if session.pointed_id else None
    context = {
        "session": session, "pupil": pupil, "tour": tour, "scene": scene,
        "scene_number": snapshot.scene_index(tour, session.scene_id) + 1, "scene_total": len(tour["scenes"]),
        "pointed": pointed, "question": question, "question_spot": question_spot, "answer": answer,
        "poll_url": reverse("fd_classroom:poll", kwargs={"code": session.code}),
        "poll_seconds": settings.FD_CLASSROOM_POLL_SECONDS,
        "state": _state(session.version, session.status, session.scene_id, session.pointed_id,
                        session.paused, session.question_id),
        "message": request.GET.get("m", ""),
    }
    return render(request, "fd_classroom/pupil.html", context)


def _state(version, status, scene_id, pointed_id, paused, question_id):
    return {"version": version, "status": status, "scene": scene_id, "pointed": pointed_id,
            "paused": paused, "question": question_id}


@require_GET
def poll(request, code):
    """What a pupil's screen must show now, as a few values; 304 when nothing changed.

    The class's live values come from the cache, else from one indexed query (the class by its
    unique code); the pupil is known from the signed cookie without touching the database.
    """
    found = read_cookie(request)
    if found is None:
        return JsonResponse({"error": _("Join the class first.")}, status=403)
    row = live_state.read(normalise(code) or "")
    if row is None or row[0] != found[0]:
        return JsonResponse({"error": _("This class no longer exists.")}, status=404 if row else 410)
    etag = f'"{row[1]}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        response = JsonResponse(_state(*row[1:]))
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache, private"
    return response


def _chosen(request, kind, count):
    """The option indices posted, or None when they do not fit the question."""
    values = request.POST.getlist("choice")
    if not values or len(values) > count:
        return None
    try:
        choices = sorted({int(value) for value in values})
    except (TypeError, ValueError):
        return None
    if any(not 0 <= index < count for index in choices):
        return None
    if kind != "multiple" and len(choices) != 1:
        return None
    return choices


@require_POST
def answer(request, code):
    session, pupil = _session_for_pupil(request, code)
    if session is None:
        return pupil
    wants_json = "application/json" in request.headers.get("Accept", "")
    key = request.POST.get("question", "")
    _scene, spot = snapshot.question(session.tour, key) if isinstance(key, str) else (None, None)
    if not session.is_live or spot is None or key != session.question_id:
        return _answer_refused(request, session, wants_json, _("This question is closed."), 409)
    choices = _chosen(request, spot["question"]["type"], len(spot["question"]["options"]))
    if choices is None:
        return _answer_refused(request, session, wants_json, _("Choose an answer first."), 400)
    correct_set = [index for index, option in enumerate(spot["question"]["options"]) if option["correct"]]
    Answer.objects.update_or_create(
        pupil=pupil, question_id=key,
        defaults={"session": session, "choices": choices, "correct": choices == correct_set},
    )
    if wants_json:
        return JsonResponse({"saved": True})
    return redirect(reverse("fd_classroom:pupil", kwargs={"code": session.code}) + "?m=saved#question")


def _answer_refused(request, session, wants_json, message, status):
    if wants_json:
        return JsonResponse({"error": message}, status=status)
    return render(request, "fd_classroom/message.html",
                  {"message": message, "back": reverse("fd_classroom:pupil", kwargs={"code": session.code})},
                  status=status)

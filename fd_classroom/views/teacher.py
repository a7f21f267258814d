"""The teacher's side: the lead page for the whiteboard, its controls, the summary and the guide.

Controls are plain form posts (each answered with a redirect back), so the page works without
JavaScript; with JavaScript, the arrivals and pooled answers refresh by themselves.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import classes, snapshot
from ..qr import join_qr_svg
from ..summary import class_summary, options_with_counts, pooled
from .access import teacher_of_class


def _join_url(request, session):
    return request.build_absolute_uri(f"{reverse('fd_classroom:join')}?code={session.code}")


def _current_question(session):
    if not session.question_id:
        return None
    _scene, spot = snapshot.question(session.tour, session.question_id)
    if spot is None:
        return None
    pool = pooled(session, session.question_id)
    return {"key": session.question_id, "spot": spot, "prompt": spot["question"]["prompt"] or spot["label"],
            "answered": pool["answered"], "options": options_with_counts(spot, pool)}


def _nicknames(session):
    return list(session.pupils.order_by("joined_at", "id").values_list("nickname", flat=True))


@require_GET
@teacher_of_class
def lead(request, session):
    if not session.is_live:
        return redirect("fd_classroom:summary", public_id=session.public_id)
    tour = session.tour
    join_url = _join_url(request, session)
    context = {
        "session": session, "tour": tour, "scene": snapshot.scene(tour, session.scene_id),
        "scene_number": snapshot.scene_index(tour, session.scene_id) + 1, "scene_total": len(tour["scenes"]),
        "questions": [{"key": key, "scene": item, "spot": spot} for key, item, spot in snapshot.questions(tour)],
        "current": _current_question(session), "nicknames": _nicknames(session),
        "join_url": join_url, "qr": join_qr_svg(join_url, _("QR code of the join page")),
        "status_url": reverse("fd_classroom:lead-status", kwargs={"public_id": session.public_id}),
    }
    return render(request, "fd_classroom/lead.html", context)


@require_GET
@teacher_of_class
def lead_status(request, session):
    """Arrivals and the pooled answers of the question asked, for the lead page's live refresh."""
    current = _current_question(session)
    return JsonResponse({
        "version": session.version, "status": session.status, "arrived": _nicknames(session),
        "question": None if current is None else {
            "key": current["key"], "answered": current["answered"],
            "counts": [option["count"] for option in current["options"]],
        },
    })


ACTIONS = ("goto", "next", "previous", "point", "unpoint", "pause", "resume", "ask", "close", "end")


@require_POST
@teacher_of_class
def act(request, session):
    action = request.POST.get("action", "")
    if action not in ACTIONS:
        messages.error(request, _("Unknown command."))
        return redirect("fd_classroom:lead", public_id=session.public_id)
    try:
        _apply(session, action, request.POST)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    if action == "end":
        return redirect("fd_classroom:summary", public_id=session.public_id)
    return redirect(reverse("fd_classroom:lead", kwargs={"public_id": session.public_id}) + "#controls")


def _apply(session, action, data):
    ids = [item["id"] for item in session.tour["scenes"]]
    index = ids.index(session.scene_id) if session.scene_id in ids else 0
    if action == "goto":
        classes.go_to_scene(session, data.get("scene", ""))
    elif action in ("next", "previous"):
        step = 1 if action == "next" else -1
        classes.go_to_scene(session, ids[max(0, min(len(ids) - 1, index + step))])
    elif action == "point":
        classes.point_at(session, data.get("hotspot", ""))
    elif action == "unpoint":
        classes.point_at(session, "")
    elif action in ("pause", "resume"):
        classes.set_paused(session, action == "pause")
    elif action == "ask":
        classes.ask(session, data.get("question", ""))
    elif action == "close":
        classes.close_question(session)
    elif action == "end":
        classes.end(session)


@require_GET
@teacher_of_class
def summary(request, session):
    return render(request, "fd_classroom/summary.html", {
        "session": session, "tour": session.tour, "stops": class_summary(session),
        "head_count": session.pupils.count(),
    })


@require_GET
@teacher_of_class
def guide(request, session):
    stops = [{"scene": item, "questions": [spot for spot in item["hotspots"] if spot["question"]]}
             for item in session.tour["scenes"]]
    total = sum(item["guide"]["minutes"] for item in session.tour["scenes"])
    return render(request, "fd_classroom/guide.html",
                  {"session": session, "tour": session.tour, "stops": stops, "total_minutes": total})


@require_POST
@teacher_of_class
def delete(request, session):
    classes.delete(session)
    return redirect("fd_classroom:deleted")


def deleted(request):
    return render(request, "fd_classroom/message.html", {"message": _("The class and all its data are deleted.")})

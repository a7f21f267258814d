"""What the learner's template needs: every stop as text, the learner's progress, the form targets."""
import json

from fd_core.sanitize import clean_html

from .strings import page_strings


def json_for_script(value):
    """JSON safe inside <script type="application/json"> (no closing tag, no HTML specials)."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def csrf_token():
    """The CSRF token of the current request, for the forms that work without JavaScript.

    The LMS (and the sandbox) keep the request in ``crum``; outside a request there is no form to protect.
    """
    try:
        from crum import get_current_request
        from django.middleware.csrf import get_token
    except ImportError:  # pragma: no cover - crum ships with edx-django-utils
        return ""
    request = get_current_request()
    return get_token(request) if request is not None else ""


def pin_position(scene, hotspot):
    """Where a hotspot sits on the picture, in percent (a panorama maps yaw/pitch onto its 2:1 image)."""
    if scene["kind"] == "360":
        return round((hotspot["yaw"] + 180) / 360 * 100, 2), round((90 - hotspot["pitch"]) / 180 * 100, 2)
    return round(hotspot["x"] * 100, 2), round(hotspot["y"] * 100, 2)


class ViewContextMixin:
    """Builds the template context of ``student_view`` (also the Studio preview)."""

    def uid(self):
        return "fd-tour-" + "".join(ch if ch.isalnum() else "-" for ch in str(self.scope_ids.usage_id))

    def question_state(self, hotspot, _):
        answer = self.answers.get(hotspot["id"])
        question = hotspot["question"]
        options = [{"index": i, "text": option["text"],
                    "chosen": bool(answer) and i in answer.get("answer", [])}
                   for i, option in enumerate(question["options"])]
        return {
            "prompt": clean_html(question["prompt"]), "options": options,
            "input_type": "checkbox" if question["type"] == "multiple" else "radio",
            "answered": answer is not None,
            "verdict": "" if answer is None else (_("Right!") if answer.get("correct") else _("Not quite.")),
            "correct": bool(answer and answer.get("correct")),
            "feedback": clean_html(question["feedback"]) if answer is not None else "",
        }

    def scene_context(self, scene, number, total, _):
        uid = self.uid()
        scene_ids = self.scene_ids()
        hotspots = []
        for hotspot in scene["hotspots"]:
            left, top = pin_position(scene, hotspot)
            item = {
                **hotspot, "anchor": f"{uid}-h-{hotspot['id']}", "left": left, "top": top,
                "text": clean_html(hotspot["text"]),
                "image_url": hotspot["image_url"], "video_url": hotspot["video_url"],
                "is_found": hotspot["id"] in self.found,
            }
            if hotspot["kind"] == "goto":
                target = scene_ids.index(hotspot["target"])
                item["target_title"] = self.scenes[target]["title"]
                item["target_anchor"] = f"{uid}-s-{hotspot['target']}"
                item["go_label"] = _("go to: {title}").format(title=item["target_title"])
            if hotspot["kind"] == "question":
                item["q"] = self.question_state(hotspot, _)
            hotspots.append(item)
        following = self.scenes[number] if number < total else None
        return {
            **scene, "number": number, "anchor": f"{uid}-s-{scene['id']}",
            "description": clean_html(scene["description"]),
            "heading": _("Stop {number} of {total}: {title}").format(number=number, total=total,
                                                                    title=scene["title"]),
            "visited": scene["id"] in self.visited,
            "hotspots": hotspots,
            "next_id": following["id"] if following else "",
            "next_title": following["title"] if following else "",
            "next_label": _("Next stop: {title}").format(title=following["title"]) if following else "",
            "pins_label": _("Hotspots on the picture of “{title}”").format(title=scene["title"]),
        }

    def progress_text(self, _):
        total = len(self.scenes)
        return _("Stop {number} of {total} · {visited} visited").format(
            number=self.current_index() + 1, total=total, visited=len(set(self.visited) & set(self.scene_ids())))

    def summary_context(self, _):
        questions = [h for scene in self.scenes for h in scene["hotspots"] if h["kind"] == "question"]
        finds = [h for scene in self.scenes for h in scene["hotspots"] if h["kind"] == "find"]
        visited = len(set(self.visited) & set(self.scene_ids()))
        return {
            "stops": _("You visited {visited} of {total} stops.").format(visited=visited, total=len(self.scenes)),
            "answers": _("You answered {right} of {total} questions correctly.").format(
                right=self.earned_score(), total=len(questions)) if questions else "",
            "finds": _("You found {found} of {total} hidden things.").format(
                found=len([f for f in finds if f["id"] in self.found]), total=len(finds)) if finds else "",
            "completion": _("The tour is complete.") if self.completed else _(
                "Visit {needed} stops to complete the tour.").format(needed=self.stops_needed()),
        }

    def view_context(self, preview=False):
        _ = self._gettext()
        total = len(self.scenes)
        uid = self.uid()
        current = self.scenes[self.current_index()]["id"] if self.scenes else ""
        state = {
            "uid": uid, "current": current, "visited": list(self.visited), "found": list(self.found),
            "completed": self.completed, "preview": preview,
            "visitUrl": self.runtime.handler_url(self, "visit_scene"),
            "answerUrl": self.runtime.handler_url(self, "answer_question"),
            "viewer": self.viewer_urls(),
            "scenes": [{"id": s["id"], "kind": s["kind"], "title": s["title"], "image": s["image_url"],
                        "startYaw": s["start_yaw"],
                        "hotspots": [{"id": h["id"], "kind": h["kind"], "label": h["label"], "yaw": h["yaw"],
                                      "pitch": h["pitch"], "target": h["target"], "arriveYaw": h["arrive_yaw"]}
                                     for h in s["hotspots"]]}
                       for s in self.scenes],
            "strings": {
                "progress": _("Stop {number} of {total} · {visited} visited"),
                "arrived": _("You are at stop {number} of {total}: {title}."),
                "found": _("Well done, you found it: {label}."),
                "complete": _("The tour is complete."),
                "viewer": _("360° view of “{title}”. Use the arrow keys to look around."),
                "viewerFailed": _("The 360° view cannot be shown here: the picture and the text above "
                                  "tell the same."),
                "error": _("That did not work: {message}"),
                "summary": _("Summary of the tour"),
            },
        }
        return {
            "t": page_strings(_), "uid": uid, "title": self.tour_title(), "intro": clean_html(self.intro),
            "preview": preview,
            "scenes": [self.scene_context(scene, number, total, _)
                       for number, scene in enumerate(self.scenes, start=1)],
            "current": current, "progress_text": self.progress_text(_), "summary": self.summary_context(_),
            "form_url": self.runtime.handler_url(self, "tour_form"),
            "csrf_token": "" if preview else csrf_token(),
            "first_id": self.scenes[0]["id"] if self.scenes else "",
            "class_mode": None if preview else self.class_mode_context(),
            "state_json": json_for_script(state),
        }

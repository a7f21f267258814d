"""The tour snapshot a class keeps: the block's ``student_view_data()``, checked and trimmed.

Only the keys listed here are kept, every value has its type checked, and URLs must be http(s)
or site-relative (course assets), so the pupils' pages can expose nothing beyond the tour's
scenes. Hotspot text is sanitised again with nh3 when a page renders it.
"""

from django.core.exceptions import ValidationError

from fd_core.sanitize import clean_html, is_http_url

MAX_SCENES = 100
MAX_HOTSPOTS = 60
QUESTION_TYPES = ("single", "multiple", "truefalse")


def _text(value, where, limit=20000):
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(f"{where} must be text.")
    return value[:limit]


def _number(value, where, default=0.0):
    if value is None or value == "":
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(f"{where} must be a number.")
    return float(value)


def _url(value, where):
    value = _text(value, where, 2000).strip()
    if value and not is_http_url(value, allow_relative=True):
        raise ValidationError(f"{where} must be an http(s) or course-asset URL.")
    return value


def _list(value, where):
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValidationError(f"{where} must be a list.")
    return value


def _dict(value, where):
    if not isinstance(value, dict):
        raise ValidationError(f"{where} must be an object.")
    return value


def _identifier(value, where):
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    value = _text(value, where, 64).strip()
    if not value:
        raise ValidationError(f"{where} needs an id.")
    return value


def _question(value, where):
    if value is None:
        return None
    value = _dict(value, where)
    kind = value.get("type")
    if kind not in QUESTION_TYPES:
        raise ValidationError(f"{where}: the type must be one of {', '.join(QUESTION_TYPES)}.")
    options = []
    for index, option in enumerate(_list(value.get("options"), f"{where} options")[:20]):
        option = _dict(option, f"{where} option {index + 1}")
        correct = option.get("correct", False)
        if not isinstance(correct, bool):
            raise ValidationError(f"{where} option {index + 1}: 'correct' must be true or false.")
        options.append({"text": _text(option.get("text"), f"{where} option {index + 1}", 500), "correct": correct})
    if len(options) < 2:
        raise ValidationError(f"{where} needs at least two options.")
    return {
        "prompt": _text(value.get("prompt"), f"{where} prompt", 2000),
        "type": kind,
        "options": options,
        "feedback": _text(value.get("feedback"), f"{where} feedback", 4000),
    }


def _hotspot(value, where):
    value = _dict(value, where)
    return {
        "id": _identifier(value.get("id"), where),
        "kind": _text(value.get("kind"), f"{where} kind", 16) or "info",
        "label": _text(value.get("label"), f"{where} label", 300),
        "yaw": _number(value.get("yaw"), f"{where} yaw"),
        "pitch": _number(value.get("pitch"), f"{where} pitch"),
        "x": _number(value.get("x"), f"{where} x"),
        "y": _number(value.get("y"), f"{where} y"),
        "text": clean_html(_text(value.get("text"), f"{where} text")),
        "image_url": _url(value.get("image_url"), f"{where} image_url"),
        "video_url": _url(value.get("video_url"), f"{where} video_url"),
        "target": _text(value.get("target"), f"{where} target", 64),
        "arrive_yaw": _number(value.get("arrive_yaw"), f"{where} arrive_yaw"),
        "question": _question(value.get("question"), f"{where} question"),
    }


def _scene(value, where):
    value = _dict(value, where)
    guide = value.get("guide") or {}
    guide = _dict(guide, f"{where} guide")
    minutes = guide.get("minutes", 0)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 <= minutes <= 600:
        raise ValidationError(f"{where} guide minutes must be a whole number from 0 to 600.")
    hotspots = _list(value.get("hotspots"), f"{where} hotspots")[:MAX_HOTSPOTS]
    return {
        "id": _identifier(value.get("id"), where),
        "title": _text(value.get("title"), f"{where} title", 300),
        "kind": "360" if value.get("kind") == "360" else "flat",
        "image_url": _url(value.get("image_url"), f"{where} image_url"),
        "alt": _text(value.get("alt"), f"{where} alt", 1000),
        "description": _text(value.get("description"), f"{where} description"),
        "narration": _text(value.get("narration"), f"{where} narration"),
        "audio_url": _url(value.get("audio_url"), f"{where} audio_url"),
        "captions_url": _url(value.get("captions_url"), f"{where} captions_url"),
        "start_yaw": _number(value.get("start_yaw"), f"{where} start_yaw"),
        "hotspots": [_hotspot(item, f"{where} hotspot {index + 1}") for index, item in enumerate(hotspots)],
        "guide": {
            "questions": [_text(item, f"{where} guide question", 1000)
                          for item in _list(guide.get("questions"), f"{where} guide questions")[:20]],
            "minutes": minutes,
        },
    }


def clean_tour(tour):
    """Return the snapshot to store, or raise ``ValidationError`` saying what is wrong."""
    tour = _dict(tour, "The tour")
    scenes = _list(tour.get("scenes"), "The tour's scenes")
    if not scenes:
        raise ValidationError("The tour has no scenes.")
    if len(scenes) > MAX_SCENES:
        raise ValidationError(f"A tour has at most {MAX_SCENES} scenes.")
    cleaned = [_scene(scene, f"Scene {index + 1}") for index, scene in enumerate(scenes)]
    ids = [scene["id"] for scene in cleaned]
    if len(set(ids)) != len(ids):
        raise ValidationError("Two scenes have the same id.")
    viewer = tour.get("viewer") or {}
    viewer = _dict(viewer, "The viewer")
    return {
        "title": _text(tour.get("title"), "The tour's title", 300),
        "language": _text(tour.get("language"), "The tour's language", 16) or "it",
        "scenes": cleaned,
        "viewer": {
            "js": [_url(url, "A viewer script") for url in _list(viewer.get("js"), "The viewer's scripts")[:10]],
            "css": [_url(url, "A viewer style") for url in _list(viewer.get("css"), "The viewer's styles")[:10]],
        },
    }


def scene(tour, scene_id):
    """The scene with this id, or the first scene."""
    for item in tour["scenes"]:
        if item["id"] == scene_id:
            return item
    return tour["scenes"][0]


def scene_index(tour, scene_id):
    for index, item in enumerate(tour["scenes"]):
        if item["id"] == scene_id:
            return index
    return 0


def hotspot(tour, scene_id, hotspot_id):
    """The hotspot of this scene with this id, or None."""
    for item in scene(tour, scene_id)["hotspots"]:
        if item["id"] == hotspot_id:
            return item
    return None


def question_key(scene_item, spot):
    """A question's key in the class: hotspot ids need only be unique within their scene."""
    return f"{scene_item['id']}/{spot['id']}"


def questions(tour):
    """Every question hotspot of the tour as ``(key, scene, hotspot)``, in tour order."""
    return [(question_key(item, spot), item, spot)
            for item in tour["scenes"] for spot in item["hotspots"] if spot["question"]]


def question(tour, key):
    """``(scene, hotspot)`` of a question hotspot by key, or ``(None, None)``."""
    for found, item, spot in questions(tour):
        if found == key:
            return item, spot
    return None, None

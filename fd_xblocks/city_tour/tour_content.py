"""The tour's content model and its validation: scenes, hotspots, questions, the teacher's guide.

``clean_scenes`` takes what an author sends (the Studio editor, OLX) and returns the stored form
or raises ``TourInputError`` naming the scene, hotspot and field at fault. Author HTML is
sanitised with nh3 (``fd_core.sanitize``); URLs must be http(s) or a course file (``/static/...``).
"""
import math
import re

from fd_core.sanitize import clean_html, is_http_url

from .errors import N_, TourInputError

SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
SCENE_KINDS = ("360", "flat")
HOTSPOT_KINDS = ("info", "goto", "question", "find")
QUESTION_TYPES = ("single", "multiple", "truefalse")
MAX_SCENES = 40
MAX_HOTSPOTS = 30
MAX_OPTIONS = 8
MAX_TITLE = 200
MAX_LABEL = 120
MAX_TEXT = 10_000
MAX_URL = 1_000


def is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def clean_url(value, field, where, required=False):
    """An http(s) URL or a course file (``/static/name``); empty allowed unless required."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise TourInputError(N_("{name} must be a web address."), field, where=where, name=field)
    value = value.strip()
    if not value:
        if required:
            raise TourInputError(N_("{name} is required."), field, where=where, name=field)
        return ""
    if (len(value) > MAX_URL or value.startswith("//")
            or not (is_http_url(value) or (value.startswith("/static/") and is_http_url(value, True)))):
        raise TourInputError(
            N_("{name} must start with http://, https:// or /static/ (a course file)."),
            field, where=where, name=field)
    return value


def clean_text(value, field, where, limit, required=False):
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise TourInputError(N_("{name} must be text."), field, where=where, name=field)
    value = value.strip()
    if required and not value:
        raise TourInputError(N_("{name} is required."), field, where=where, name=field)
    if len(value) > limit:
        raise TourInputError(N_("{name} is too long (at most {limit} characters)."), field, where=where,
                             name=field, limit=limit)
    return value


def clean_html_text(value, field, where, limit=MAX_TEXT):
    return clean_html(clean_text(value, field, where, limit))


def clean_angle(value, field, where, low, high, required):
    """A number of degrees in [low, high]; None when not required and absent."""
    if value is None or value == "":
        if required:
            raise TourInputError(N_("{name} is required."), field, where=where, name=field)
        return None
    if not is_number(value) or not low <= value <= high:
        raise TourInputError(N_("{name} must be a number from {low} to {high}."), field, where=where,
                             name=field, low=low, high=high)
    return float(value)


def clean_slug(value, field, where):
    if not isinstance(value, str) or not SLUG.match(value):
        raise TourInputError(
            N_("{name} must be 1 to 64 small letters, digits, dashes or underscores."),
            field, where=where, name=field)
    return value


def clean_question(raw, where):
    if not isinstance(raw, dict):
        raise TourInputError(N_("A question hotspot needs a question."), "question", where=where)
    kind = raw.get("type")
    if kind not in QUESTION_TYPES:
        raise TourInputError(N_("The question type must be single, multiple or truefalse."), "type", where=where)
    options = raw.get("options")
    if not isinstance(options, list) or not 2 <= len(options) <= MAX_OPTIONS:
        raise TourInputError(N_("A question needs 2 to 8 options."), "options", where=where)
    cleaned = []
    for option in options:
        if not isinstance(option, dict) or not isinstance(option.get("correct", False), bool):
            raise TourInputError(N_("Each option needs a text and correct: true or false."), "options",
                                 where=where)
        cleaned.append({"text": clean_text(option.get("text"), "text", where, MAX_LABEL, required=True),
                        "correct": option.get("correct", False)})
    right = sum(1 for option in cleaned if option["correct"])
    if kind == "truefalse" and len(cleaned) != 2:
        raise TourInputError(N_("A true/false question has exactly two options."), "options", where=where)
    if kind in ("single", "truefalse") and right != 1:
        raise TourInputError(N_("Exactly one option must be correct."), "options", where=where)
    if kind == "multiple" and right < 1:
        raise TourInputError(N_("At least one option must be correct."), "options", where=where)
    return {"prompt": clean_html_text(raw.get("prompt"), "prompt", where, 2000), "type": kind,
            "options": cleaned, "feedback": clean_html_text(raw.get("feedback"), "feedback", where, 2000)}


def clean_hotspot(raw, scene_kind, where):
    if not isinstance(raw, dict):
        raise TourInputError(N_("Each hotspot must be an object."), "hotspots", where=where)
    hotspot_id = clean_slug(raw.get("id"), "id", where)
    where = f"{where} › {hotspot_id}"
    kind = raw.get("kind")
    if kind not in HOTSPOT_KINDS:
        raise TourInputError(N_("The hotspot kind must be info, goto, question or find."), "kind", where=where)
    spherical = scene_kind == "360"
    hotspot = {
        "id": hotspot_id, "kind": kind,
        "label": clean_text(raw.get("label"), "label", where, MAX_LABEL, required=True),
        "yaw": clean_angle(raw.get("yaw"), "yaw", where, -180, 180, spherical) if spherical else None,
        "pitch": clean_angle(raw.get("pitch"), "pitch", where, -90, 90, spherical) if spherical else None,
        "x": None if spherical else clean_angle(raw.get("x"), "x", where, 0, 1, True),
        "y": None if spherical else clean_angle(raw.get("y"), "y", where, 0, 1, True),
        "text": clean_html_text(raw.get("text"), "text", where),
        "image_url": clean_url(raw.get("image_url"), "image_url", where),
        "video_url": clean_url(raw.get("video_url"), "video_url", where),
        "target": "",
        "arrive_yaw": None,
        "question": None,
    }
    if kind == "goto":
        target = raw.get("target")
        if not isinstance(target, str) or not target:
            raise TourInputError(N_("A go-to hotspot needs the scene it leads to."), "target", where=where)
        hotspot["target"] = target
        hotspot["arrive_yaw"] = clean_angle(raw.get("arrive_yaw"), "arrive_yaw", where, -180, 180, False)
    if kind == "question":
        hotspot["question"] = clean_question(raw.get("question"), where)
    return hotspot


def clean_guide(raw, where):
    raw = raw if raw is not None else {}
    if not isinstance(raw, dict):
        raise TourInputError(N_("The teacher's guide must be an object."), "guide", where=where)
    questions = raw.get("questions", [])
    if not isinstance(questions, list) or len(questions) > 10:
        raise TourInputError(N_("The guide has at most 10 discussion questions."), "guide", where=where)
    minutes = raw.get("minutes", 5)
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 0 <= minutes <= 120:
        raise TourInputError(N_("{name} must be a number from {low} to {high}."), "minutes", where=where,
                             name="minutes", low=0, high=120)
    return {"questions": [clean_text(q, "questions", where, 500, required=True) for q in questions],
            "minutes": minutes}


def clean_scene(raw, number):
    where = f"#{number}"
    if not isinstance(raw, dict):
        raise TourInputError(N_("Each scene must be an object."), "scenes", where=where)
    scene_id = clean_slug(raw.get("id"), "id", where)
    where = scene_id
    kind = raw.get("kind")
    if kind not in SCENE_KINDS:
        raise TourInputError(N_("The scene kind must be 360 or flat."), "kind", where=where)
    hotspots = raw.get("hotspots", [])
    if not isinstance(hotspots, list) or len(hotspots) > MAX_HOTSPOTS:
        raise TourInputError(N_("A scene has a list of at most 30 hotspots."), "hotspots", where=where)
    return {
        "id": scene_id, "kind": kind,
        "title": clean_text(raw.get("title"), "title", where, MAX_TITLE, required=True),
        "image_url": clean_url(raw.get("image_url"), "image_url", where, required=True),
        "alt": clean_text(raw.get("alt"), "alt", where, 500, required=True),
        "description": clean_html_text(raw.get("description"), "description", where),
        "narration": clean_text(raw.get("narration"), "narration", where, MAX_TEXT),
        "audio_url": clean_url(raw.get("audio_url"), "audio_url", where),
        "captions_url": clean_url(raw.get("captions_url"), "captions_url", where),
        "start_yaw": clean_angle(raw.get("start_yaw"), "start_yaw", where, -180, 180, False)
        if kind == "360" else None,
        "hotspots": [clean_hotspot(h, kind, where) for h in hotspots],
        "guide": clean_guide(raw.get("guide"), where),
    }


def clean_scenes(raw):
    """Validate a whole tour's scenes; go-to targets must exist, ids must be unique."""
    if not isinstance(raw, list) or not 1 <= len(raw) <= MAX_SCENES:
        raise TourInputError(N_("A tour has 1 to 40 scenes."), "scenes")
    scenes = [clean_scene(scene, number) for number, scene in enumerate(raw, start=1)]
    scene_ids = [scene["id"] for scene in scenes]
    if len(set(scene_ids)) != len(scene_ids):
        raise TourInputError(N_("Two scenes have the same id."), "id")
    hotspot_ids = [h["id"] for scene in scenes for h in scene["hotspots"]]
    if len(set(hotspot_ids)) != len(hotspot_ids):
        raise TourInputError(N_("Two hotspots have the same id (ids are unique in the whole tour)."), "id")
    for scene in scenes:
        for hotspot in scene["hotspots"]:
            if hotspot["kind"] == "goto" and hotspot["target"] not in scene_ids:
                raise TourInputError(N_("The go-to hotspot leads to a scene that does not exist: {target}."),
                                     "target", where=f"{scene['id']} › {hotspot['id']}",
                                     target=hotspot["target"][:64])
    return scenes


def clean_share(value):
    if not is_number(value) or not 0 < value <= 1:
        raise TourInputError(N_("{name} must be a number from {low} to {high}."), "completion_share",
                             name="completion_share", low=0.01, high=1)
    return float(value)


def clean_weight(value):
    if not is_number(value) or not 0 <= value <= 100:
        raise TourInputError(N_("{name} must be a number from {low} to {high}."), "weight",
                             name="weight", low=0, high=100)
    return float(value)


def questions_of(scenes):
    return [h for scene in scenes for h in scene["hotspots"] if h["kind"] == "question"]


def find_hotspot(scenes, hotspot_id, kind=None):
    for scene in scenes:
        for hotspot in scene["hotspots"]:
            if hotspot["id"] == hotspot_id and (kind is None or hotspot["kind"] == kind):
                return scene, hotspot
    return None, None


def parse_choice(question, value):
    """The learner's answer: a list of option indexes (one for single / true-false)."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value]
    if (not isinstance(value, list) or not value or len(value) > len(question["options"])
            or any(not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < len(question["options"])
                   for i in value) or len(set(value)) != len(value)):
        raise TourInputError(N_("Choose one of the options."), "answer")
    if question["type"] != "multiple" and len(value) != 1:
        raise TourInputError(N_("Choose only one option."), "answer")
    return sorted(value)


def is_right(question, chosen):
    return sorted(i for i, option in enumerate(question["options"]) if option["correct"]) == chosen

"""The question bank: versioned data files (one per language), forms, adaptive order, answer checks.

Item kinds: ``self_rating`` ("I can ...", answered on a 0-4 scale anchored to the levels),
``knowledge`` and ``service`` (single choice or true/false, always with "I don't know", which
the bank does not list: every choice item gets it here, as option ``x``).
"""
import json
import re
from functools import lru_cache

from django.conf import settings
from django.utils.translation import gettext as _

from .errors import AnswerError
from .framework import DATA_DIR, FrameworkDataError, competence_ids, lang_of, validate

QUESTIONNAIRE_DIR = DATA_DIR / "questionnaires"
DONT_KNOW = "x"
FORMS = ("short", "full")
SELF_RATING_VALUES = ("0", "1", "2", "3", "4")
_FILE_RE = re.compile(r"^questionnaire-(?P<version>\d{4}\.\d+)\.(?P<lang>it|en)\.json$")


def available_versions():
    versions = set()
    for path in QUESTIONNAIRE_DIR.iterdir():
        match = _FILE_RE.match(path.name)
        if match:
            versions.add(match.group("version"))
    return sorted(versions, key=lambda v: tuple(int(p) for p in v.split(".")))


def current_version():
    return getattr(settings, "FD_ASSESSMENT_QUESTIONNAIRE_VERSION", None) or available_versions()[-1]


def _structure(bank):
    """What must be identical in every language: ids, competences, kinds, difficulties, keys, forms."""
    return (
        bank["version"], bank["framework"], bank["forms"],
        [(item["id"], item["competence"], item["kind"], item["difficulty"],
          [(opt["id"], opt.get("correct", False)) for opt in item.get("options", [])])
         for item in bank["items"]],
        [(step["value"], step["level4"]) for step in bank["self_rating_scale"]],
    )


def check_bank(bank):
    validate(bank, "questionnaire")
    ids = [item["id"] for item in bank["items"]]
    if len(ids) != len(set(ids)):
        raise FrameworkDataError(f"questionnaire {bank['version']}: item ids are not unique")
    known = set(competence_ids(bank["framework"]))
    per_competence = {}
    for item in bank["items"]:
        if item["competence"] not in known:
            raise FrameworkDataError(f"item {item['id']}: unknown competence {item['competence']}")
        per_competence.setdefault(item["competence"], []).append(item)
        if item["kind"] != "self_rating":
            correct = [opt for opt in item["options"] if opt.get("correct")]
            if len(correct) != 1:
                raise FrameworkDataError(f"item {item['id']}: needs exactly one correct option")
    missing = [c for c in known if len(per_competence.get(c, [])) < 3]
    if missing:
        raise FrameworkDataError(f"questionnaire {bank['version']}: fewer than 3 items for {sorted(missing)}")
    unknown_short = set(bank["forms"]["short"]) - set(ids)
    if unknown_short:
        raise FrameworkDataError(f"short form names unknown items {sorted(unknown_short)}")
    return bank


@lru_cache(maxsize=16)
def load_bank(version, language):
    """The validated bank of ``version`` in ``language`` ("it" or "en"), identical in structure to the other."""
    lang = lang_of(language)
    path = QUESTIONNAIRE_DIR / f"questionnaire-{version}.{lang}.json"
    if not _FILE_RE.match(path.name) or not path.exists():
        raise FrameworkDataError(f"no questionnaire version {version!r} in {lang}")
    with open(path, encoding="utf-8") as handle:
        bank = check_bank(json.load(handle))
    if bank["version"] != version or bank["language"] != lang:
        raise FrameworkDataError(f"{path.name} declares version {bank['version']} / {bank['language']}")
    other = "en" if lang == "it" else "it"
    other_path = QUESTIONNAIRE_DIR / f"questionnaire-{version}.{other}.json"
    with open(other_path, encoding="utf-8") as handle:
        other_bank = check_bank(json.load(handle))
    if _structure(other_bank) != _structure(bank):
        raise FrameworkDataError(f"questionnaire {version}: the it and en files differ in structure")
    bank["by_id"] = {item["id"]: item for item in bank["items"]}
    return bank


def parse_areas(value):
    """``"1,4"`` or ``["1", "4"]`` -> ``["1", "4"]``; empty means all areas. Raises AnswerError."""
    if not value:
        return []
    parts = value.split(",") if isinstance(value, str) else value
    if not isinstance(parts, list | tuple):
        raise AnswerError(_("Areas must be a list of area numbers from 1 to 5."))
    areas = sorted({str(part).strip() for part in parts if str(part).strip()})
    if not areas or any(area not in {"1", "2", "3", "4", "5"} for area in areas):
        raise AnswerError(_("Areas must be area numbers from 1 to 5, for example 1,4."))
    return areas


def form_item_ids(bank, form, areas=()):
    """The ordered item ids of a form (``short`` or ``full``), kept to the given areas (all if empty)."""
    if form not in FORMS:
        raise AnswerError(_("Unknown form %(form)s: choose 'short' or 'full'.") % {"form": repr(str(form)[:20])})
    ids = bank["forms"]["short"] if form == "short" else [item["id"] for item in bank["items"]]
    if form == "short":
        order = {item["id"]: n for n, item in enumerate(bank["items"])}
        ids = sorted(ids, key=order.__getitem__)
    if areas:
        ids = [i for i in ids if bank["by_id"][i]["competence"].split(".")[0] in areas]
    return list(ids)


def is_choice(item):
    return item["kind"] != "self_rating"


def is_correct(item, value):
    return is_choice(item) and any(opt["id"] == value and opt.get("correct") for opt in item["options"])


def choices(item, bank):
    """The options a person sees: the bank's (or the 0-4 scale), plus "I don't know" for choice items."""
    if not is_choice(item):
        return [{"id": str(step["value"]), "label": step["label"]} for step in bank["self_rating_scale"]]
    return [{"id": opt["id"], "label": opt["label"]} for opt in item["options"]] + [
        {"id": DONT_KNOW, "label": bank["dont_know"]}]


def validate_answer(bank, form_ids, item_id, value):
    """Return the answer value as stored, or raise AnswerError saying what is wrong."""
    if not isinstance(item_id, str) or item_id not in bank["by_id"]:
        raise AnswerError(_("Unknown question id %(id)s.") % {"id": repr(str(item_id)[:60])})
    if item_id not in form_ids:
        raise AnswerError(_("Question %(id)s is not part of this questionnaire.") % {"id": repr(item_id)})
    item = bank["by_id"][item_id]
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise AnswerError(_("The answer must be one of the offered options."))
    value = str(value).strip()
    allowed = [choice["id"] for choice in choices(item, bank)]
    if value not in allowed:
        raise AnswerError(_("Answer %(value)s is not one of the options for %(id)s (%(allowed)s).") % {
            "value": repr(value[:20]), "id": repr(item_id), "allowed": ", ".join(allowed)})
    return value


def skipped_ids(bank, form_ids, answers):
    """Adaptive rule: in a competence, no harder choice item after the person failed an easier one.

    ``answers`` maps item id -> stored value. A failed item is a wrong answer or "I don't know".
    """
    failed_at = {}
    for item_id, value in answers.items():
        item = bank["by_id"].get(item_id)
        if item and is_choice(item) and not is_correct(item, value):
            comp = item["competence"]
            failed_at[comp] = min(failed_at.get(comp, 9), item["difficulty"])
    return {
        item_id for item_id in form_ids
        if item_id not in answers and is_choice(bank["by_id"][item_id])
        and bank["by_id"][item_id]["difficulty"] > failed_at.get(bank["by_id"][item_id]["competence"], 9)
    }


def next_item_id(bank, form_ids, answers):
    skipped = skipped_ids(bank, form_ids, answers)
    for item_id in form_ids:
        if item_id not in answers and item_id not in skipped:
            return item_id
    return None


def progress(bank, form_ids, answers):
    """``(answered, total)`` where total leaves out the items the adaptive rule skipped."""
    skipped = skipped_ids(bank, form_ids, answers)
    answered = sum(1 for item_id in form_ids if item_id in answers)
    return answered, len(form_ids) - len(skipped)

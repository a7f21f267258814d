"""The DigComp framework data files (2.2 and 3.0), validated against their JSON Schema on load."""
import json
from functools import lru_cache
from pathlib import Path

import jsonschema

DATA_DIR = Path(__file__).resolve().parent / "data"
FRAMEWORK_IDS = ("digcomp-2.2", "digcomp-3.0")
DEFAULT_FRAMEWORK = "digcomp-3.0"


class FrameworkDataError(ValueError):
    """A framework or questionnaire data file does not match its schema or is inconsistent."""


def load_schema(name):
    with open(DATA_DIR / "schema" / f"{name}.schema.json", encoding="utf-8") as handle:
        return json.load(handle)


def validate(data, schema_name):
    """Raise FrameworkDataError with the first problem, or return ``data``."""
    try:
        jsonschema.validate(data, load_schema(schema_name))
    except jsonschema.ValidationError as error:
        where = "/".join(str(part) for part in error.absolute_path) or "(top)"
        raise FrameworkDataError(f"{schema_name} data invalid at {where}: {error.message}") from error
    return data


def check_framework(data):
    """Schema plus the rules a schema cannot say: unique ids, areas known, level mapping 1-2, 3-4, ..."""
    validate(data, "framework")
    area_ids = [area["id"] for area in data["areas"]]
    competence_ids = [comp["id"] for comp in data["competences"]]
    if sorted(area_ids) != ["1", "2", "3", "4", "5"]:
        raise FrameworkDataError(f"{data['id']}: areas must be 1-5, found {area_ids}")
    if len(set(competence_ids)) != 21:
        raise FrameworkDataError(f"{data['id']}: competence ids are not unique")
    for comp in data["competences"]:
        if not comp["id"].startswith(comp["area"] + "."):
            raise FrameworkDataError(f"{data['id']}: competence {comp['id']} is not in area {comp['area']}")
    for level in data["levels4"]:
        expected = [2 * level["level4"] - 1, 2 * level["level4"]]
        if level["eight_levels"] != expected:
            raise FrameworkDataError(f"{data['id']}: level {level['level4']} must map to {expected}")
    for level in data["levels8"]:
        if level["level4"] != (level["level8"] + 1) // 2:
            raise FrameworkDataError(f"{data['id']}: level8 {level['level8']} maps to the wrong level4")
    return data


@lru_cache(maxsize=4)
def load_framework(framework_id=DEFAULT_FRAMEWORK):
    if framework_id not in FRAMEWORK_IDS:
        raise FrameworkDataError(f"unknown framework {framework_id!r}")
    with open(DATA_DIR / f"{framework_id}.json", encoding="utf-8") as handle:
        return check_framework(json.load(handle))


def lang_of(language):
    return "it" if (language or "it").lower().startswith("it") else "en"


def localised(text, language):
    """Pick the Italian or English string of a ``{"en": ..., "it": ...}`` text, falling back to English."""
    return text.get(lang_of(language)) or text["en"]


def competence_ids(framework_id=DEFAULT_FRAMEWORK):
    return [comp["id"] for comp in load_framework(framework_id)["competences"]]


def area_of(competence_id):
    return competence_id.split(".")[0]


def titles(language, framework_id=DEFAULT_FRAMEWORK):
    """``{id: title}`` for areas ("1"-"5") and competences ("1.1"-"5.4") in the language."""
    data = load_framework(framework_id)
    out = {area["id"]: localised(area["title"], language) for area in data["areas"]}
    out.update({comp["id"]: localised(comp["title"], language) for comp in data["competences"]})
    return out


def level4_name(level4, language, framework_id=DEFAULT_FRAMEWORK):
    for level in load_framework(framework_id)["levels4"]:
        if level["level4"] == level4:
            return localised(level["name"], language)
    raise FrameworkDataError(f"no level {level4}")

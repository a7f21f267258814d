"""The framework and question bank data files: schema-valid, complete, consistent, attributed."""
import copy
import json

import pytest

from fd_assessment.framework import (
    DATA_DIR,
    FRAMEWORK_IDS,
    FrameworkDataError,
    check_framework,
    load_framework,
)
from fd_assessment.questionnaire import (
    DONT_KNOW,
    available_versions,
    check_bank,
    choices,
    current_version,
    load_bank,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("framework_id", FRAMEWORK_IDS)
def test_framework_has_5_areas_21_competences_and_the_level_mapping(framework_id):
    data = load_framework(framework_id)
    assert [a["id"] for a in data["areas"]] == ["1", "2", "3", "4", "5"]
    assert len(data["competences"]) == 21
    assert {c["id"] for c in data["competences"]} >= {"1.1", "2.6", "3.4", "4.4", "5.4"}
    assert {tuple(level["eight_levels"]) for level in data["levels4"]} == {(1, 2), (3, 4), (5, 6), (7, 8)}
    assert [level["level8"] for level in data["levels8"]] == list(range(1, 9))
    assert all(c["title"]["it"] and c["title"]["en"] for c in data["competences"])
    assert any("CC BY" in a["credit"] or "creativecommons" in a["license"] for a in data["attribution"])
    assert data["esco_concept_scheme"] == "http://data.europa.eu/esco/concept-scheme/digcomp"


def test_italian_titles_are_agid_for_2_2_and_ours_marked_where_3_0_renamed():
    v22 = {c["id"]: c for c in load_framework("digcomp-2.2")["competences"]}
    v30 = {c["id"]: c for c in load_framework("digcomp-3.0")["competences"]}
    assert all(c["title_it_source"] == "agid" for c in v22.values())
    assert v22["2.5"]["title"]["it"] == "Netiquette"
    assert v30["2.5"]["title"]["en"] == "Digital behaviour" and v30["2.5"]["title_it_source"] == "ours"
    # 3.0 kept "Protecting devices": the official AgID Italian title stays
    assert v30["4.1"]["title_it_source"] == "agid" and v30["4.1"]["title"]["it"] == "Proteggere i dispositivi"
    for comp_id, comp in v30.items():
        renamed = comp["title"]["en"].lower() != v22[comp_id]["title"]["en"].lower()
        assert (comp["title_it_source"] == "ours") == renamed, comp_id


def test_framework_schema_rejects_a_broken_file():
    data = copy.deepcopy(load_framework("digcomp-3.0"))
    data["competences"] = data["competences"][:20]
    with pytest.raises(FrameworkDataError, match="competences"):
        check_framework(data)
    data = copy.deepcopy(load_framework("digcomp-3.0"))
    data["levels4"][0]["eight_levels"] = [1, 3]
    with pytest.raises(FrameworkDataError, match="map to"):
        check_framework(data)


@pytest.mark.parametrize("language", ["it", "en"])
def test_question_bank_covers_every_competence_and_the_public_services(language):
    bank = load_bank(current_version(), language)
    per_comp = {}
    for item in bank["items"]:
        per_comp.setdefault(item["competence"], []).append(item)
    assert len(per_comp) == 21 and all(len(items) >= 3 for items in per_comp.values())
    service = [item for item in bank["items"] if item["kind"] == "service"]
    assert len(service) >= 15
    named = {name for item in service for name in item.get("services", [])}
    assert {"SPID", "CIE", "pagoPA", "IO", "FSE"} <= named
    assert 18 <= len(bank["forms"]["short"]) <= 25


def test_every_question_offers_i_dont_know_and_self_ratings_use_the_level_scale():
    bank = load_bank(current_version(), "it")
    for item in bank["items"]:
        ids = [c["id"] for c in choices(item, bank)]
        if item["kind"] == "self_rating":
            assert ids == ["0", "1", "2", "3", "4"]
        else:
            assert ids[-1] == DONT_KNOW and len(ids) >= 3
    assert choices(bank["items"][1], bank)[-1]["label"] == "Non lo so"
    assert choices(bank["items"][1], load_bank(current_version(), "en"))[-1]["label"] == "I don't know"


def test_italian_and_english_banks_are_the_same_questionnaire():
    it = load_bank(current_version(), "it")
    en = load_bank(current_version(), "en")
    assert [i["id"] for i in it["items"]] == [i["id"] for i in en["items"]]
    for a, b in zip(it["items"], en["items"], strict=True):
        assert a["text"] != b["text"] or a["kind"] == "self_rating"
        assert [o.get("correct") for o in a.get("options", [])] == [o.get("correct") for o in b.get("options", [])]


def test_bank_check_rejects_two_correct_answers_and_unknown_competences():
    bank = json.loads((DATA_DIR / "questionnaires" / f"questionnaire-{current_version()}.it.json").read_text())
    broken = copy.deepcopy(bank)
    choice_item = next(i for i in broken["items"] if i["kind"] != "self_rating")
    for option in choice_item["options"]:
        option["correct"] = True
    with pytest.raises(FrameworkDataError, match="exactly one correct"):
        check_bank(broken)
    broken = copy.deepcopy(bank)
    broken["items"][0]["competence"] = "6.1"
    with pytest.raises(FrameworkDataError):
        check_bank(broken)


def test_versions_are_listed_from_the_files():
    assert current_version() in available_versions()
    with pytest.raises(FrameworkDataError, match="no questionnaire version"):
        load_bank("1999.1", "it")

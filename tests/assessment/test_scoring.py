"""Scoring rules (docs/assessment.md): weights, levels, disagreement, adaptive skipping, growth."""
import pytest

from fd_assessment.questionnaire import (
    DONT_KNOW,
    current_version,
    form_item_ids,
    load_bank,
    next_item_id,
    progress,
    skipped_ids,
)
from fd_assessment.scoring import (
    KNOWLEDGE_WEIGHT,
    OVERRATES,
    SELF_WEIGHT,
    UNDERRATES,
    growth,
    level4_of,
    level8_of,
    score_attempt,
    weakest,
)

pytestmark = pytest.mark.unit


@pytest.fixture
def bank():
    return load_bank(current_version(), "en")


def _correct(bank, item_id):
    return next(o["id"] for o in bank["by_id"][item_id]["options"] if o.get("correct"))


def _wrong(bank, item_id):
    return next(o["id"] for o in bank["by_id"][item_id]["options"] if not o.get("correct"))


@pytest.mark.parametrize(("score", "level8", "level4"), [
    (0, 1, 1), (12.5, 1, 1), (12.6, 2, 1), (25, 2, 1), (37.5, 3, 2), (50, 4, 2), (50.1, 5, 3), (75, 6, 3),
    (87.5, 7, 4), (100, 8, 4)])
def test_levels_follow_the_digcomp_mapping(score, level8, level4):
    assert level8_of(score) == level8 and level4_of(level8) == level4


def test_weights_are_stated_and_add_up():
    assert SELF_WEIGHT + KNOWLEDGE_WEIGHT == pytest.approx(1)


def test_competence_combines_self_rating_and_knowledge_with_the_weights(bank):
    ids = form_item_ids(bank, "full", ["1"])
    comp_ids = [i for i in ids if bank["by_id"][i]["competence"] == "1.1"]
    answers = {}
    for item_id in comp_ids:
        item = bank["by_id"][item_id]
        answers[item_id] = "2" if item["kind"] == "self_rating" else _correct(bank, item_id)
    result = score_attempt(bank, comp_ids, answers)
    entry = result["competences"]["1.1"]
    assert entry["self"] == 50 and entry["knowledge"] == 100
    assert entry["score"] == pytest.approx(SELF_WEIGHT * 50 + KNOWLEDGE_WEIGHT * 100)
    assert entry["disagreement"] == UNDERRATES  # knows more than they think
    assert result["areas"]["1"]["score"] == entry["score"] and result["overall"]["score"] == entry["score"]


def test_overconfidence_is_flagged_the_other_way(bank):
    comp_ids = [i for i in form_item_ids(bank, "full") if bank["by_id"][i]["competence"] == "4.1"]
    answers = {i: ("4" if bank["by_id"][i]["kind"] == "self_rating" else DONT_KNOW) for i in comp_ids}
    entry = score_attempt(bank, comp_ids, answers)["competences"]["4.1"]
    assert entry["self"] == 100 and entry["knowledge"] == 0 and entry["disagreement"] == OVERRATES


def test_adaptive_no_harder_question_after_failing_an_easier_one(bank):
    ids = form_item_ids(bank, "full", ["2"])
    easy = "s-spid-provider"      # 2.6, difficulty 1
    harder = ["s-spid-level2", "s-cie-pin", "s-cie-phone", "k-2-6-footprint"]
    assert all(bank["by_id"][h]["difficulty"] > 1 for h in harder)
    answers = {easy: _wrong(bank, easy)}
    skipped = skipped_ids(bank, ids, answers)
    assert set(harder) <= skipped
    assert "self-2-6" not in skipped and "s-io-login" not in skipped  # same difficulty stays
    answers = {easy: _correct(bank, easy)}
    assert not set(harder) & skipped_ids(bank, ids, answers)


def test_skipped_questions_count_as_not_known_and_shrink_the_total(bank):
    ids = [i for i in form_item_ids(bank, "full") if bank["by_id"][i]["competence"] == "4.2"]
    answers = {}
    while (item_id := next_item_id(bank, ids, answers)) is not None:
        item = bank["by_id"][item_id]
        answers[item_id] = "3" if item["kind"] == "self_rating" else DONT_KNOW
    answered, total = progress(bank, ids, answers)
    assert answered == total < len(ids)
    assert score_attempt(bank, ids, answers)["competences"]["4.2"]["knowledge"] == 0


def test_short_form_measures_every_competence_and_weakest_are_recommended(bank):
    ids = form_item_ids(bank, "short")
    answers = {i: ("1" if bank["by_id"][i]["competence"].startswith("3") else "3") if
               bank["by_id"][i]["kind"] == "self_rating" else _correct(bank, i) for i in ids}
    result = score_attempt(bank, ids, answers)
    assert len(result["competences"]) == 21 and len(result["areas"]) == 5
    assert set(weakest(result, 3)) <= {"3.1", "3.2", "3.3", "3.4"}


def test_growth_compares_with_the_first_attempt(bank):
    ids = form_item_ids(bank, "short", ["5"])
    low = score_attempt(bank, ids, dict.fromkeys(ids, "1"))
    high = score_attempt(bank, ids, dict.fromkeys(ids, "3"))
    change = growth(low, high)
    assert change["overall"] == 50 and change["areas"] == {"5": 50}

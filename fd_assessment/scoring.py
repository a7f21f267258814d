"""Scoring of an attempt: 0-100 score, 8-level and 4-level per competence, area and overall.

The rules (also in docs/assessment.md):

- self-rating score of a competence: the mean of its self-rating answers, 0-4, times 25;
- knowledge score: correct choice items weighted by difficulty (1-3) over all the competence's
  choice items in the form, times 100; items skipped by the adaptive rule and "I don't know"
  count as not correct;
- competence score: ``SELF_WEIGHT`` x self + ``KNOWLEDGE_WEIGHT`` x knowledge when the form had
  both kinds, otherwise the one kind it had;
- area score: the mean of its measured competences; overall: the mean of the measured areas;
- level8 = ceil(score / 12.5), from 1 to 8 (a self-rating n of 4 lands at the top of band n);
- level4 = the DigComp mapping of level8 (1-2, 3-4, 5-6, 7-8);
- disagreement: where knowledge and self-rating differ by ``DISAGREEMENT_GAP`` points or more.
"""
import math

from .framework import area_of
from .questionnaire import is_choice, is_correct

SELF_WEIGHT = 0.4
KNOWLEDGE_WEIGHT = 0.6
DISAGREEMENT_GAP = 40
UNDERRATES = "underrates"   # knows more than they think
OVERRATES = "overrates"     # thinks they know more than they showed


def level8_of(score):
    """0-12.5 -> 1, (12.5, 25] -> 2, ... (87.5, 100] -> 8: a self-rating of n (0-4) lands at the top
    of DigComp's n-th 4-level band (1 = basic ... 4 = highly advanced)."""
    return min(8, max(1, math.ceil(score / 12.5)))


def level4_of(level8):
    return (level8 + 1) // 2


def _levels(score):
    score = round(score, 1)
    level8 = level8_of(score)
    return {"score": score, "level8": level8, "level4": level4_of(level8)}


def score_attempt(bank, form_ids, answers):
    """Score the answers (item id -> stored value) of a form. Pure: no database."""
    per_comp = {}
    for item_id in form_ids:
        item = bank["by_id"][item_id]
        comp = per_comp.setdefault(item["competence"], {"self": [], "earned": 0, "possible": 0})
        value = answers.get(item_id)
        if is_choice(item):
            comp["possible"] += item["difficulty"]
            if value is not None and is_correct(item, value):
                comp["earned"] += item["difficulty"]
        elif value is not None:
            comp["self"].append(int(value) * 25)
    competences = {}
    for comp_id, parts in sorted(per_comp.items()):
        self_score = sum(parts["self"]) / len(parts["self"]) if parts["self"] else None
        knowledge = 100 * parts["earned"] / parts["possible"] if parts["possible"] else None
        if self_score is not None and knowledge is not None:
            score = SELF_WEIGHT * self_score + KNOWLEDGE_WEIGHT * knowledge
        else:
            score = self_score if self_score is not None else (knowledge or 0)
        entry = _levels(score)
        entry["self"] = None if self_score is None else round(self_score, 1)
        entry["knowledge"] = None if knowledge is None else round(knowledge, 1)
        entry["disagreement"] = None
        if self_score is not None and knowledge is not None:
            if knowledge - self_score >= DISAGREEMENT_GAP:
                entry["disagreement"] = UNDERRATES
            elif self_score - knowledge >= DISAGREEMENT_GAP:
                entry["disagreement"] = OVERRATES
        competences[comp_id] = entry
    by_area = {}
    for comp_id, entry in competences.items():
        by_area.setdefault(area_of(comp_id), []).append(entry["score"])
    areas = {area: _levels(sum(scores) / len(scores)) for area, scores in sorted(by_area.items())}
    overall = _levels(sum(a["score"] for a in areas.values()) / len(areas)) if areas else _levels(0)
    return {"competences": competences, "areas": areas, "overall": overall,
            "weights": {"self": SELF_WEIGHT, "knowledge": KNOWLEDGE_WEIGHT}}


def weakest(result, count=3):
    """The competence ids with the lowest scores (ties by id), for recommendations."""
    ranked = sorted(result["competences"].items(), key=lambda kv: (kv[1]["score"], kv[0]))
    return [comp_id for comp_id, _ in ranked[:count]]


def growth(first, latest):
    """Score change per competence, per area and overall between two results."""
    def delta(a, b):
        return {key: round(b[key]["score"] - a[key]["score"], 1) for key in b if key in a}
    return {
        "competences": delta(first["competences"], latest["competences"]),
        "areas": delta(first["areas"], latest["areas"]),
        "overall": round(latest["overall"]["score"] - first["overall"]["score"], 1),
    }

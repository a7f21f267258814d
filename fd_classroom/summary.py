"""Pooled answers: counts per option of each question, never who answered what."""

from django.db.models import Count

from . import snapshot
from .models import Answer


def pooled(session, question_key):
    """``{"answered": n, "counts": [count per option]}`` for one question of the class."""
    _scene, spot = snapshot.question(session.tour, question_key)
    if spot is None:
        return {"answered": 0, "counts": []}
    counts = [0] * len(spot["question"]["options"])
    answered = 0
    for choices in Answer.objects.filter(session=session, question_id=question_key).values_list("choices", flat=True):
        answered += 1
        for index in choices:
            if 0 <= index < len(counts):
                counts[index] += 1
    return {"answered": answered, "counts": counts}


def options_with_counts(spot, pool):
    total = pool["answered"] or 0
    rows = []
    for index, option in enumerate(spot["question"]["options"]):
        count = pool["counts"][index] if index < len(pool["counts"]) else 0
        rows.append({
            "text": option["text"], "correct": option["correct"], "count": count,
            "percent": round(100 * count / total) if total else 0,
        })
    return rows


def class_summary(session):
    """Per stop: its title, and for each question of the stop its pooled answers."""
    answered = dict(
        Answer.objects.filter(session=session).values_list("question_id").annotate(n=Count("id")).values_list(
            "question_id", "n")
    )
    stops = []
    for item in session.tour["scenes"]:
        questions = []
        for spot in item["hotspots"]:
            if not spot["question"]:
                continue
            key = snapshot.question_key(item, spot)
            pool = pooled(session, key) if key in answered else {"answered": 0, "counts": []}
            questions.append({
                "key": key, "prompt": spot["question"]["prompt"] or spot["label"],
                "asked": key in session.asked_ids, "answered": pool["answered"],
                "options": options_with_counts(spot, pool),
            })
        stops.append({"scene": item, "questions": questions})
    return stops

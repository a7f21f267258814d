"""The door of fd_assessment for other packages (XBlocks, badges, progress, views): plain data only.

Like edx-submissions' api, every function returns data (dicts, lists, model instances the caller
only reads), never HTML: the DigComp block's HTML comes from :mod:`fd_assessment.xblock_html`, the
app's second door for that one block. Errors a person can fix are raised as ``AnswerError`` (and its
kinds ``AttemptClosed`` and ``StaleVersion``) with a readable message; ``AttemptNotFound`` when an
attempt is not theirs. The classes are defined in :mod:`fd_assessment.errors` and offered here.
"""
from django.utils.translation import gettext as _

from . import catalogue, next_steps, stats
from .attempts import answers_of, bank_of, first_completed, form_of, record_answer, start_or_resume, submit
from .errors import AnswerError, AttemptClosed, AttemptNotFound, StaleVersion, StatisticsFilterError
from .framework import DEFAULT_FRAMEWORK, lang_of, level4_name, load_framework, localised, titles
from .models import Attempt
from .questionnaire import (
    choices,
    form_item_ids,
    is_choice,
    is_correct,
    load_bank,
    next_item_id,
    parse_areas,
    progress,
)
from .questionnaire import current_version as _current_version
from .scoring import growth, weakest

__all__ = [
    "AnswerError", "AttemptClosed", "AttemptNotFound", "StaleVersion", "StatisticsFilterError",
    "framework", "questionnaire", "start_attempt", "get_attempt",
    "attempt_state", "answer", "submit_attempt", "results", "history", "open_attempts", "statistics",
    "statistics_csv", "statistics_filter_choices", "learning_resources", "latest_levels", "current_version",
    "competence_title", "level_description", "ways_forward", "missing_answer_message",
]


def current_version():
    """The version of the question bank new attempts use (such as "2026.1")."""
    return _current_version()


def framework(framework_id=DEFAULT_FRAMEWORK):
    """The validated DigComp framework data (areas, competences, levels, attribution)."""
    return load_framework(framework_id)


def _public_item(item, bank, language):
    names = titles(language)
    return {"id": item["id"], "competence": item["competence"], "competence_title": names[item["competence"]],
            "area": item["competence"].split(".")[0], "kind": item["kind"], "difficulty": item["difficulty"],
            "text": item["text"], "choices": choices(item, bank)}


def questionnaire(language="it", form="short", areas=(), version=None):
    """The questions of a form, without the answer key, in the language."""
    version = version or current_version()
    bank = load_bank(version, language)
    ids = form_item_ids(bank, form, parse_areas(areas))
    return {"version": version, "language": lang_of(language), "form": form, "areas": parse_areas(areas),
            "attribution": bank["attribution"],
            "items": [_public_item(bank["by_id"][i], bank, language) for i in ids]}


def start_attempt(user, form="short", areas=(), language="it", course_key=None, usage_key=None, cohort=""):
    """Resume the person's open attempt for this place and form, or start one. Returns the Attempt."""
    attempt, _resumed = start_or_resume(user, form=form, areas=areas, language=language,
                                        course_key=course_key, usage_key=usage_key, cohort=cohort)
    return attempt


def get_attempt(attempt_id, user):
    try:
        return Attempt.objects.get(pk=int(attempt_id), user=user)
    except (Attempt.DoesNotExist, TypeError, ValueError):
        raise AttemptNotFound(_("No questionnaire %(id)s of yours was found.") % {"id": str(attempt_id)[:20]}) from None


def attempt_state(attempt, language=None):
    """What to show next: the next question (or None when all are answered) and progress."""
    language = lang_of(language or attempt.language)
    bank = bank_of(attempt, language)
    form_ids = form_of(attempt)
    answers = answers_of(attempt)
    next_id = next_item_id(bank, form_ids, answers) if attempt.status == Attempt.OPEN else None
    answered, total = progress(bank, form_ids, answers)
    return {"attempt_id": attempt.pk, "version": attempt.version, "status": attempt.status, "form": attempt.form,
            "areas": attempt.area_list, "answered": answered, "total": total, "answers": answers,
            "next_item": _public_item(bank["by_id"][next_id], bank, language) if next_id else None,
            "course_key": str(attempt.course_key) if attempt.course_key else None}


def answer(attempt, item_id, value, version=None):
    """Save one answer as given (raises AnswerError and saves nothing when it cannot be accepted)."""
    return record_answer(attempt, item_id, value, version=version)


def submit_attempt(attempt):
    """Complete and score the attempt; ``assessment_completed`` is sent after commit."""
    completed = submit(attempt)
    attempt.refresh_from_db()
    return completed


def _named(entry, language):
    return dict(entry, level4_name=level4_name(entry["level4"], language))


def results(attempt, language=None, recommendations=3):
    """The results of a completed attempt, ready for a page or the REST API."""
    if attempt.status != Attempt.COMPLETED:
        raise AnswerError(_("This questionnaire is not finished yet, so there are no results to show."))
    language = lang_of(language or attempt.language)
    names = titles(language)
    result = attempt.result
    areas = []
    for area_id, entry in result["areas"].items():
        comps = [dict(_named(c, language), id=cid, title=names[cid])
                 for cid, c in result["competences"].items() if cid.split(".")[0] == area_id]
        areas.append(dict(_named(entry, language), id=area_id, title=names[area_id], competences=comps))
    weak = weakest(result, recommendations)
    recs = []
    for comp_id in weak:
        recs.append({"competence_id": comp_id, "title": names[comp_id],
                     "resources": catalogue.resources_for([comp_id], limit=3, prefer_course=attempt.course_key)})
    first = first_completed(attempt)
    return {
        "review": _review(attempt, language),
        "attempt_id": attempt.pk, "version": attempt.version, "form": attempt.form,
        "completed": attempt.completed.isoformat(), "attempt_number": attempt.attempt_number,
        "overall": _named(result["overall"], language), "areas": areas, "weights": result["weights"],
        "recommendations": recs,
        "growth": growth(first.result, result) if first else None,
        "first_attempt_id": first.pk if first else None,
        "course_key": str(attempt.course_key) if attempt.course_key else None,
    }


def _review(attempt, language):
    """The questions the person got wrong or did not know, with the right answer and why."""
    bank = bank_of(attempt, language)
    out = []
    for item_id, value in answers_of(attempt).items():
        item = bank["by_id"].get(item_id)
        if item is None or not is_choice(item) or is_correct(item, value):
            continue
        labels = {choice["id"]: choice["label"] for choice in choices(item, bank)}
        correct = next(opt["id"] for opt in item["options"] if opt.get("correct"))
        out.append({"id": item_id, "competence": item["competence"], "text": item["text"],
                    "your_answer": labels.get(value, value), "correct_answer": labels[correct],
                    "explanation": item["explanation"]})
    order = {item_id: n for n, item_id in enumerate(form_of(attempt))}
    return sorted(out, key=lambda entry: order.get(entry["id"], 0))


def history(user, language="it"):
    """The person's completed attempts, newest first, with overall and per-area scores."""
    names = titles(language)
    out = []
    for attempt in Attempt.objects.filter(user=user, status=Attempt.COMPLETED).order_by("-completed", "-id"):
        out.append({"attempt_id": attempt.pk, "completed": attempt.completed.isoformat(), "form": attempt.form,
                    "course_key": str(attempt.course_key) if attempt.course_key else None,
                    "overall": attempt.result["overall"],
                    "areas": [{"id": a, "title": names[a], **e} for a, e in attempt.result["areas"].items()]})
    return out


def open_attempts(user):
    return list(Attempt.objects.filter(user=user, status=Attempt.OPEN).order_by("-started"))


def statistics(language="it", course=None, period_from=None, period_to=None, cohort=None):
    """Staff statistics from the incremental counters; raises StatisticsFilterError on bad filters."""
    return stats.statistics(language=language, course=course, period_from=period_from,
                            period_to=period_to, cohort=cohort)


def statistics_csv(data):
    return stats.statistics_csv(data)


def statistics_filter_choices():
    return stats.filter_choices()


def learning_resources(competence_ids, course_key=None, limit=None):
    """Published blocks that train any of the DigComp competences (ids like "4.2"), only those of
    ``course_key`` when given, each as
    ``{"usage_key", "course_key", "competence_id", "display_name", "block_type", "url"}``."""
    return catalogue.resources_for(competence_ids, course_key=course_key, limit=limit)


def latest_levels(user, course_key=None):
    """The per-competence levels of the person's latest completed attempt (or None)."""
    queryset = Attempt.objects.filter(user=user, status=Attempt.COMPLETED)
    queryset = queryset.filter(course_key=course_key) if course_key else queryset
    attempt = queryset.order_by("-completed", "-id").first()
    return attempt.result["competences"] if attempt else None


def competence_title(competence_id, language="it"):
    return titles(language).get(competence_id, competence_id)


def level_description(level4, language="it", framework_id=DEFAULT_FRAMEWORK):
    for level in load_framework(framework_id)["levels4"]:
        if level["level4"] == level4:
            return localised(level.get("description", level["name"]), language)
    return ""


def ways_forward(attempt, language=None):
    """Where the results page leads: ``{"full_score": bool, "next_level": {"kind", "title", "url"}
    or None, "extras": [{"kind", "title", "url"}, ...] from other apps (the badges just earned),
    "course": {"title", "url"} or None}``. Raises AnswerError if the attempt is not finished."""
    if attempt.status != Attempt.COMPLETED:
        raise AnswerError(_("This questionnaire is not finished yet, so there are no results to show."))
    language = lang_of(language or attempt.language)
    full = next_steps.is_full_score(attempt)
    return {"full_score": full, "next_level": next_steps.next_level(attempt) if full else None,
            "extras": next_steps.extras(attempt, language), "course": next_steps.course_link(attempt)}


def missing_answer_message():
    """What a learner reads when a question's form arrives without an answer."""
    return _("Please choose one answer. \"I don't know\" is a fine answer too.")

"""The way forward from a results page: the next level after a full score, what other apps add
(through the ``results_page_extras`` signal: fd_badges adds the badges just earned) and the way
back to the course. Plain data; the templates decide how it looks."""
import logging
import re

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from fd_core.platform import platform

from .framework import load_framework
from .models import Attempt
from .signals import results_page_extras

log = logging.getLogger(__name__)
SAFE_URL = re.compile(r"^(/(?!/)|https?://)\S*$")


def is_full_score(attempt):
    """Every competence the attempt measured is at 100."""
    competences = attempt.result["competences"].values()
    return bool(competences) and all(entry["score"] >= 100 for entry in competences)


def next_level(attempt):
    """After a full score: the full questionnaire on all 21 competences if this was not it, else
    helping others (there is no level above the top one)."""
    all_areas = {area["id"] for area in load_framework()["areas"]}
    if attempt.form != "full" or (attempt.area_list and set(attempt.area_list) != all_areas):
        return {"kind": "full_form", "url": reverse("fd_assessment:home"),
                "title": _("Take the full questionnaire: about 80 questions on all 21 competences.")}
    return {"kind": "help_others", "url": "",
            "title": _("You are at the top level. Next step: help others learn at a digital facilitation point.")}


def _clean(entries):
    for entry in entries if isinstance(entries, list | tuple) else ():
        if not isinstance(entry, dict):
            continue
        kind, title, url = entry.get("kind"), entry.get("title"), entry.get("url")
        if isinstance(kind, str) and isinstance(title, str) and title.strip() and isinstance(url, str) \
                and SAFE_URL.match(url):
            yield {"kind": kind[:40], "title": title[:200], "url": url}


def extras(attempt, language):
    """What the receivers of ``results_page_extras`` add, checked; a failing receiver adds nothing."""
    found = []
    later = Attempt.objects.filter(user_id=attempt.user_id, status=Attempt.COMPLETED,
                                   completed__gt=attempt.completed).order_by("completed").first()
    with override(language):
        responses = results_page_extras.send_robust(
            sender=Attempt, user_id=attempt.user_id, attempt_id=attempt.pk,
            course_key=str(attempt.course_key) if attempt.course_key else None,
            completed_at=attempt.completed, until_at=later.completed if later else None, language=language)
    for receiver, response in responses:
        if isinstance(response, Exception):
            log.warning("results_page_extras receiver %r failed: %s", receiver, response)
            continue
        found.extend(_clean(response))
    return found


def course_link(attempt):
    """``{"title", "url"}`` of the course the attempt was taken in, or None (standalone page)."""
    if not attempt.course_key:
        return None
    return {"title": platform().course_title(attempt.course_key),
            "url": platform().course_home_url(attempt.course_key)}

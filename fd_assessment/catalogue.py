"""The catalogue of learning resources: published blocks tagged with DigComp competences.

Kept from openedx-events ``XBLOCK_PUBLISHED`` / ``XBLOCK_DELETED``: the block is read through
``fd_core.platform`` (its ``digcomp_competences`` and ``display_name`` fields).
"""
import logging
import re

from django.db import transaction
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import UsageKey

from fd_core.platform import platform

from .models import LearningResource

log = logging.getLogger(__name__)
COMPETENCE_RE = re.compile(r"^[1-5]\.[1-6]$")


def clean_competences(values):
    """Keep the valid DigComp competence ids ("4.2") of a block's field, in order, once each."""
    out = []
    for value in values or []:
        value = str(value).strip()
        if COMPETENCE_RE.match(value) and value not in out:
            out.append(value)
    return out


def index_block(usage_key):
    """(Re)index one block; returns the competence ids it is now listed under."""
    if isinstance(usage_key, str):
        try:
            usage_key = UsageKey.from_string(usage_key)
        except InvalidKeyError:
            log.warning("fd_assessment: not a usage key: %r", usage_key)
            return []
    try:
        block = platform().get_block(usage_key)
    except LookupError:
        remove_block(usage_key)
        return []
    competences = clean_competences(getattr(block, "digcomp_competences", None))
    name = str(getattr(block, "display_name", "") or usage_key.block_id)[:255]
    with transaction.atomic():
        LearningResource.objects.filter(usage_key=usage_key).exclude(competence_id__in=competences).delete()
        for comp in competences:
            LearningResource.objects.update_or_create(
                usage_key=usage_key, competence_id=comp,
                defaults={"course_key": usage_key.course_key, "display_name": name,
                          "block_type": usage_key.block_type})
    return competences


def remove_block(usage_key):
    LearningResource.objects.filter(usage_key=usage_key).delete()


def resources_for(competence_ids, course_key=None, limit=None, prefer_course=None):
    """Resources training any of the competences, as dicts with a link: only ``course_key``'s if
    given; those of ``prefer_course`` first."""
    queryset = LearningResource.objects.filter(competence_id__in=list(competence_ids))
    if course_key is not None:
        queryset = queryset.filter(course_key=course_key)
    rows = list(queryset)
    if prefer_course is not None:
        rows.sort(key=lambda r: r.course_key != prefer_course)
    out = []
    backend = platform()
    for row in rows:
        out.append({
            "usage_key": str(row.usage_key), "course_key": str(row.course_key),
            "competence_id": row.competence_id, "display_name": row.display_name,
            "block_type": row.block_type, "url": backend.jump_to_url(row.usage_key),
        })
    return out[:limit] if limit else out

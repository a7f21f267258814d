"""Evaluate a badge class's machine rules for one learner (AND/OR), from recorded facts and completions.

The evidence narratives are plain sentences in the active language (the learner's in a request; the
site's ``LANGUAGE_CODE`` in a background task), Italian and English in fd_badges' catalogues.
"""
from django.utils.translation import gettext as _
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import UsageKey

from fd_core.platform import platform

from .models import BadgeClass, BadgeRule, LearnerFact


def _tagged_block_keys(tag, course_key):
    from fd_assessment import api as assessment_api

    keys = set()
    for resource in assessment_api.learning_resources([tag], course_key=course_key):
        value = resource.get("usage_key") if isinstance(resource, dict) else resource
        try:
            keys.add(UsageKey.from_string(str(value)))
        except InvalidKeyError:
            continue
    return keys


def completed_blocks(user, course_key, block_type="", digcomp_tag=""):
    """How many blocks of the course the learner completed, of a type and/or with a DigComp tag."""
    from completion.models import BlockCompletion

    queryset = BlockCompletion.objects.filter(user=user, context_key=course_key, completion__gte=1.0)
    if block_type:
        queryset = queryset.filter(block_type=block_type)
    if digcomp_tag:
        tagged = _tagged_block_keys(digcomp_tag, course_key)
        return sum(1 for key in queryset.values_list("block_key", flat=True) if key in tagged)
    return queryset.count()


def _course(course_key):
    try:
        return platform().course_title(course_key)
    except Exception:  # noqa: BLE001 - a missing course must not stop an award: its key is the name
        return str(course_key)


def rule_met(rule, user, facts):
    """``(met, evidence)`` for one rule."""
    if rule.kind == BadgeRule.COURSE_PASSED:
        met = facts.get((LearnerFact.COURSE_PASSED, str(rule.course_key)), 0) >= 1
        return met, {"narrative": _("Passed the course “%(course)s”.") % {"course": _course(rule.course_key)}}
    if rule.kind == BadgeRule.BLOCKS_COMPLETED:
        done = completed_blocks(user, rule.course_key, rule.block_type, rule.digcomp_tag)
        values = {"done": done, "count": rule.count, "course": _course(rule.course_key)}
        if rule.digcomp_tag:
            values["tag"] = rule.digcomp_tag
            text = _("Completed %(done)d of the %(count)d activities on DigComp %(tag)s required in the course "
                     "“%(course)s”.") % values
        else:
            text = _("Completed %(done)d of the %(count)d activities required in the course “%(course)s”.") % values
        return done >= rule.count, {"narrative": text}
    if rule.kind == BadgeRule.DIGCOMP_LEVEL:
        target = rule.digcomp_target
        kind = LearnerFact.DIGCOMP_COMPETENCE if "." in target else LearnerFact.DIGCOMP_AREA
        level = facts.get((kind, target), 0)
        values = {"level": level, "required": rule.level, "target": target}
        if "." in target:
            text = _("Reached level %(level)s in DigComp competence %(target)s (level %(required)s was required).")
        else:
            text = _("Reached level %(level)s in DigComp area %(target)s (level %(required)s was required).")
        return level >= rule.level, {"narrative": text % values}
    return False, {}


def evaluate(badge_class, user, facts=None):
    """``(met, evidence)`` for the whole class; a class without rules is awarded only by staff."""
    rules = list(badge_class.rules.all())
    if not rules or not badge_class.active:
        return False, []
    if facts is None:
        facts = learner_facts(user)
    results = [rule_met(rule, user, facts) for rule in rules]
    combine = all if badge_class.rule_operator == BadgeClass.ALL else any
    met = combine(ok for ok, _evidence in results)
    return met, [evidence for ok, evidence in results if ok and evidence]


def learner_facts(user):
    return {(kind, key): value for kind, key, value in
            LearnerFact.objects.filter(user=user).values_list("kind", "key", "value")}

"""Evaluate a badge class's machine rules for one learner (AND/OR), from recorded facts and completions."""
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import UsageKey

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


def rule_met(rule, user, facts):
    """``(met, evidence)`` for one rule."""
    if rule.kind == BadgeRule.COURSE_PASSED:
        met = facts.get((LearnerFact.COURSE_PASSED, str(rule.course_key)), 0) >= 1
        return met, {"narrative": f"Passed the course {rule.course_key}."}
    if rule.kind == BadgeRule.BLOCKS_COMPLETED:
        done = completed_blocks(user, rule.course_key, rule.block_type, rule.digcomp_tag)
        what = rule.block_type or f"DigComp {rule.digcomp_tag}"
        return done >= rule.count, {"narrative": f"Completed {done} of the required {rule.count} {what} "
                                                 f"activities in {rule.course_key}."}
    if rule.kind == BadgeRule.DIGCOMP_LEVEL:
        target = rule.digcomp_target
        kind = LearnerFact.DIGCOMP_COMPETENCE if "." in target else LearnerFact.DIGCOMP_AREA
        level = facts.get((kind, target), 0)
        return level >= rule.level, {"narrative": f"Reached DigComp level {level} (required {rule.level}) "
                                                  f"in {'competence' if '.' in target else 'area'} {target}."}
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

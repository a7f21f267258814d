"""Inherited settings (``start``, ``due``, ``graded``, ...) as the LMS's ``InheritingFieldData`` gives them.

A block's inheritable setting that the block does not set itself is the one set on its nearest
ancestor (unit, subsection, section, course), else the field's default. The course structure
records their own settings as ``XBlockFieldValue`` rows (scope ``settings``, no user).
"""
from django.utils import timezone
from xblock.runtime import KvsFieldData

from .lms_mixins import INHERITABLE_NAMES, InheritanceMixin
from .models import CourseBlock, XBlockFieldValue


def structure_settings(course):
    """``{usage_key: {name: json}}``: the inheritable settings each block of the course inherits or sets."""
    blocks = list(CourseBlock.objects.filter(course=course).values_list("id", "parent_id", "usage_key"))
    own = {}
    for row in XBlockFieldValue.objects.filter(
        scope="settings", user_id="", field_name__in=INHERITABLE_NAMES,
        block_scope_id__in=[str(key) for _, _, key in blocks],
    ).values_list("block_scope_id", "field_name", "value"):
        own.setdefault(row[0], {})[row[1]] = row[2]
    by_id = {pk: (parent, key) for pk, parent, key in blocks}
    inherited = {}

    def resolve(pk):
        parent, key = by_id[pk]
        if key not in inherited:
            base = dict(resolve(parent)[1]) if parent in by_id else {}
            inherited[key] = (base, {**base, **own.get(str(key), {})})
        return inherited[key]

    for pk in by_id:
        resolve(pk)
    return {key: values for key, values in inherited.items()}


class InheritingFieldData(KvsFieldData):
    """Per runtime (per request): the course's inherited settings are read once, then kept."""

    def __init__(self, kvs):
        super().__init__(kvs)
        self._courses = {}

    def inherited(self, usage_key):
        """The settings the block at ``usage_key`` inherits from its ancestors (JSON values)."""
        from .models import Course

        course_key = usage_key.course_key
        if course_key not in self._courses:
            course = Course.objects.filter(course_key=course_key).first()
            self._courses[course_key] = structure_settings(course) if course else {}
        return self._courses[course_key].get(usage_key, ({}, {}))[0]

    def effective(self, usage_key):
        """The block's own settings over the inherited ones (for the course structure's records)."""
        self.inherited(usage_key)
        return self._courses[usage_key.course_key].get(usage_key, ({}, {}))[1]

    def default(self, block, name):
        if name in INHERITABLE_NAMES:
            inherited = self.inherited(block.scope_ids.usage_id)
            if name in inherited:
                return inherited[name]
        return super().default(block, name)


def structure_start(field_data, usage_key):
    """The start date of a unit, subsection or section, with inheritance."""
    values = field_data.effective(usage_key)
    return InheritanceMixin.fields["start"].from_json(values.get("start")) or InheritanceMixin.start.default


def visible_to_learner(start, visible_to_staff_only, days_early_for_beta=None, is_beta_tester=False):
    """The LMS's start-date check for a learner who is not course staff."""
    if visible_to_staff_only:
        return False
    if start is None:
        return True
    if is_beta_tester and days_early_for_beta is not None:
        start = start - timezone.timedelta(days=days_early_for_beta)
    return timezone.now() >= start

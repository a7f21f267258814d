"""What the course outline and the unit pages show of a learner's way through a course, from
edx-completion's ``BlockCompletion`` as the LMS reads it:

- a unit is complete when every block in it that counts for completion (the block class's
  ``completion_mode`` is ``completable``, as edx-completion's aggregation counts) and that the
  learner can see has completion 1.0; the outline shows "n of m" for the others;
- "continue where you left off" leads to the block of the learner's latest completion record
  (``BlockCompletion.get_latest_block_completed``, what the LMS's course home "Resume" uses), in
  its unit; with no record yet, "start the course" leads to the first open unit;
- previous / next unit walk the course's units in order, skipping those the learner cannot open.
"""
from completion.models import BlockCompletion
from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock
from xblock.plugin import PluginMissingError

from .inheritance import structure_start, visible_to_learner
from .models import CourseBlock


def ordered_units(course):
    """The course's units (verticals) in the order of the outline."""
    return list(CourseBlock.objects.filter(course=course, block_type="vertical").order_by(
        "parent__parent__position", "parent__position", "position", "id"))


def is_open(runtime, block):
    """The learner may open the block now (staff always), by its inherited start and staff-only setting."""
    if runtime.user_is_staff:
        return True
    field_data = runtime.inherited_settings
    return visible_to_learner(structure_start(field_data, block.usage_key),
                              field_data.effective(block.usage_key).get("visible_to_staff_only", False))


def open_units(runtime, course):
    return [unit for unit in ordered_units(course) if is_open(runtime, unit)]


def neighbours(runtime, course, unit):
    """``(previous, next)`` open units around ``unit`` (None at either end)."""
    units = open_units(runtime, course)
    index = next((i for i, candidate in enumerate(units) if candidate.pk == unit.pk), None)
    if index is None:
        return None, None
    return (units[index - 1] if index > 0 else None), (units[index + 1] if index + 1 < len(units) else None)


def _counts_for_completion(block_type):
    try:
        block_class = XBlock.load_class(block_type)
    except PluginMissingError:
        return False
    return getattr(block_class, "completion_mode", XBlockCompletionMode.COMPLETABLE) == XBlockCompletionMode.COMPLETABLE


def unit_marks(runtime, course, user):
    """``{unit_pk: {"done": n, "total": m, "complete": bool}}`` for the learner (empty when signed out)."""
    if not getattr(user, "is_authenticated", False):
        return {}
    completed = {
        str(key) for key, value in BlockCompletion.user_learning_context_completion_queryset(user, course.course_key)
        .values_list("block_key", "completion") if value >= 1.0
    }
    counted = {}
    marks = {}
    for unit in ordered_units(course):
        leaves = [leaf for leaf in unit.children.all()
                  if counted.setdefault(leaf.block_type, _counts_for_completion(leaf.block_type))
                  and is_open(runtime, leaf)]
        done = sum(1 for leaf in leaves if str(leaf.usage_key) in completed)
        marks[unit.pk] = {"done": done, "total": len(leaves), "complete": bool(leaves) and done == len(leaves)}
    return marks


def resume_target(runtime, course, user):
    """``{"unit": CourseBlock, "block": CourseBlock, "resume": bool}``: the block of the latest
    completion record and its unit (``resume`` True), else the first open unit (``resume`` False);
    None when signed out or nothing is open."""
    if not getattr(user, "is_authenticated", False):
        return None
    latest = BlockCompletion.get_latest_block_completed(user, course.course_key)
    if latest is not None:
        block = CourseBlock.objects.filter(course=course, usage_key=latest.block_key).first()
        unit = block
        while unit is not None and unit.block_type != "vertical":
            unit = unit.parent
        if unit is not None and is_open(runtime, unit):
            return {"unit": unit, "block": block, "resume": True}
    units = open_units(runtime, course)
    return {"unit": units[0], "block": units[0], "resume": False} if units else None

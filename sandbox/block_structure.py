"""The LMS's block-structure cache, as far as it can break a course: every block is pickled.

On publish, and before grading, the LMS collects each block's fields (``start``, ``due``,
``graded``, ``format``, ``visible_to_staff_only``, ``display_name``, ``weight``...) into a block
structure, pickles it into its cache and unpickles it when grades or the outline are computed.
A block attribute that hides one of those fields (a method named ``start``) cannot be pickled;
then no grade is ever written in that course. The sandbox pickles the same way so that such a
course fails here, at import and when a grade is computed.
"""
import pickle
import zlib

from xblock.fields import Scope

from .lms_mixins import LMS_MIXINS


class BlockStructureError(ValueError):
    """A block of the course cannot go into the LMS's block-structure cache."""


def collected_field_names(block):
    """The names the LMS's transformers collect: the mixins' fields and the block's own settings."""
    names = {name for mixin in LMS_MIXINS for name in mixin.fields}
    names |= {"display_name", "weight", "has_score", "category", "has_custom_completion", "completion_mode"}
    names |= {name for name, field in block.fields.items() if field.scope in (Scope.settings, Scope.content)}
    return sorted(names)


def block_data(block):
    """``{"class": block class, "fields": {name: value}}`` as a block structure holds one block."""
    return {
        "class": getattr(block, "unmixed_class", type(block)),
        "fields": {name: getattr(block, name, None) for name in collected_field_names(block)},
    }


def round_trip(blocks):
    """Pickle and unpickle the blocks' data as the cache stores it (zlib over pickle); returns it."""
    data = {}
    for block in blocks:
        entry = block_data(block)
        try:
            pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            bad = [name for name, value in entry["fields"].items() if not _picklable(value)]
            raise BlockStructureError(
                f"{block.scope_ids.usage_id}: the LMS's block-structure cache cannot pickle "
                f"{', '.join(bad) or type(block).__name__} ({exc}); a block attribute hides a field "
                "the LMS mixes into every block"
            ) from exc
        data[block.scope_ids.usage_id] = entry
    return pickle.loads(zlib.decompress(  # noqa: S301 (our own bytes, just made)
        zlib.compress(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))))


def _picklable(value):
    try:
        pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return False
    return True


def check_course(runtime, course):
    """Round-trip every block of the course (not the course structure: the sandbox has no classes for it)."""
    from .courses import STRUCTURE_TAGS

    keys = [row.usage_key for row in course.blocks.exclude(block_type__in=STRUCTURE_TAGS)]
    return round_trip(runtime.get_block(key) for key in keys)

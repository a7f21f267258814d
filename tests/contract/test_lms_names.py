"""No block of ours reuses a name the LMS mixes into every block (``start``, ``due``, ``format``...).

In the LMS a block attribute named like a mixin field hides the field: the platform then reads a
method where it expects a date and cannot pickle the block, so the course cannot be graded.
The blocks are found from our ``xblock.v1`` entry points, so a new block is checked too.
"""
import pickle

import pytest
from xblock.core import XBlock
from xblock.fields import Field, Scope, String
from xblock.runtime import Mixologist

from sandbox.lms_mixins import LMS_MIXINS

from .lms_names import block_names, clashes, lms_names, our_block_classes

BLOCKS = our_block_classes()


def test_our_blocks_are_found_from_their_entry_points():
    assert {"fd_video_pill", "fd_digcomp_assessment"} <= set(BLOCKS)


def test_the_lms_names_include_what_the_platform_mixes_in():
    names = lms_names()
    for name in ("start", "due", "graded", "format", "visible_to_staff_only", "group_access", "days_early_for_beta",
                 "static_asset_path", "show_correctness", "hide_after_due", "self_paced", "max_attempts",
                 "showanswer", "rerandomize", "xqa_key", "giturl", "source_file", "course_edit_method",
                 "due_date_display_format", "show_reset_button", "matlab_api_key", "user_partitions",
                 "is_entrance_exam", "chrome", "default_tab", "hide_from_toc", "publish_completion", "location",
                 "course_id", "category", "url_name", "system", "merged_group_access", "close_date"):
        assert name in names, name
    assert "display_name" not in names and "weight" not in names and "has_score" not in names


@pytest.mark.parametrize("entry_point", sorted(BLOCKS))
def test_block_names_do_not_clash_with_the_lms_mixins(entry_point):
    cls = BLOCKS[entry_point]
    listing = block_names(cls)
    assert listing["fields"] or listing["handlers"] or listing["methods"], f"{entry_point} lists no names"
    assert clashes(cls) == [], f"{entry_point}: {clashes(cls)}"


@pytest.mark.parametrize("entry_point", sorted(BLOCKS))
def test_mixed_block_keeps_every_lms_field_and_pickles(entry_point):
    cls = BLOCKS[entry_point]
    mixed = Mixologist(LMS_MIXINS).mix(cls)
    for mixin in LMS_MIXINS:
        for name in mixin.fields:
            if name == "display_name":
                continue
            assert isinstance(getattr(mixed, name), Field), f"{entry_point}.{name} hides the LMS's {name} field"
    assert pickle.loads(pickle.dumps(cls)) is cls  # noqa: S301


def test_a_block_reusing_lms_names_is_caught():
    class Careless(XBlock):
        start_date = String(scope=Scope.settings)
        format = String(scope=Scope.settings)

        @XBlock.json_handler
        def start(self, data, suffix=""):
            return {}

        def location(self):
            return "here"

    found = clashes(Careless)
    assert len(found) == 3
    assert any("handler 'start' hides InheritanceMixin.start" in line for line in found)
    assert any("field 'format' hides LmsBlockMixin.format" in line for line in found)
    assert block_names(Careless)["fields"] == ["format", "start_date"]

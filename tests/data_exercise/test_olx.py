"""The block's OLX: what the course says is what the block holds, and exporting it loses nothing."""
import pytest
from lxml import etree

from .conftest import COURSE_DIR, block_for, exercise_key

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["esercizio-metadati", "esercizio-mappe"])
def test_round_trip(course, learner, name):
    from xblock.fields import ScopeIds

    from sandbox.runtime import SandboxRuntime

    block = block_for(learner, exercise_key(course, name))
    node = etree.Element("fd_data_exercise")
    block.add_xml_to_node(node)
    runtime = SandboxRuntime(user=None, course_key=course.course_key)
    cls = runtime.mixologist.mix(runtime.load_block_type("fd_data_exercise"))
    key = course.course_key.make_usage_key("fd_data_exercise", name + "-copy")
    copy = cls.parse_xml(etree.fromstring(etree.tostring(node)), runtime, ScopeIds(None, "fd_data_exercise", key, key))
    for field in ("display_name", "question", "dataset_path", "dataset_title", "dataset_publisher",
                  "dataset_source_url", "dataset_licence", "dataset_snapshot", "dataset_version", "dataset_notes",
                  "spec", "parameter", "hints", "attempts_allowed", "partial_tolerance", "partial_credit",
                  "weight", "answer_unit"):
        assert getattr(copy, field) == getattr(block, field), field
    original = etree.parse(str(COURSE_DIR / "fd_data_exercise" / f"{name}.xml")).getroot()
    assert copy.dataset_path == original.get("dataset_path")


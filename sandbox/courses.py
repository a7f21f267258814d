"""Read courses from OLX (the Open edX course export layout) into the sandbox, as Studio imports them.

Layout: ``course.xml`` names org, course and run; ``course/<run>.xml`` holds the course with its
chapters; ``chapter/``, ``sequential/``, ``vertical/`` and ``<block_type>/`` hold one file per
``url_name`` (a tag with only ``url_name`` is a pointer to that file); ``static/`` holds files;
``policies/<run>/policy.json`` holds the course's settings (``"course/<run>"``: display_name,
start, language, advanced_modules, ...) and any block's settings (``"<type>/<url_name>"``), over
the OLX attributes, as Studio imports them; ``policies/<run>/grading_policy.json`` gives
``GRADE_CUTOFFS``. Inheritable settings of the course structure (``start``, ``due``,
``visible_to_staff_only``...) are stored for their blocks to inherit; every block is then put
through the LMS's block-structure pickling (``block_structure``).
"""
import json
from pathlib import Path

from django.conf import settings
from django.db import transaction
from lxml import etree
from opaque_keys.edx.keys import CourseKey
from openedx_events.content_authoring.data import XBlockData
from openedx_events.content_authoring.signals import XBLOCK_PUBLISHED
from xblock.fields import ScopeIds

from .block_structure import BlockStructureError, check_course
from .lms_mixins import INHERITABLE_NAMES, InheritanceMixin
from .models import Course, CourseBlock, XBlockFieldValue
from .runtime import SandboxRuntime

STRUCTURE_TAGS = ("course", "chapter", "sequential", "vertical")
PARSER = etree.XMLParser(remove_comments=True, resolve_entities=False, no_network=True)


class OlxError(ValueError):
    """The OLX cannot be imported; the message names the file."""


def course_dirs(root=None):
    root = Path(root or settings.FD_COURSE_CONTENT_DIR)
    return sorted(path.parent for path in root.glob("*/course.xml"))


def _read(path):
    try:
        return etree.parse(str(path), PARSER).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise OlxError(f"{path}: {exc}") from exc


def _resolve(node, source):
    """Follow a pointer tag (``<chapter url_name="x"/>``) to ``chapter/x.xml``."""
    url_name = node.get("url_name")
    if url_name and len(node) == 0 and set(node.attrib) <= {"url_name"}:
        target = source / node.tag / f"{url_name}.xml"
        if target.exists():
            loaded = _read(target)
            loaded.set("url_name", url_name)
            return loaded
    if not url_name:
        raise OlxError(f"<{node.tag}> in {source} has no url_name")
    return node


@transaction.atomic
def import_course(source):
    """Import (or re-import) one course directory; returns the ``Course``."""
    source = Path(source)
    pointer = _read(source / "course.xml")
    org, number, run = pointer.get("org"), pointer.get("course"), pointer.get("url_name")
    if not (org and number and run):
        raise OlxError(f"{source}/course.xml needs org, course and url_name")
    course_key = CourseKey.from_string(f"course-v1:{org}+{number}+{run}")
    root = _read(source / "course" / f"{run}.xml") if (source / "course" / f"{run}.xml").exists() else pointer
    root.set("url_name", run)
    pass_mark = _pass_mark(source / "policies" / run / "grading_policy.json")
    policy = read_policy(source / "policies" / run / "policy.json")
    course_policy = policy.get(f"course/{run}", {})
    course, _ = Course.objects.update_or_create(course_key=course_key, defaults={
        "display_name": course_policy.get("display_name") or root.get("display_name", number),
        "language": course_policy.get("language") or root.get("language", settings.LANGUAGE_CODE),
        "source_dir": str(source),
        "pass_mark": pass_mark,
    })
    old_keys = [str(key) for key in course.blocks.values_list("usage_key", flat=True)]
    XBlockFieldValue.objects.filter(scope="settings", user_id="", block_scope_id__in=old_keys,
                                    field_name__in=INHERITABLE_NAMES).delete()
    course.blocks.all().delete()
    runtime = SandboxRuntime(user=None, course_key=course_key)
    leaves, structure_settings = [], []
    _import_node(runtime, course, root, source, parent=None, position=0,
                 leaves=leaves, policy=policy, structure_settings=structure_settings)
    XBlockFieldValue.objects.bulk_create(structure_settings)
    try:
        check_course(SandboxRuntime(user=None, course_key=course_key), course)
    except BlockStructureError as exc:
        raise OlxError(str(exc)) from exc
    transaction.on_commit(lambda: _announce(leaves))
    _regrade(course)
    return course


def _regrade(course):
    """Learners graded before a re-import are regraded in the background, as Studio publishing does."""
    from .models import CourseGrade
    from .tasks import recompute_course_grades

    user_ids = list(CourseGrade.objects.filter(course=course).values_list("user_id", flat=True))
    if user_ids:
        course_id = str(course.course_key)
        transaction.on_commit(lambda: recompute_course_grades.delay(course_id, user_ids))


def _pass_mark(path):
    if not path.exists():
        return 0.5
    try:
        cutoffs = json.loads(path.read_text(encoding="utf-8")).get("GRADE_CUTOFFS") or {"Pass": 0.5}
        return float(min(cutoffs.values()))
    except (ValueError, AttributeError, TypeError) as exc:
        raise OlxError(f"{path}: GRADE_CUTOFFS must map grade names to numbers ({exc})") from exc


def read_policy(path):
    """``policies/<run>/policy.json`` as a dict of ``"<type>/<url_name>"`` to settings (empty if absent)."""
    if not path.exists():
        return {}
    try:
        policy = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise OlxError(f"{path}: {exc}") from exc
    if not isinstance(policy, dict) or not all(isinstance(v, dict) for v in policy.values()):
        raise OlxError(f"{path}: must map \"<type>/<url_name>\" to an object of settings")
    return policy


def _inheritable_settings(node, settings_policy, usage_key):
    """The structure block's inheritable settings (OLX attributes, then policy) as field values to store."""
    values = {}
    for name, raw in node.attrib.items():
        if name in INHERITABLE_NAMES:
            field = InheritanceMixin.fields[name]
            try:
                values[name] = field.to_json(field.from_string(raw))
            except (TypeError, ValueError) as exc:
                raise OlxError(f"{usage_key}: {name}={raw!r}: {exc}") from exc
    for name, raw in settings_policy.items():
        if name in INHERITABLE_NAMES:
            field = InheritanceMixin.fields[name]
            try:
                values[name] = field.to_json(field.from_json(raw))
            except (TypeError, ValueError) as exc:
                raise OlxError(f"{usage_key}: {name}={raw!r}: {exc}") from exc
    return [XBlockFieldValue(scope="settings", block_scope_id=str(usage_key), user_id="", field_name=name, value=value)
            for name, value in values.items()]


def _import_node(runtime, course, node, source, parent, position, leaves, policy, structure_settings):  # noqa: PLR0913
    node = node if parent is None else _resolve(node, source)
    url_name = node.get("url_name")
    usage_key = course.course_key.make_usage_key(node.tag, url_name)
    settings_policy = policy.get(f"{node.tag}/{url_name}", {})
    if node.tag in STRUCTURE_TAGS:
        record = CourseBlock.objects.create(
            course=course, usage_key=usage_key, block_type=node.tag, parent=parent, position=position,
            display_name=settings_policy.get("display_name") or node.get("display_name", url_name),
        )
        structure_settings.extend(_inheritable_settings(node, settings_policy, usage_key))
        for index, child in enumerate(node):
            _import_node(runtime, course, child, source, record, index, leaves, policy, structure_settings)
        return
    block = _parse_block(runtime, node, usage_key, settings_policy)
    CourseBlock.objects.create(
        course=course, usage_key=usage_key, block_type=node.tag, parent=parent, position=position,
        display_name=getattr(block, "display_name", None) or url_name,
        has_score=bool(getattr(block, "has_score", False)),
        weight=float(getattr(block, "weight", None) or 1.0),
    )
    leaves.append((usage_key, node.tag))


def _parse_block(runtime, node, usage_key, settings_policy):
    """Let the block class read its own OLX (``parse_xml``), apply its policy settings, store its fields."""
    node.attrib.pop("url_name", None)
    block_class = runtime.mixologist.mix(runtime.load_block_type(node.tag))
    keys = ScopeIds(None, node.tag, usage_key, usage_key)
    try:
        block = block_class.parse_xml(node, runtime, keys)
        for name, value in settings_policy.items():
            if name in block.fields:
                setattr(block, name, block.fields[name].from_json(value))
    except Exception as exc:
        raise OlxError(f"{usage_key}: {exc}") from exc
    block.save()
    return block


def _announce(leaves):
    for usage_key, block_type in leaves:
        XBLOCK_PUBLISHED.send_event(xblock_info=XBlockData(usage_key=usage_key, block_type=block_type))


def course_tree(course):
    """The course's blocks as nested dicts, in order."""
    blocks = list(course.blocks.all().order_by("position", "id"))
    children = {}
    for block in blocks:
        children.setdefault(block.parent_id, []).append(block)

    def build(block):
        return {"block": block, "children": [build(child) for child in children.get(block.pk, [])]}

    roots = children.get(None, [])
    return build(roots[0]) if roots else None

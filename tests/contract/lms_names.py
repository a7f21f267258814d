"""Our blocks' names next to the names the LMS mixes into every block (used by test_lms_names)."""
import re
from importlib import import_module
from importlib.metadata import entry_points
from pathlib import Path

from xblock.core import XBlock
from xblock.fields import Field

from sandbox.lms_mixins import LMS_MIXINS, mixin_names

DISTRIBUTION = "firenze-digitale-openedx"
SETUP_PY = Path(__file__).resolve().parents[2] / "setup.py"
ENTRY_POINT = re.compile(r"""["'](?P<name>[\w.-]+)\s*=\s*(?P<module>[\w.]+):(?P<attr>\w+)["']""")

# Names beyond the three mixins' current source: settings older releases' InheritanceMixin
# had and the platform still reads through the course structure, and what XModuleMixin sets
# in ``__init__`` (``xmodule_runtime``, ``_asides``).
PLATFORM_EXTRA_NAMES = {"hide_after_due", "due_date_display_format", "is_entrance_exam", "xmodule_runtime",
                        "_asides"}
# What a block is meant to define itself, overriding the mixins' defaults.
HOOKS = {"display_name", "has_score", "icon_class", "show_in_read_only_mode", "always_recalculate_grades",
         "max_score", "get_score", "get_progress", "public_view", "get_icon_class", "has_dynamic_children",
         "non_editable_metadata_fields"}


def lms_names():
    """``{name: "<Mixin>.<name>"}``: every name the LMS adds to a block that a block must not reuse."""
    names = {name: f"{mixin}.{name}" for mixin, members in mixin_names().items() for name in members}
    names.update({name: f"edx-platform.{name}" for name in PLATFORM_EXTRA_NAMES})
    return {name: origin for name, origin in names.items() if name not in HOOKS}


def our_block_classes():
    """``{entry point name: class}`` of every block we register (installed entry points and setup.py)."""
    found = {ep.name: ep.value for ep in entry_points(group="xblock.v1")
             if ep.dist is not None and ep.dist.name == DISTRIBUTION}
    text = SETUP_PY.read_text(encoding="utf-8")
    section = text[text.index('"xblock.v1"'):]
    section = section[:section.index("]")]
    found.update({m["name"]: f"{m['module']}:{m['attr']}" for m in ENTRY_POINT.finditer(section)})
    classes = {}
    for name, value in sorted(found.items()):
        module, attr = value.split(":")
        classes[name] = getattr(import_module(module), attr)
    return classes


def block_names(cls):
    """The block's own names (everything beyond ``XBlock``): ``{"fields", "handlers", "methods", "other"}``."""
    own = {}
    for klass in reversed(cls.__mro__):
        if klass in LMS_MIXINS or issubclass(XBlock, klass):  # XBlock itself and its own bases
            continue
        own.update({name: value for name, value in vars(klass).items() if not name.startswith("__")})
    listing = {"fields": set(), "handlers": set(), "methods": set(), "other": set()}
    for name, value in own.items():
        if isinstance(value, Field):
            listing["fields"].add(name)
        elif getattr(value, "_is_xblock_handler", False):
            listing["handlers"].add(name)
        elif callable(value) or isinstance(value, property | staticmethod | classmethod):
            listing["methods"].add(name)
        else:
            listing["other"].add(name)
    return {kind: sorted(names) for kind, names in listing.items()}


def clashes(cls):
    """``["<kind> <name> hides <Mixin>.<name>"]`` for each of the block's names the LMS already uses."""
    forbidden = lms_names()
    return [f"{kind[:-1]} {name!r} hides {forbidden[name]}"
            for kind, names in block_names(cls).items() for name in names if name in forbidden]

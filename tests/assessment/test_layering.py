"""Every package reaches every other one only through its doors, and a door is not a way around that.

The rooms are found, not listed: every top-level ``fd_*`` package is an app (a new app is covered
the day it appears), every folder of ``fd_xblocks`` is a block, and ``sandbox`` and
``course_content`` are scanned as callers. The rules:

- another room may import an app only through its doors: ``<app>.api``, ``<app>.signals`` and the
  extra doors declared in ``EXTRA_DOORS`` (some for one client only); ``fd_core`` is the suite's
  shared library, so every module of it is a door except those in ``INTERNAL``; a block has no
  door at all (blocks share through ``fd_core``);
- no room reads another app's files (``"fd_assessment/static/..."``, ``resources.files("fd_badges")``);
- a door offers only names it defines itself or takes from another door of its app: a name bound
  by importing a non-door module (``from .pages import xblock_html``, ``from . import stats``) and
  offered in ``__all__`` or used by another room is a re-export, the loophole this test closes;
- an ``api`` is data only (no templates, no HTML) and no door is part of an import cycle inside
  its app (the door is the end of the road, not a way back in);
- apps depend on each other one way, as docs/DESIGN.md draws it.
"""
import ast
import re
import sys
from pathlib import Path

import fd_core

ROOT = Path(fd_core.__file__).parent.parent
CALLERS = ("sandbox", "course_content")
DOORS = ("api", "signals")
# Extra doors: module -> the rooms that may use it (None: every room).
EXTRA_DOORS = {
    "fd_assessment.errors": None,  # the errors api raises, defined where the app's modules can raise them
    "fd_assessment.xblock_html": {"fd_xblocks.digcomp_assessment"},  # the DigComp block's HTML
    "fd_progress.metrics": None,  # what is counted and where (Metric, ScopeType)
}
# Models another app may point a ForeignKey at by its label, and the apps that may: a Django-level
# dependency on a model the owning app keeps stable. Migrations are generated from the models and
# are not scanned.
MODEL_DOORS = {
    "fd_progress.FacilitationPoint": {"fd_calendar", "fd_assistance"},  # where help and sessions happen
}
DOTTED = re.compile(r"^fd_[a-z_]+(\.[A-Za-z_][A-Za-z0-9_]*)+$")
INTERNAL = {"fd_core.openedx_platform"}  # the edx-platform backend, reached only through fd_core.platform
LIBRARIES = {"fd_core"}
# Who may depend on whom among the apps docs/DESIGN.md names (apps it does not name yet are held
# only to "no cycles").
ALLOWED = {
    "fd_core": set(),
    "fd_assessment": {"fd_core"},
    "fd_classroom": {"fd_core"},
    "fd_badges": {"fd_core", "fd_assessment"},
    "fd_progress": {"fd_core", "fd_assessment", "fd_badges", "fd_classroom"},
    "fd_xblocks": {"fd_core", "fd_assessment", "fd_classroom"},
    "fd_calendar": {"fd_core", "fd_progress"},
    "fd_assistance": {"fd_core", "fd_progress"},
}
HTML_NAMES = {"render_to_string", "render", "format_html", "mark_safe", "Template", "get_template",
              "TemplateResponse", "HttpResponse"}


def _apps(root):
    return sorted(p.name for p in root.iterdir() if p.name.startswith("fd_") and (p / "__init__.py").exists())


def _module_name(root, path):
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _room(module):
    """The unit that owns a module: ``fd_xblocks.<block>`` for a block, else its top-level package."""
    parts = module.split(".")
    if parts[0] == "fd_xblocks" and len(parts) > 1 and parts[1] != "translations":
        return ".".join(parts[:2])
    return parts[0]


class Module:
    def __init__(self, root, path, apps):
        self.name = _module_name(root, path)
        self.path = path
        self.is_package = path.name == "__init__.py"
        self.tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        self.apps = apps

    def _base(self, node):
        if not node.level:
            return node.module or ""
        parts = self.name.split(".")
        keep = len(parts) - node.level + (1 if self.is_package else 0)
        return ".".join(parts[:keep] + ([node.module] if node.module else []))

    def reached(self, modules):
        """The modules of ours an import statement names (``from pkg import mod`` names ``pkg.mod``)."""
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield alias.name
            elif isinstance(node, ast.ImportFrom):
                base = self._base(node)
                for alias in node.names:
                    candidate = f"{base}.{alias.name}"
                    yield candidate if candidate in modules else base

    def file_reads(self):
        """String values (not docstrings) naming an app's package or a file in it, except the
        package name given to ``find_spec`` (asking whether an app is installed reads nothing)."""
        skip = {id(node.value) for node in ast.walk(self.tree) if isinstance(node, ast.Expr)}
        skip |= {id(arg) for node in ast.walk(self.tree) if isinstance(node, ast.Call)
                 and getattr(node.func, "id", getattr(node.func, "attr", "")) == "find_spec" for arg in node.args}
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                for app in self.apps:
                    if node.value == app or node.value.startswith(f"{app}/"):
                        yield app, node.value

    def dotted_names(self, modules):
        """Dotted strings naming a module of ours or a name in it (``sender_path``, backends): the
        module they name (the longest prefix that is a module)."""
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and DOTTED.match(node.value):
                if _room(self.name) in MODEL_DOORS.get(node.value, ()):
                    continue
                parts = node.value.split(".")
                for end in range(len(parts), 0, -1):
                    if ".".join(parts[:end]) in modules:
                        yield ".".join(parts[:end])
                        break


def _load(root):
    apps = _apps(root)
    modules = {}
    for top in [*apps, *CALLERS]:
        if not (root / top).is_dir():
            continue
        for path in sorted((root / top).rglob("*.py")):
            if "migrations" in path.relative_to(root).parts:
                continue
            module = Module(root, path, apps)
            modules[module.name] = module
    return apps, modules


def _is_door(name):
    app = name.split(".")[0]
    if name in INTERNAL:
        return False
    if app in LIBRARIES:
        return True
    return name.rsplit(".", 1)[-1] in DOORS and name.count(".") == 1 or name in EXTRA_DOORS


def _may_use(room, name):
    """May ``room`` import module ``name`` of another room?"""
    if name.startswith("fd_xblocks.") and _room(name) != "fd_xblocks":  # a block's modules
        return False
    if not _is_door(name):
        return False
    clients = EXTRA_DOORS.get(name)
    return clients is None or room in clients


def _ours(name, apps):
    return name.split(".")[0] in apps


def _import_violations(apps, modules):
    found = []
    for module in modules.values():
        room = _room(module.name)
        for name in [*module.reached(modules), *module.dotted_names(modules)]:
            target = _room(name)
            if _ours(name, apps) and target not in (room, "fd_xblocks") and not _may_use(room, name):
                found.append(f"{module.name}: imports {name}")
        found.extend(f"{module.name}: reads {value}" for app, value in module.file_reads() if app != room.split(".")[0])
    return found


def _door_aliases(module, apps):
    """Local names bound to a door module of another room, and names taken from doors directly."""
    aliases, taken = {}, []
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _ours(alias.name, apps) and _is_door(alias.name) and alias.asname:
                    aliases[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom):
            base = module._base(node)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                if _ours(full, apps) and _is_door(full) and _room(full) != _room(module.name):
                    aliases[alias.asname or alias.name] = full
                elif _ours(base, apps) and _is_door(base) and _room(base) != _room(module.name):
                    taken.append((base, alias.name))
    uses = list(taken)
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases:
            uses.append((aliases[node.value.id], node.attr))
    return uses


def _top_bindings(module):
    """Each top-level name of a door: ``("def", None)``, ``("import", module)`` or ``("alias", name)``."""
    bound = {}
    for node in module.tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound[node.name] = ("def", None)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                bound[alias.asname or alias.name.split(".")[0]] = ("import", alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = module._base(node)
            for alias in node.names:
                bound[alias.asname or alias.name] = ("import", f"{base}.{alias.name}", base)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = node.value
            for target in targets:
                if isinstance(target, ast.Name):
                    is_alias = isinstance(value, ast.Name | ast.Attribute)
                    bound[target.id] = ("alias", ast.unparse(value).split(".")[0]) if is_alias else ("def", None)
    return bound


def _all_names(module):
    for node in module.tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return [elt.value for elt in node.value.elts]
    return None


def _reexport_violations(apps, modules):
    uses = {}
    for module in modules.values():
        for door, name in _door_aliases(module, apps):
            uses.setdefault(door, set()).add(name)
    found = []
    for module in modules.values():
        app = module.name.split(".")[0]
        if not (_ours(module.name, apps) and _is_door(module.name)) or app in LIBRARIES and module.is_package:
            continue
        bound = _top_bindings(module)
        offered = _all_names(module)
        offered = set(offered if offered is not None else [n for n in bound if not n.startswith("_")])
        offered |= uses.get(module.name, set())
        for name in sorted(offered):
            kind = bound.get(name)
            if kind is None:
                continue
            if kind[0] == "alias":
                kind = bound.get(kind[1], ("def", None))
            if kind[0] != "import":
                continue
            source = kind[1] if kind[1] in modules else (kind[2] if len(kind) > 2 else kind[1])
            if source.split(".")[0] == app and not _is_door(source) and source != module.name:
                found.append(f"{module.name}: re-exports {name} from {source}")
    return found


def _graph(apps, modules, within=None):
    graph = {}
    for module in modules.values():
        if within and module.name.split(".")[0] != within:
            continue
        graph[module.name] = {name for name in module.reached(modules) if name in modules and name != module.name
                              and (not within or name.split(".")[0] == within)}
    return graph


def _cycle_violations(apps, modules):
    """A door that its own app's modules import back, directly or through others."""
    found = []
    for app in apps:
        graph = _graph(apps, modules, within=app)
        for door in sorted(n for n in graph if _is_door(n) and app not in LIBRARIES):
            seen, todo = set(), list(graph[door])
            while todo:
                current = todo.pop()
                if current in seen:
                    continue
                seen.add(current)
                if door in graph.get(current, ()):
                    found.append(f"{door}: imported back by {current}")
                    break
                todo.extend(graph.get(current, ()))
    return found


def _html_violations(apps, modules):
    found = []
    for app in apps:
        api = modules.get(f"{app}.api")
        if api is None:
            continue
        for node in ast.walk(api.tree):
            if isinstance(node, ast.ImportFrom):
                base = api._base(node)
                names = {alias.name for alias in node.names}
                if base.startswith("django.template") or base in ("django.shortcuts", "django.utils.html",
                                                                   "django.utils.safestring", "django.http"):
                    found.extend(f"{api.name}: imports {base}.{n}" for n in sorted(names & HTML_NAMES or names))
                elif base.split(".")[0] == app and not _is_door(base):
                    found.extend(f"{api.name}: imports {base}.{n}" for n in sorted(names & HTML_NAMES))
    return found


def _dependency_violations(apps, modules):
    deps = {}
    for module in modules.values():
        app = module.name.split(".")[0]
        if app not in apps:
            continue
        for name in module.reached(modules):
            other = name.split(".")[0]
            if other in apps and other != app:
                deps.setdefault(app, set()).add(other)
    found = [f"{app} depends on {other}" for app, others in sorted(deps.items()) for other in sorted(others)
             if app in ALLOWED and other in ALLOWED and other not in ALLOWED[app]]
    found.extend(f"{app} and {other} depend on each other" for app, others in sorted(deps.items())
                 for other in sorted(others) if app < other and app in deps.get(other, ()))
    return found


def _all_violations(root):
    apps, modules = _load(root)
    return (_import_violations(apps, modules) + _reexport_violations(apps, modules)
            + _cycle_violations(apps, modules) + _html_violations(apps, modules)
            + _dependency_violations(apps, modules))


def test_the_scan_finds_every_app_and_block():
    apps, modules = _load(ROOT)
    assert {"fd_assessment", "fd_badges", "fd_progress", "fd_classroom", "fd_core", "fd_xblocks"} <= set(apps)
    blocks = {_room(name) for name in modules if name.startswith("fd_xblocks.")} - {"fd_xblocks"}
    assert {"fd_xblocks.video_pill", "fd_xblocks.digcomp_assessment", "fd_xblocks.city_tour",
            "fd_xblocks.data_exercise", "fd_xblocks.message_inspector"} <= blocks


def test_every_package_uses_only_the_doors_of_the_others():
    apps, modules = _load(ROOT)
    assert _import_violations(apps, modules) == []


def test_no_door_re_exports_the_modules_behind_it():
    apps, modules = _load(ROOT)
    assert _reexport_violations(apps, modules) == []


def test_no_door_is_imported_back_by_its_own_app():
    apps, modules = _load(ROOT)
    assert _cycle_violations(apps, modules) == []


def test_every_api_returns_data_not_html():
    apps, modules = _load(ROOT)
    assert _html_violations(apps, modules) == []


def test_apps_depend_on_each_other_one_way():
    apps, modules = _load(ROOT)
    assert _dependency_violations(apps, modules) == []


def _write(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_the_scan_refuses_what_the_review_found(tmp_path, monkeypatch):
    """Each rule catches the forms the reviews found, in a small made-up suite."""
    _write(tmp_path, {
        "fd_core/__init__.py": "",
        "fd_core/openedx_platform.py": "",
        "fd_core/sanitize.py": "",
        "fd_app/__init__.py": "",
        "fd_app/api.py": ("from django.template.loader import render_to_string\n"
                          "from . import stats\nfrom .errors import Oops\nfrom .pages import page_html\n"
                          "from .models import Thing\nThing2 = Thing\n"
                          "__all__ = ['page_html', 'Oops', 'Thing2']\n"
                          "def data():\n    from .pages import page_html\n    return {}\n"),
        "fd_app/errors.py": "class Oops(ValueError):\n    pass\n",
        "fd_app/pages.py": "from . import api\ndef page_html():\n    return ''\n",
        "fd_app/models.py": "class Thing:\n    pass\n",
        "fd_app/stats.py": "",
        "fd_app/views.py": "",
        "fd_other/__init__.py": "",
        "fd_other/api.py": "from fd_app import api\n",
        "fd_xblocks/__init__.py": "",
        "fd_xblocks/one/__init__.py": "",
        "fd_xblocks/one/block.py": ('"""A module docstring that names fd_app/static is fine."""\n'
                                    "from fd_app.views import question_context\n"
                                    "import fd_app.models\n"
                                    "from fd_app import api, stats\n"
                                    "from fd_core import openedx_platform, sanitize\n"
                                    "from fd_xblocks.two.parts import helper\n"
                                    "CSS = ('fd_app/static/fd_app/app.css', 'fd_app')\n"
                                    "api.stats.statistics()\n"),
        "fd_xblocks/two/__init__.py": "",
        "fd_xblocks/two/parts.py": "",
        "sandbox/__init__.py": "",
        "sandbox/views.py": "from fd_app.models import Thing\nfrom fd_app.xblock_html import x\n",
    })
    monkeypatch.setattr(sys.modules[__name__], "EXTRA_DOORS", {"fd_app.errors": None,
                                                              "fd_app.xblock_html": {"fd_xblocks.one"}})
    monkeypatch.setattr(sys.modules[__name__], "ALLOWED", {"fd_core": set(), "fd_app": {"fd_core"},
                                                          "fd_other": {"fd_core"}, "fd_xblocks": {"fd_app"}})
    apps, modules = _load(tmp_path)
    assert _import_violations(apps, modules) == [
        "fd_xblocks.one.block: imports fd_app.views", "fd_xblocks.one.block: imports fd_app.models",
        "fd_xblocks.one.block: imports fd_app.stats", "fd_xblocks.one.block: imports fd_core.openedx_platform",
        "fd_xblocks.one.block: imports fd_xblocks.two.parts",
        "fd_xblocks.one.block: reads fd_app/static/fd_app/app.css", "fd_xblocks.one.block: reads fd_app",
        "sandbox.views: imports fd_app.models", "sandbox.views: imports fd_app.xblock_html"]
    assert _reexport_violations(apps, modules) == [
        "fd_app.api: re-exports Thing2 from fd_app.models", "fd_app.api: re-exports page_html from fd_app.pages",
        "fd_app.api: re-exports stats from fd_app.stats"]
    assert _cycle_violations(apps, modules) == ["fd_app.api: imported back by fd_app.pages"]
    assert _html_violations(apps, modules) == ["fd_app.api: imports django.template.loader.render_to_string"]
    assert _dependency_violations(apps, modules) == ["fd_other depends on fd_app", "fd_xblocks depends on fd_core"]

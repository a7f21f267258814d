"""The XBlocks reach fd_assessment only through its doors: ``fd_assessment.api`` and ``fd_assessment.signals``."""
import ast
import sys
from pathlib import Path

import fd_xblocks

DOORS = {"fd_assessment.api", "fd_assessment.signals"}
XBLOCKS = Path(fd_xblocks.__file__).parent


def _imports(tree):
    """The fd_assessment modules the file's import statements reach."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module == "fd_assessment" and not node.level:
            yield from (f"fd_assessment.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


def _file_reads(tree):
    """String values (not docstrings) naming fd_assessment's package or a file in it: templates,
    static files, ``resources.files("fd_assessment")``."""
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if node.value == "fd_assessment" or node.value.startswith("fd_assessment/"):
                yield node.value


def _violations():
    found = []
    for path in sorted(XBLOCKS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        where = path.relative_to(XBLOCKS)
        found.extend(f"{where}: imports {name}" for name in _imports(tree)
                     if (name == "fd_assessment" or name.startswith("fd_assessment.")) and name not in DOORS)
        found.extend(f"{where}: reads {value}" for value in _file_reads(tree))
    return found


def test_xblocks_use_only_the_api_and_signals_of_fd_assessment():
    assert _violations() == []


def test_the_scan_sees_imports_it_must_refuse(tmp_path, monkeypatch):
    """The scan itself catches the forms the review found (a views import, a direct file read)."""
    (tmp_path / "bad.py").write_text(
        '"""A module docstring that names fd_assessment/static is fine."""\n'
        "from fd_assessment.views import question_context\n"
        "import fd_assessment.models\n"
        "from fd_assessment import api, stats\n"
        "from fd_assessment.api import framework\n"
        "CSS = ('fd_assessment/static/fd_assessment/assessment.css', 'fd_assessment')\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "XBLOCKS", tmp_path)
    assert _violations() == ["bad.py: imports fd_assessment.views", "bad.py: imports fd_assessment.models",
                             "bad.py: imports fd_assessment.stats",
                             "bad.py: reads fd_assessment/static/fd_assessment/assessment.css",
                             "bad.py: reads fd_assessment"]

"""fd_classroom is reached only through its doors: the blocks use ``api``, fd_progress ``signals``."""
import ast
from pathlib import Path

import fd_progress
import fd_xblocks


def _classroom_imports(package_dir):
    for path in sorted(Path(package_dir).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = ([f"{node.module}.{alias.name}" for alias in node.names] if node.module == "fd_classroom"
                         else [node.module])
            else:
                continue
            for name in names:
                if name == "fd_classroom" or name.startswith("fd_classroom."):
                    yield path.name, name
        # Receivers named by path in signals_config count as imports too.
        for node in ast.walk(tree):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and text.startswith("fd_classroom."):
                yield path.name, text


def test_the_blocks_use_only_the_api_and_signals():
    doors = {"fd_classroom.api", "fd_classroom.signals"}
    assert [found for found in _classroom_imports(Path(fd_xblocks.__file__).parent) if found[1] not in doors] == []


def test_fd_progress_uses_only_the_signals():
    found = list(_classroom_imports(Path(fd_progress.__file__).parent))
    # the module, or a signal named by dotted path in apps.py's receivers
    assert found and all(name == "fd_classroom.signals" or name.startswith("fd_classroom.signals.")
                         for _file, name in found)


def test_fd_classroom_does_not_import_fd_progress():
    import fd_classroom

    for path in Path(fd_classroom.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                       else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(module.startswith("fd_progress") for module in modules), path

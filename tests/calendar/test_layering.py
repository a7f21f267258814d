"""fd_calendar depends one way on fd_progress, and only through ``fd_progress.api``."""
import ast
from pathlib import Path

import fd_calendar
import fd_progress


def _imports(package_dir, prefix):
    for path in sorted(Path(package_dir).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = ([f"{node.module}.{alias.name}" for alias in node.names] if node.module == prefix
                         else [node.module])
            else:
                continue
            yield from ((path.name, name) for name in names if name == prefix or name.startswith(prefix + "."))


def test_fd_calendar_reaches_fd_progress_only_through_its_api():
    found = list(_imports(Path(fd_calendar.__file__).parent, "fd_progress"))
    assert found and {name for _file, name in found} == {"fd_progress.api"}


def test_fd_progress_never_imports_fd_calendar():
    assert list(_imports(Path(fd_progress.__file__).parent, "fd_calendar")) == []
    for path in Path(fd_progress.__file__).parent.rglob("*.py"):
        assert "fd_calendar." not in path.read_text(encoding="utf-8"), path

"""Dependencies point one way: fd_assistance uses fd_progress's ``api`` only; fd_progress never names fd_assistance."""
import ast
from pathlib import Path

import fd_assistance
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


def test_fd_assistance_reaches_fd_progress_only_through_its_api():
    found = list(_imports(Path(fd_assistance.__file__).parent, "fd_progress"))
    assert found, "the hours of assistance reach the targets through fd_progress.api"
    assert {name for _file, name in found} == {"fd_progress.api"}


def test_fd_progress_never_imports_or_names_fd_assistance():
    assert list(_imports(Path(fd_progress.__file__).parent, "fd_assistance")) == []
    for path in Path(fd_progress.__file__).parent.rglob("*.py"):
        assert "fd_assistance" not in path.read_text(encoding="utf-8"), path


def test_the_models_name_the_points_by_string():
    from fd_assistance.models import Booking, Closure, HelpDesk, OpeningHours

    for model in (Booking, Closure, HelpDesk, OpeningHours):
        assert model._meta.get_field("point").related_model._meta.label == "fd_progress.FacilitationPoint"

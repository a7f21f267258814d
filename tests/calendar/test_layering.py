"""fd_calendar depends one way on fd_progress, and only through ``fd_progress.api``."""
from pathlib import Path

import fd_calendar
import fd_progress
from tests.helpers.imports import imports_of


def test_fd_calendar_reaches_fd_progress_only_through_its_api():
    found = list(imports_of(Path(fd_calendar.__file__).parent, "fd_progress"))
    assert found and {name for _file, name in found} == {"fd_progress.api"}


def test_fd_progress_never_imports_fd_calendar():
    assert list(imports_of(Path(fd_progress.__file__).parent, "fd_calendar")) == []
    for path in Path(fd_progress.__file__).parent.rglob("*.py"):
        assert "fd_calendar." not in path.read_text(encoding="utf-8"), path

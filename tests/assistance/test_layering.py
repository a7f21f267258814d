"""Dependencies point one way: fd_assistance uses fd_progress's ``api`` only; fd_progress never names fd_assistance."""
from pathlib import Path

import fd_assistance
import fd_progress
from tests.helpers.imports import imports_of


def test_fd_assistance_reaches_fd_progress_only_through_its_api():
    found = list(imports_of(Path(fd_assistance.__file__).parent, "fd_progress"))
    assert found, "the hours of assistance reach the targets through fd_progress.api"
    assert {name for _file, name in found} == {"fd_progress.api"}


def test_fd_progress_never_imports_or_names_fd_assistance():
    assert list(imports_of(Path(fd_progress.__file__).parent, "fd_assistance")) == []
    for path in Path(fd_progress.__file__).parent.rglob("*.py"):
        assert "fd_assistance" not in path.read_text(encoding="utf-8"), path


def test_the_models_name_the_points_by_string():
    from fd_assistance.models import Booking, Closure, HelpDesk, OpeningHours

    for model in (Booking, Closure, HelpDesk, OpeningHours):
        assert model._meta.get_field("point").related_model._meta.label == "fd_progress.FacilitationPoint"

"""Every committed message catalogue (.po) has a compiled .mo that says the same thing.

A .po edited without re-running ``make compile_translations`` would leave learners with the old
(or no) translation, since Django and the XBlock i18n service read only the .mo files.
"""
import gettext
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CATALOGUE_ROOTS = [REPO / "fd_xblocks" / "translations", *sorted(REPO.glob("*/locale"))]
PO_FILES = sorted(po for root in CATALOGUE_ROOTS if root.is_dir() for po in root.rglob("*.po"))


def _messages(mo_path):
    """The translations of a compiled catalogue, without its header (dates, tool versions)."""
    with open(mo_path, "rb") as handle:
        catalog = dict(gettext.GNUTranslations(handle)._catalog)
    catalog.pop("", None)
    return catalog


def test_there_are_catalogues_to_check():
    assert PO_FILES, "no .po file found under fd_xblocks/translations or */locale"


@pytest.mark.parametrize("po", PO_FILES, ids=lambda path: str(path.relative_to(REPO)))
def test_compiled_catalogue_matches_its_source(po, tmp_path):
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo.relative_to(REPO)} is missing: run make compile_translations"
    fresh = tmp_path / "fresh.mo"
    subprocess.run(["msgfmt", "--check-format", "--output-file", str(fresh), str(po)], check=True)
    assert _messages(mo) == _messages(fresh), f"{mo.relative_to(REPO)} is stale: run make compile_translations"

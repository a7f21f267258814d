"""Every string the code marks for translation is in its catalogue, in Italian and in English.

The strings are extracted afresh into a temporary folder by the script ``make extract_translations``
runs (``scripts/extract_translations.py --pot-dir``: Django's makemessages over the Python code,
``N_`` included, and the templates), then compared with each committed .po. A string of the code
missing from a catalogue, or there without a translation, fails: learners would read it in English
on the Italian site. Strings a catalogue holds but the code no longer has are reported as
warnings (another branch may still use them; ``make extract_translations`` lists them too).
"""
import subprocess
import sys
import warnings
from pathlib import Path

import polib
import pytest

from scripts import extract_translations as extraction

REPO = Path(__file__).resolve().parents[2]
CATALOGUES = extraction.catalogues()
CASES = [(catalogue, language) for catalogue in CATALOGUES for language in extraction.LANGUAGES]

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def pot_dir(tmp_path_factory):
    """One fresh .pot per catalogue, extracted from today's code."""
    folder = tmp_path_factory.mktemp("pot")
    subprocess.run([sys.executable, str(REPO / "scripts" / "extract_translations.py"), "--pot-dir", str(folder)],
                   check=True, cwd=REPO)
    return folder


def _where(entry):
    return ", ".join(sorted({path for path, _line in entry.occurrences})) or "?"


def test_every_catalogue_folder_is_checked():
    folders = {REPO / "fd_xblocks" / "translations", *REPO.glob("*/locale")}
    assert {REPO / catalogue.locale for catalogue in CATALOGUES} == folders


def test_extraction_reads_python_markers_and_templates(pot_dir):
    """The check can only fail if extraction finds the strings: one of each kind of marking."""
    blocks = {entry.msgid for entry in polib.pofile(str(pot_dir / "fd_xblocks.pot"))}
    assert "Play" in blocks  # _() in Python (video pill)
    assert "A message has at most {limit} parts." in blocks  # N_() (message inspector)
    assert "Where does this link go?" in blocks  # {% trans %} in a block's template
    assert "It opens <strong>%(host)s</strong>" in blocks  # {% blocktrans %}
    assert "Send this request with POST." in blocks  # fd_core's JSON handler, translated by the block
    assessment = {entry.msgid for entry in polib.pofile(str(pot_dir / "fd_assessment.pot"))}
    assert "Only the course team can change this questionnaire." in assessment  # the DigComp block's gettext


@pytest.mark.parametrize("catalogue,language", CASES, ids=[f"{c.name}-{lang}" for c, lang in CASES])
def test_catalogue_has_every_string_of_the_code(pot_dir, catalogue, language):
    po_path = catalogue.po(language)
    missing, obsolete = extraction.compare(pot_dir / f"{catalogue.name}.pot", po_path)
    assert not missing, (
        f"{po_path.relative_to(REPO)} lacks {len(missing)} string(s) of the code (run make extract_translations, "
        "translate, make compile_translations):\n" + "\n".join(f"  {e.msgid!r} ({_where(e)})" for e in missing))
    code = {extraction.key(entry) for entry in polib.pofile(str(pot_dir / f"{catalogue.name}.pot")) if entry.msgid}
    untranslated = [entry.msgid for entry in polib.pofile(str(po_path))
                    if extraction.key(entry) in code and not entry.obsolete
                    and (not entry.translated() or "fuzzy" in entry.flags)]
    assert not untranslated, f"{po_path.relative_to(REPO)}: no translation (or fuzzy) for {untranslated}"
    if obsolete:
        warnings.warn(f"{po_path.relative_to(REPO)}: {len(obsolete)} string(s) no longer in the code: "
                      + "; ".join(repr(msgid) for _ctxt, msgid in obsolete), stacklevel=1)


def test_merge_appends_only_what_is_missing_and_keeps_the_rest(pot_dir, tmp_path):
    """``make extract_translations`` leaves existing entries byte for byte and adds the missing ones."""
    catalogue = next(c for c in CATALOGUES if c.name == "fd_xblocks")
    pot = pot_dir / "fd_xblocks.pot"
    results = {}
    for language in ("it", "en"):
        original = catalogue.po(language).read_text(encoding="utf-8")
        entry = polib.pofile(original).find("Play")
        block = f'msgid "Play"\nmsgstr "{entry.msgstr}"\n\n'
        assert original.count(block) == 1
        po = tmp_path / f"{language}.po"
        po.write_text(original.replace(block, ""), encoding="utf-8")
        added, _obsolete = extraction.merge_catalogue(pot, po, language)
        assert [e.msgid for e in added] == ["Play"]
        merged = po.read_text(encoding="utf-8")
        assert merged.startswith(original.replace(block, "").rstrip("\n"))
        results[language] = polib.pofile(str(po)).find("Play").msgstr
        again, _obsolete = extraction.merge_catalogue(pot, po, language)
        assert again == [] and po.read_text(encoding="utf-8") == merged
    assert results == {"it": "", "en": "Play"}  # Italian waits for a translator; English is the msgid


def test_translators_config_names_every_catalogue():
    """``.tx/config`` (the Transifex client's) has one resource per catalogue, English as its source."""
    import configparser

    config = configparser.ConfigParser()
    config.read(REPO / ".tx" / "config", encoding="utf-8")
    resources = {section.rsplit(":r:", 1)[1]: config[section] for section in config.sections() if ":r:" in section}
    assert set(resources) == {catalogue.name for catalogue in CATALOGUES}
    for catalogue in CATALOGUES:
        resource = resources[catalogue.name]
        assert resource["source_lang"] == "en" and resource["type"] == "PO"
        assert resource["source_file"] == f"{catalogue.locale}/en/LC_MESSAGES/{catalogue.domain}.po"
        assert resource["file_filter"].replace("<lang>", "it") == str(catalogue.po("it").relative_to(REPO))


def test_merge_starts_a_catalogue_a_new_language_lacks(pot_dir, tmp_path):
    po = tmp_path / "it" / "LC_MESSAGES" / "django.po"
    added, obsolete = extraction.merge_catalogue(pot_dir / "fd_core.pot", po, "it")
    code = [entry.msgid for entry in polib.pofile(str(pot_dir / "fd_core.pot")) if entry.msgid]
    assert [entry.msgid for entry in added] == code and obsolete == []
    assert [entry.msgid for entry in polib.pofile(str(po))] == code
    subprocess.run(["msgfmt", "--check", "--output-file", str(tmp_path / "django.mo"), str(po)], check=True)

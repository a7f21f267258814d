"""Extract every translatable string of the code and add the new ones to the catalogues.

    python scripts/extract_translations.py            # what `make extract_translations` runs
    python scripts/extract_translations.py --pot-dir DIR   # only write one fresh .pot per catalogue

Strings are found by Django's own ``makemessages`` (xgettext on the Python code, Django's
``templatize`` on the templates, so ``{% trans %}`` and ``{% blocktrans %}`` are read the way
Django reads them), run once per source folder, with ``N_`` added to its keywords (our marker for
messages translated where they are shown). Its .pot goes to a folder of our choice; merging is
ours, because ``msgmerge`` rewrites and re-orders a whole catalogue and guesses fuzzy matches:
here the existing entries stay byte for byte as they are, new ones are appended at the end of
the catalogue (English: the msgid itself; Italian: empty, to translate), obsolete ones are listed
and left alone (another branch may still need them). So a diff shows only what really changed.
"""
import argparse
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import polib

REPO = Path(__file__).resolve().parents[1]
LANGUAGES = ("en", "it")
# New entries are not wrapped: one line per string, so a changed string is a one-line diff.
WIDTH = 0


@dataclass(frozen=True)
class Source:
    """A folder of code; ``only`` keeps just these files of it, ``skip`` leaves these out (paths in it)."""

    folder: str
    only: tuple = ()
    skip: tuple = ()

    def wants(self, path):
        return (not self.only or path in self.only) and path not in self.skip


@dataclass(frozen=True)
class Catalogue:
    """One gettext catalogue: where its .po files live and the code whose strings it translates."""

    name: str
    locale: str
    domain: str
    sources: tuple

    def po(self, language):
        return REPO / self.locale / language / "LC_MESSAGES" / f"{self.domain}.po"


# Each catalogue holds the strings of the code that translates through it, which is not always the
# code of its own folder: the DigComp block is a shell over fd_assessment and its Django gettext
# reads fd_assessment's catalogue (its Studio labels are in the blocks' one too); the blocks' JSON
# handler in fd_core translates through the block's i18n service, so through the blocks' catalogue.
# The JavaScript of every room gets its strings from the server (data attributes and JSON), so
# there is no ``djangojs`` domain to extract.
BLOCK_JSON = "xblock_json.py"
SPECIAL = {
    "fd_assessment": (Source("fd_assessment"), Source("fd_xblocks/digcomp_assessment")),
    "fd_core": (Source("fd_core", skip=(BLOCK_JSON,)),),
}
XBLOCKS = Catalogue("fd_xblocks", "fd_xblocks/translations", "text",
                    (Source("fd_xblocks"), Source("fd_core", only=(BLOCK_JSON,))))


def catalogues():
    """Every ``<folder>/locale`` (domain ``django``) and the XBlocks' ``fd_xblocks/translations``
    (domain ``text``, the one catalogue of every block, what the XBlock i18n service reads)."""
    found = []
    for locale in sorted(REPO.glob("*/locale")):
        name = locale.parent.name
        found.append(Catalogue(name, f"{name}/locale", "django", SPECIAL.get(name, (Source(name),))))
    return [*found, XBLOCKS]


def _makemessages_command(output_dir, source):
    from django.core.management.commands import makemessages

    class ExtractOnly(makemessages.Command):
        """``makemessages`` that writes only the .pot, into ``output_dir``, and merges nothing."""

        xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=N_", "--sort-by-file"]

        def find_files(self, root):
            files = [translatable for translatable in super().find_files(root)
                     if source.wants(os.path.relpath(translatable.path, root))]
            for translatable in files:
                translatable.locale_dir = str(output_dir)
            self.locale_paths = [str(output_dir)]
            return files

        def write_po_file(self, potfile, locale):
            """The merge is ours (merge_catalogue)."""

    return ExtractOnly()


def _extract_source(source, work):
    """The .pot of one source folder (None when it marks nothing), its locations relative to the repo."""
    from django.core.management import call_command

    here = os.getcwd()
    os.chdir(REPO / source.folder)
    try:
        call_command(_makemessages_command(work, source), locale=["en"], keep_pot=True, add_location="file",
                     ignore_patterns=["locale", "translations", "tests", "node_modules", "vendor"],
                     verbosity=0)
    finally:
        os.chdir(here)
    pot_path = Path(work) / "django.pot"
    if not pot_path.exists():
        return None
    pot = polib.pofile(str(pot_path))
    pot_path.unlink()
    for entry in pot:
        entry.occurrences = [(f"{source.folder}/{path}", line) for path, line in entry.occurrences]
    return pot


def extract(catalogue, output_dir):
    """The fresh .pot of one catalogue (file name ``<catalogue>.pot`` in ``output_dir``)."""
    with tempfile.TemporaryDirectory(dir=output_dir) as work:
        pot = polib.POFile()
        pot.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
        for source in catalogue.sources:
            extracted = _extract_source(source, work)
            if extracted is None:
                continue
            for entry in extracted:
                known = pot.find(entry.msgid, msgctxt=entry.msgctxt)
                if known is None:
                    pot.append(entry)
                else:
                    known.occurrences.extend(entry.occurrences)
    path = Path(output_dir) / f"{catalogue.name}.pot"
    pot.save(str(path))
    return path


def key(entry):
    return entry.msgctxt, entry.msgid


def compare(pot_path, po_path):
    """(msgids of the code missing from the catalogue, msgids of the catalogue the code no longer has)."""
    code = {key(entry): entry for entry in polib.pofile(str(pot_path)) if entry.msgid}
    catalogue = {key(entry) for entry in polib.pofile(str(po_path)) if entry.msgid and not entry.obsolete}
    missing = [entry for k, entry in code.items() if k not in catalogue]
    obsolete = sorted(k for k in catalogue if k not in code)
    return missing, obsolete


HEADER = """msgid ""
msgstr ""
"Language: {language}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""


def merge_catalogue(pot_path, po_path, language):
    """Append the code's new strings to one .po (made, with its header, if missing); return (added, obsolete)."""
    if not po_path.exists():
        po_path.parent.mkdir(parents=True, exist_ok=True)
        po_path.write_text(HEADER.format(language=language), encoding="utf-8")
    missing, obsolete = compare(pot_path, po_path)
    if missing:
        blocks = []
        for entry in missing:
            entry.occurrences = [(path, None) for path, _line in entry.occurrences]
            if language == "en":
                if entry.msgid_plural:
                    entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                else:
                    entry.msgstr = entry.msgid
            blocks.append(entry.__unicode__(wrapwidth=WIDTH).rstrip("\n"))
        text = po_path.read_text(encoding="utf-8").rstrip("\n")
        po_path.write_text(text + "\n\n" + "\n\n".join(blocks) + "\n", encoding="utf-8")
    return missing, obsolete


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pot-dir", type=Path, help="only write the fresh .pot files into this folder")
    args = parser.parse_args(argv)

    from django.conf import settings

    if not settings.configured:
        settings.configure(USE_I18N=True)

    untranslated = 0
    with tempfile.TemporaryDirectory() as scratch:
        output_dir = args.pot_dir or Path(scratch)
        output_dir.mkdir(parents=True, exist_ok=True)
        for catalogue in catalogues():
            pot = extract(catalogue, output_dir)
            if args.pot_dir:
                continue
            for language in LANGUAGES:
                po = catalogue.po(language)
                added, obsolete = merge_catalogue(pot, po, language)
                where = po.relative_to(REPO)
                print(f"{where}: {len(added)} new, {len(obsolete)} obsolete")
                for _ctxt, msgid in obsolete:
                    print(f"    obsolete (no longer in the code; delete it when no branch needs it): {msgid!r}")
                if language != "en":
                    untranslated += len(added)
    if untranslated:
        print(f"{untranslated} new string(s) to translate: fill their msgstr, then make compile_translations")
    return 0


if __name__ == "__main__":
    sys.exit(main())

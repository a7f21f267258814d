"""Italian and English ship complete and compiled (every message of the .po is in the .mo)."""
import ast
import gettext
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "fd_badges" / "locale"
FIELD = re.compile(r'^(msgid|msgstr|msgctxt|msgid_plural)\s+(".*")\s*$')


def _entries(po_text):
    """(msgid, msgstr) of every entry, the header excluded."""
    entries = []
    for block in po_text.split("\n\n"):
        fields, current, fuzzy = {}, None, False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            match = FIELD.match(line)
            if match:
                current = match.group(1)
                fields[current] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
        if fields.get("msgid"):
            entries.append((fields["msgid"], fields.get("msgstr", ""), fuzzy))
    return entries


@pytest.mark.parametrize("language", ["it", "en"])
def test_catalogue_is_complete_and_compiled(language):
    folder = LOCALE / language / "LC_MESSAGES"
    entries = _entries((folder / "django.po").read_text(encoding="utf-8"))
    assert len(entries) > 100
    assert [msgid for msgid, msgstr, fuzzy in entries if not msgstr or fuzzy] == []
    with open(folder / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert [msgid for msgid, msgstr, _f in entries if compiled.gettext(msgid) != msgstr] == []


def test_italian_is_really_italian():
    entries = dict((msgid, msgstr) for msgid, msgstr, _f in
                   _entries((LOCALE / "it" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")))
    assert entries["Verify this badge"] == "Verifica questo badge"
    assert sum(1 for msgid, msgstr in entries.items() if msgid == msgstr) < 5

"""Every string the pill shows or answers with ships in Italian and English."""
import ast
import gettext
from pathlib import Path

import pytest

import fd_xblocks

pytestmark = pytest.mark.unit

PACKAGE = Path(fd_xblocks.__file__).parent
SOURCES = sorted((PACKAGE / "video_pill").glob("*.py"))


def msgids():
    found = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_")
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found


@pytest.mark.parametrize("language", ["it", "en"])
def test_the_catalogue_translates_every_string(language):
    catalogue = gettext.translation("text", localedir=str(PACKAGE / "translations"), languages=[language])
    ids = msgids()
    assert len(ids) > 150
    missing = sorted(i for i in ids if i not in catalogue._catalog or not catalogue._catalog[i])
    assert missing == []
    if language == "it":
        assert catalogue.gettext("Play") == "Riproduci"
        untranslated = [i for i in ids if catalogue.gettext(i) == i and len(i) > 12]
        assert untranslated == []


def test_placeholders_survive_translation():
    catalogue = gettext.translation("text", localedir=str(PACKAGE / "translations"), languages=["it"])
    for msgid in msgids():
        names = {part.split("}")[0] for part in msgid.split("{")[1:]}
        translated = catalogue.gettext(msgid)
        assert {part.split("}")[0] for part in translated.split("{")[1:]} == names, msgid

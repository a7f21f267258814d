"""Every string the tour shows or answers with ships in Italian and English."""
import ast
import gettext
import re
from pathlib import Path

import pytest

import fd_xblocks

PACKAGE = Path(fd_xblocks.__file__).parent
TOUR = PACKAGE / "city_tour"


def msgids():
    found = set()
    for path in sorted(TOUR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_")
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found


@pytest.mark.unit
@pytest.mark.parametrize("language", ["it", "en"])
def test_the_catalogue_translates_every_string(language):
    catalogue = gettext.translation("text", localedir=str(PACKAGE / "translations"), languages=[language])
    ids = msgids()
    assert len(ids) > 80
    assert sorted(i for i in ids if not catalogue._catalog.get(i)) == []
    if language == "it":
        assert catalogue.gettext("Map of the stops") == "Mappa delle tappe"
        assert sorted(i for i in ids if catalogue.gettext(i) == i and len(i) > 12) == []


@pytest.mark.unit
def test_placeholders_survive_translation():
    catalogue = gettext.translation("text", localedir=str(PACKAGE / "translations"), languages=["it"])
    for msgid in msgids():
        names = sorted(re.findall(r"{(\w+)}", msgid))
        assert sorted(re.findall(r"{(\w+)}", catalogue.gettext(msgid))) == names, msgid


def test_templates_take_every_string_from_the_block():
    for path in sorted((TOUR / "templates").glob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert "{% trans" not in text and "blocktrans" not in text
        from fd_xblocks.city_tour.strings import page_strings

        keys = set(page_strings(str))
        assert set(re.findall(r"{{ t\.(\w+) }}", text)) <= keys


@pytest.mark.django_db
def test_the_unit_page_speaks_italian(client, learner, unit_url):
    client.force_login(learner)
    html = client.get(unit_url, HTTP_ACCEPT_LANGUAGE="it").content.decode()
    assert "Tappa 1 di 9: La fibra sotto le strade" in html
    assert "Mappa delle tappe" in html and "Prossima tappa: Acqua e Wi-Fi al fontanello" in html

"""The assessment block's own strings are in the fd_xblocks catalogue (``text`` domain), which the
runtime's i18n service reads for Studio field labels, and its default title reaches learners translated."""
import ast
import gettext
import json
from pathlib import Path

import pytest
from django.urls import reverse

import fd_xblocks
from fd_xblocks.digcomp_assessment import block as block_module

TRANSLATIONS = Path(fd_xblocks.__file__).parent / "translations"
MARKERS = {"_", "gettext", "gettext_noop", "ugettext", "ugettext_noop"}


def _marked_msgids():
    """Every literal the block's module marks for translation (Studio labels, choices, helps, messages)."""
    tree = ast.parse(Path(block_module.__file__).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS
                and node.args and isinstance(node.args[0], ast.Constant) and node.args[0].value not in found):
            found.append(node.args[0].value)
    return found


def _catalogue(lang):
    """The messages of the ``text.po`` source (compiled on the fly, so the check reads the .po itself)."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        mo = Path(tmp) / "text.mo"
        subprocess.run(["msgfmt", "-o", str(mo), str(TRANSLATIONS / lang / "LC_MESSAGES" / "text.po")], check=True)
        with open(mo, "rb") as handle:
            return dict(gettext.GNUTranslations(handle)._catalog)


def test_the_block_marks_its_studio_strings():
    msgids = _marked_msgids()
    assert {"Areas", "Cohort", "Grade", "No grade", "Questionnaire", "Full (about 80 questions)",
            "Digital competences self-assessment"} <= set(msgids)
    assert len(msgids) >= 22


@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_marked_string_is_in_the_block_catalogue(lang):
    catalogue = _catalogue(lang)
    missing = [msgid for msgid in _marked_msgids() if not catalogue.get(msgid)]
    assert missing == []


def test_italian_translations_are_italian():
    catalogue = _catalogue("it")
    untranslated = [msgid for msgid in _marked_msgids() if catalogue.get(msgid) in (None, "", msgid)
                    and msgid not in {"Display name"}]
    assert untranslated == []
    assert catalogue["Full (about 80 questions)"] == "Completo (circa 80 domande)"


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_compiled_catalogue_the_runtime_loads_has_them(lang):
    """The .mo found as the LMS's i18n service finds it (domain ``text``) translates every marked string."""
    translation = gettext.translation("text", localedir=str(TRANSLATIONS), languages=[lang])
    source = _catalogue(lang)
    assert [translation.gettext(msgid) for msgid in _marked_msgids()] == [source[m] for m in _marked_msgids()]
    if lang == "it":
        assert [translation.gettext(m) for m in ("Areas", "Cohort", "Grade", "No grade")] == [
            "Aree", "Gruppo", "Voto", "Nessun voto"]


def _reset_title_in_studio(client, staff, key):
    client.force_login(staff)
    url = reverse("sandbox:xblock_handler", kwargs={"usage_id": str(key), "handler": "submit_studio_edits",
                                                   "suffix": ""})
    response = client.post(url, data=json.dumps({"values": {}, "defaults": ["display_name"]}),
                           content_type="application/json")
    assert response.status_code == 200, response.content


@pytest.mark.django_db
def test_the_default_title_is_shown_in_the_learners_language(client, learner, staff, assess_course, settings):
    from sandbox.enrollment import enroll

    key = assess_course.course_key.make_usage_key("fd_digcomp_assessment", "self-check")
    _reset_title_in_studio(client, staff, key)
    enroll(learner, assess_course)
    client.force_login(learner)
    unit = reverse("sandbox:unit", args=[str(assess_course.course_key),
                                         str(assess_course.course_key.make_usage_key("vertical", "self-check"))])
    html = client.get(unit).content.decode()
    assert '<h2 class="fd-assess-title">Autovalutazione delle competenze digitali</h2>' in html
    assert "Digital competences self-assessment" not in html
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(unit).content.decode()
    assert '<h2 class="fd-assess-title">Digital competences self-assessment</h2>' in html

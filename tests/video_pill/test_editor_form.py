"""The pill's editor form: plain text in and out, checkpoints as fieldsets, caption files uploaded."""
from pathlib import Path

import lxml.etree
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fd_core.platform import platform
from fd_core.sanitize import clean_html
from fd_xblocks.video_pill import author_text

from .test_studio import _editor_form, _multi

REPO = Path(__file__).resolve().parents[2]
PILLS = sorted((REPO / "course_content").glob("*/fd_video_pill/*.xml"))


# --- plain text <-> HTML -------------------------------------------------------------------------
def test_plain_text_becomes_paragraphs_line_breaks_and_safe_links():
    html = author_text.text_to_html("Ciao <b>a tutti</b>!\nSeconda riga.\n\n\nVai su https://dati.comune.fi.it/"
                                    " o www.comune.fi.it.\n\nScrivi a info@example.org")
    assert html.count("<p>") == 3 and "<br>" in html
    assert "&lt;b&gt;a tutti&lt;/b&gt;" in html  # what the author typed is shown, never run
    assert '<a href="https://dati.comune.fi.it/" rel="noopener noreferrer">https://dati.comune.fi.it/</a>' in html
    assert '<a href="http://www.comune.fi.it" rel="noopener noreferrer">www.comune.fi.it</a>.' in html
    assert "info@example.org</p>" in html and "<a rel" not in html  # no dead link for an e-mail address
    assert author_text.text_to_html("javascript:alert(1)") == "<p>javascript:alert(1)</p>"
    assert author_text.text_to_html("  \n\n ") == ""


@pytest.mark.parametrize("html, shown", [
    ("<p>Uno</p><p>Due<br>tre, https://a.example.org/x</p>", None),  # an address not linked: kept as HTML
    ('<p>Uno</p><p>Due<br>tre, <a href="https://a.example.org/x">https://a.example.org/x</a></p>',
     "Uno\n\nDue\ntre, https://a.example.org/x"),
    ("<p>L&#x27;anno &amp; il mese</p>", "L'anno & il mese"),
    ("Testo senza paragrafo", "Testo senza paragrafo"),
    ("<p>Una parola in <strong>grassetto</strong></p>", None),
    ("<ul><li>uno</li></ul>", None),
    ('<p><a href="https://example.org">qui</a></p>', None),
])
def test_stored_html_is_shown_as_text_only_when_the_text_writes_it_back(html, shown):
    text, fmt = author_text.for_editor(html)
    if shown is None:
        assert (text, fmt) == (html, "html")
    else:
        assert (text, fmt) == (shown, "text")
    assert clean_html(author_text.from_editor(text, fmt)) in {clean_html(html), clean_html(f"<p>{html}</p>")}


def _author_html(path):
    root = lxml.etree.parse(str(path)).getroot()
    return [node.text or "" for node in root.iter("description", "question", "feedback_correct",
                                                  "feedback_incorrect")]


@pytest.mark.parametrize("path", PILLS, ids=lambda path: path.stem)
def test_every_course_pill_opens_as_plain_text_and_saves_back_the_same(path):
    texts = _author_html(path)
    assert texts
    for html in texts:
        text, fmt = author_text.for_editor(html)
        assert fmt == "text" and "<" not in text, html
        assert clean_html(author_text.from_editor(text, fmt)) == clean_html(html)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(list("ab <>&\"'\n:/.@") + ["https://x.org", "www.y.it", "<p>"]),
                    max_size=40).map("".join))
def test_any_text_round_trips_through_the_editor(text):
    html = author_text.text_to_html(text)
    assert clean_html(html) == html  # already safe as stored
    shown, fmt = author_text.for_editor(html)
    assert fmt == "text"
    assert author_text.text_to_html(shown) == html


# --- the form post ---------------------------------------------------------------------------------
@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def form(staff_client, pill_course, pill_key):
    action, fields = _editor_form(staff_client, pill_course, pill_key)
    return action, _multi(fields)


@pytest.mark.django_db
def test_the_form_shows_checkpoints_as_fieldsets_and_the_intro_as_text(form):
    _action, data = form
    assert data["checkpoint_count"] == ["3"] and data["cp0_option_count"] == ["3"]
    assert data["cp0_kind"] == ["truefalse"] and data["cp0_answer"] == ["true"]
    assert data["cp1_option0"] == ["CSV"] and data["cp1_correct"] == ["0"]  # a radio: the one correct option
    assert data["cp2_correct"] == ["0", "1"]  # checkboxes: every correct option of a multiple choice
    assert data["description"][0].startswith("Poco più di un minuto") and data["description_format"] == ["text"]
    assert data["cp1_question"] == ["Quale di questi formati è davvero aperto?"] or "<" not in data["cp1_question"][0]
    assert "cp1_question_format" not in data  # plain text: no HTML kept
    assert "captions-0-file" not in data  # an upload, empty until the author picks a file


@pytest.mark.django_db
def test_adding_and_removing_rows_without_javascript_saves_nothing(staff_client, form, pill_key):
    action, data = form
    page = staff_client.post(action, data={**data, "fd_action": "add_checkpoint"})
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('data-row="checkpoint"') == 3 + 1 + 1  # three, the new one, and the script's template
    assert 'id="fdpe-cp3-question" name="cp3_question" rows="2" autofocus' in html
    page = staff_client.post(action, data={**data, "fd_action": "add_option:1"}).content.decode()
    assert 'name="cp1_option3"' in page
    page = staff_client.post(action, data={**data, "fd_action": "remove_option:0:2"}).content.decode()
    assert 'name="cp0_option2"' not in page and 'name="cp0_option1"' in page
    page = staff_client.post(action, data={**data, "fd_action": "remove_checkpoint:1"}).content.decode()
    assert 'name="cp1_question"' not in page and 'name="cp2_question"' in page
    assert len(platform().get_block(pill_key).checkpoints) == 3
    data["cp1_option3"] = ["Un'opzione in più"]
    data["cp1_option_count"] = ["4"]
    data["cp0_question"] = ["Prima riga\n\nVedi https://opendata.comune.fi.it"]
    assert staff_client.post(action, data=data).status_code == 303
    checkpoints = platform().get_block(pill_key).checkpoints
    assert checkpoints[1]["options"][-1] == {"text": "Un'opzione in più", "correct": False}
    assert checkpoints[0]["question"] == ('<p>Prima riga</p><p>Vedi <a href="https://opendata.comune.fi.it" '
                                          'rel="noopener noreferrer">https://opendata.comune.fi.it</a></p>')


SRT = "1\n00:00:01,000 --> 00:00:03,500\nCiao a tutti\n\n2\n00:00:04,000 --> 00:00:06,000\nSeconda riga\n"


@pytest.mark.django_db
def test_a_caption_file_is_uploaded_and_stored_as_webvtt(staff_client, form, pill_key):
    action, data = form
    data["captions-2-lang"] = ["fr"]
    data["captions-2-file"] = [SimpleUploadedFile("sous-titres.srt", SRT.encode("utf-8-sig"))]
    data["captions-0-file"] = [SimpleUploadedFile("en.vtt", b"WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHi\n")]
    assert staff_client.post(action, data=data).status_code == 303
    captions = platform().get_block(pill_key).captions
    assert captions["fr"] == ("WEBVTT\n\n00:00:01.000 --> 00:00:03.500\nCiao a tutti\n\n"
                              "00:00:04.000 --> 00:00:06.000\nSeconda riga\n")
    assert captions["en"] == "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHi\n" and captions["it"].count("-->") == 8


@pytest.mark.parametrize("name, content, words", [
    ("sottotitoli.docx", b"PK\x03\x04", "non è un file di sottotitoli: scegli un file .vtt o .srt"),
    ("it.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nè\n".encode("latin-1"), "non è testo semplice in UTF-8"),
    ("it.srt", b"1\n00:00:01,000 --> 00:00:0x,000\nrotto\n", "riga 2"),
    ("it.vtt", b"solo testo", "né un file WebVTT"),
])
@pytest.mark.django_db
def test_a_bad_caption_file_is_refused_in_italian_keeping_the_stored_captions(
        staff_client, form, pill_key, name, content, words):
    action, data = form
    before = platform().get_block(pill_key).captions
    data["cp0_question"] = ["Domanda cambiata"]
    data["captions-1-file"] = [SimpleUploadedFile(name, content)]
    response = staff_client.post(action, data=data)
    page = response.content.decode()
    assert response.status_code == 400
    assert escape(f'Il file "{name}"') in page and escape(words) in page, page[:3000]
    assert "Domanda cambiata</textarea>" in page  # the rest of the form as it was sent
    assert escape(before["it"][:60]) in page  # the stored text is still in the form
    assert platform().get_block(pill_key).captions == before
    english = staff_client.post(action, data=data, HTTP_ACCEPT="application/json", HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 400 and english.json()["field"] == "captions"


@pytest.mark.django_db
def test_the_script_saves_through_the_form_asking_for_json(staff_client, form, pill_key):
    action, data = form
    data["display_name"] = ["Nuovo titolo"]
    response = staff_client.post(action, data=data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response.json() == {"result": "success"}
    assert platform().get_block(pill_key).display_name == "Nuovo titolo"
    data["duration"] = ["zero"]
    refused = staff_client.post(action, data=data, HTTP_ACCEPT="application/json")
    assert refused.status_code == 400 and refused.json()["field"] == "duration"


FIELD_NAMES = ["checkpoint_count", "cp0_time", "cp0_kind", "cp0_question", "cp0_option_count", "cp0_option0",
               "cp0_option1", "cp0_correct", "cp0_answer", "cp0_review_from", "cp0_question_format", "cp1_time",
               "cp1_question", "cp7_option0", "fd_action", "description", "description_format", "captions-0-lang",
               "captions-0-text", "captions-0-remove", "duration"]
VALUES = st.one_of(st.sampled_from(["", "0", "1", "3", "101", "-1", "0:10", "1:99", "x", "single", "multiple",
                                    "truefalse", "true", "html", "text", "add_checkpoint", "add_option:0",
                                    "remove_option:0:1", "remove_checkpoint:0", "add_option:x:y:z", "save",
                                    "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok\n", "<script>x</script>"]),
                   st.text(max_size=30))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.dictionaries(st.sampled_from(FIELD_NAMES), VALUES, max_size=8))
@example(changes={"checkpoint_count": "101", "cp0_question": "0\r0"})  # a refused form shown again keeps the text
@example(changes={"checkpoint_count": "²", "fd_action": "add_option:²"})  # digits to str.isdigit, not to int
@pytest.mark.django_db
def test_any_posted_form_is_saved_or_refused_with_a_message_losing_nothing(staff_client, form, pill_key, changes):
    action, data = form
    posted = {**data, **{name: [value] for name, value in changes.items()}}
    before = platform().get_block(pill_key).editor_state()
    response = staff_client.post(action, data=posted)
    assert response.status_code in (200, 303, 400), response.content[:500]
    if response.status_code != 303:
        assert platform().get_block(pill_key).editor_state() == before  # nothing saved
        page = response.content.decode()
    if response.status_code == 400:
        message = page.split('class="fd-pill-editor__error" role="alert" tabindex="-1">', 1)[1].split("</p>")[0]
        assert message.strip()
        for name in ("description", "cp0_question", "display_name"):
            if name in changes and changes[name].strip():
                assert escape(changes[name].replace("\r\n", "\n").replace("\r", "\n")).strip() in page, changes

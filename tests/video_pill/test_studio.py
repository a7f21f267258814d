"""Studio: the editor saves every field after validating it; bad input is explained, never stored."""
import json

import pytest
from django.urls import reverse

from fd_core.platform import platform

pytestmark = pytest.mark.django_db

VALID = {
    "display_name": "Sicurezza: le password <script>alert(1)</script>",
    "description": '<p onclick="x()">Ciao <a href="javascript:alert(1)">link</a></p><script>alert(2)</script>',
    "sources": [{"src": "https://video.example.org/pw.mp4", "label": "720p"}, {"src": "/static/pw.webm"}],
    "hls_url": "https://video.example.org/pw/master.m3u8",
    "youtube_id": "dQw4w9WgXcQ",
    "poster": "/static/pw.jpg",
    "duration": 90,
    "captions": [{"lang": "it", "text": "1\n00:00:01,000 --> 00:00:03,000\nCiao <b>tutti</b>\n"},
                 {"lang": "en", "text": "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHello\n"}],
    "descriptions": [{"lang": "it", "text": "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nUn lucchetto\n"}],
    "chapters": "WEBVTT\n\n00:00:00.000 --> 00:00:30.000\nInizio\n\n00:00:30.000 --> 00:01:30.000\nPassword\n",
    "checkpoints": [
        {"time": 40, "kind": "multiple", "question": "<p>Quali sono sicure?</p><img src=x onerror=alert(1)>",
         "options": [{"text": "Tr0ub4dor&3-lunga", "correct": True},
                     {"text": "123456</script><img src=x onerror=alert(1)>", "correct": False}],
         "feedback_incorrect": "<p>Riguarda</p>", "review_from": 30},
        {"time": 20, "kind": "truefalse", "question": "Una password va riusata?", "answer": False},
    ],
    "completion_threshold": 0.8,
    "weight": 2,
    "show_transcript": True,
    "digcomp_competences": ["4.2", "4.1"],
}


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def save(client, pill_key, payload):
    url = reverse("sandbox:xblock_handler", kwargs={"usage_id": str(pill_key), "handler": "studio_submit",
                                                    "suffix": ""})
    return client.post(url, data=json.dumps(payload), content_type="application/json")


def test_the_editor_shows_every_field_and_the_preview(staff_client, pill_course, pill_key):
    url = reverse("sandbox:studio", args=[str(pill_course.course_key), str(pill_key)])
    page = staff_client.get(url).content.decode()
    for label in ("Nome visualizzato", "File video", "Flusso HLS", "Id YouTube", "Durata in secondi",
                  "File dei sottotitoli (.vtt o .srt)", "Audiodescrizione", "Capitoli", "Aggiungi una domanda",
                  "Peso nel voto", "Competenze DigComp"):
        assert label in page, label
    assert "Completata dopo aver visto" in page and "90%" in page  # author_view summary


def test_saving_every_field_cleans_it_and_the_olx_keeps_it(staff_client, pill_key):
    response = save(staff_client, pill_key, VALID)
    assert response.status_code == 200, response.content
    block = platform().get_block(pill_key)
    assert block.display_name == VALID["display_name"]  # escaped when rendered, kept as typed
    assert "<script>" not in block.description and "javascript:" not in block.description
    assert "onclick" not in block.description
    assert block.sources[1] == {"src": "/static/pw.webm", "type": "video/webm", "label": ""}
    assert block.captions["it"].startswith("WEBVTT") and "Ciao tutti" in block.captions["it"]
    assert block.chapters == [{"start": 0.0, "title": "Inizio"}, {"start": 30.0, "title": "Password"}]
    assert [cp["time"] for cp in block.checkpoints] == [20.0, 40.0]  # sorted by time
    assert "onerror" not in block.checkpoints[1]["question"]
    assert block.digcomp_competences == ["4.1", "4.2"]
    assert (block.completion_threshold, block.weight, block.show_transcript) == (0.8, 2.0, True)


def test_learners_see_the_title_escaped(staff_client, pill_key, learner, client, unit_url):
    save(staff_client, pill_key, VALID)
    client.force_login(learner)
    page = client.get(unit_url).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "Sicurezza: le password &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "123456\\u003c/script\\u003e\\u003cimg" in page  # option text inert in JSON


@pytest.mark.parametrize("change, field, words", [
    ({"display_name": ""}, "display_name", "nome visualizzato"),
    ({"sources": [{"src": "javascript:alert(1)"}]}, "sources", "non è un indirizzo web"),
    ({"sources": [{"src": "ftp://example.org/a.mp4"}]}, "sources", "non è un indirizzo web"),
    ({"sources": [{"src": "https://example.org/a.avi"}]}, "sources", "mp4, webm o ogv"),
    ({"poster": "data:image/png;base64,AAAA"}, "poster", "non è un indirizzo web"),
    ({"hls_url": "https://example.org/a.mp4"}, "hls_url", ".m3u8"),
    ({"youtube_id": "not an id"}, "youtube_id", "11 caratteri"),
    ({"duration": 0}, "duration", "maggiore di zero"),
    ({"captions": [{"lang": "it", "text": "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok\n\n"
                                          "00:00:0x.000 --> 00:00:04.000\nrotto\n"}]}, "captions", "riga 6"),
    ({"captions": [{"lang": "it", "text": "solo testo"}]}, "captions", "né un file WebVTT"),
    ({"captions": [{"lang": "it<", "text": "WEBVTT\n"}]}, "captions", "codice di lingua"),
    ({"checkpoints": [{"time": 120, "kind": "single", "question": "q",
                       "options": [{"text": "a", "correct": True}, {"text": "b"}]}]}, "checkpoints", "dentro il video"),
    ({"checkpoints": [{"time": 10, "kind": "single", "question": "q",
                       "options": [{"text": "a", "correct": True}, {"text": "b", "correct": True}]}]},
     "checkpoints", "una sola opzione"),
    ({"checkpoints": [{"time": 10, "kind": "truefalse", "question": "q"}]}, "checkpoints", "vera o falsa"),
    ({"checkpoints": [{"time": 10, "kind": "single", "question": "q", "review_from": 20,
                       "options": [{"text": "a", "correct": True}, {"text": "b"}]}]}, "checkpoints", "rivedi da"),
    ({"chapters": [{"start": 200, "title": "Fuori"}]}, "chapters", "dentro il video"),
    ({"completion_threshold": 1.5}, "completion_threshold", "tra 0,1 e 1"),
    ({"weight": -1}, "weight", "tra 0 e 100"),
    ({"digcomp_competences": ["6.1"]}, "digcomp_competences", "6.1"),
    ({"show_transcript": "yes"}, "show_transcript", "sì o no"),
])
def test_bad_fields_are_explained_and_nothing_is_saved(staff_client, pill_key, change, field, words):
    before = platform().get_block(pill_key).display_name
    response = save(staff_client, pill_key, {**VALID, **change})
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert words.lower() in response.json()["error"].lower()
    assert platform().get_block(pill_key).display_name == before


def test_learners_cannot_edit_the_pill(learner_client, pill_key):
    response = save(learner_client, pill_key, VALID)
    assert response.status_code == 403
    assert platform().get_block(pill_key).display_name == "Che cosa sono gli open data"


# --- the editor as a plain form (no JavaScript) ----------------------------------------------
def _editor_form(client, pill_course, pill_key):
    """The editor page's form as a browser without JavaScript would post it unchanged."""
    from lxml import html as lxml_html

    page = client.get(reverse("sandbox:studio", args=[str(pill_course.course_key), str(pill_key)]))
    form = lxml_html.fromstring(page.content.decode()).xpath("//form[@class='fd-pill-editor__form']")[0]
    # A browser posts neither the buttons nor the fields inside <template> (the script's copies).
    return form.get("action"), [(name, value) for name, value in form.form_values() if "__I__" not in name]


def test_the_plain_form_posted_unchanged_saves_the_same_pill(staff_client, pill_course, pill_key):
    from django.test import Client

    before = platform().get_block(pill_key).editor_state()
    action, fields = _editor_form(staff_client, pill_course, pill_key)
    assert "/studio_form/" in action and ("csrfmiddlewaretoken", "") not in fields
    response = staff_client.post(action, data=_multi(fields))
    assert response.status_code == 303 and response["Location"].endswith("?fd_saved=1")
    assert platform().get_block(pill_key).editor_state() == before
    plain = Client()  # no CSRF token: refused like in the LMS
    plain.force_login(_staff_user(staff_client))
    assert plain.post(action, data=_multi(fields)).status_code == 403


def _staff_user(client):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(pk=client.session["_auth_user_id"])


def _multi(fields):
    data = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data


def test_the_plain_form_refuses_a_bad_checkpoint_keeping_what_was_typed_and_learners(
        staff_client, learner, pill_course, pill_key):
    from tests.helpers.csrf import CsrfClient

    action, fields = _editor_form(staff_client, pill_course, pill_key)
    data = _multi(fields)
    data["cp2_time"] = ["9:99:99:99"]
    data["cp0_question"] = ["Una domanda nuova, scritta da capo"]
    response = staff_client.post(action, data=data)
    page = response.content.decode()
    assert response.status_code == 400 and "non è un tempo" in page
    assert "9:99:99:99" in page and "Una domanda nuova, scritta da capo</textarea>" in page  # nothing typed is lost
    assert len(platform().get_block(pill_key).checkpoints) == 3
    learner_client = CsrfClient()
    learner_client.force_login(learner)
    assert learner_client.post(action, data=_multi(fields)).status_code == 403
    assert staff_client.get(action).status_code == 405

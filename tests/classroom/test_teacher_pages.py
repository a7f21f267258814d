"""The teacher's lead page, its controls, the summary and the guide: the class's teacher only."""
import pytest
from django.test import Client

from fd_classroom.models import Answer, ClassSession, Pupil

from .conftest import pupil_client

pytestmark = pytest.mark.django_db


def _act(client, session, **data):
    return client.post(f"/fd/classroom/lead/{session.public_id}/act", data)


def test_only_the_class_teacher_may_open_or_drive_the_class(started, django_user_model, client):
    result, session = started
    lead = result["lead_url"]
    assert client.get(lead).status_code == 302  # to the login page
    other = django_user_model.objects.create_user("altro", is_staff=True)
    client.force_login(other)
    for url in (lead, f"{lead}status.json", f"{lead}summary/", f"{lead}guide/"):
        assert client.get(url).status_code == 403, url
    assert _act(client, session, action="next").status_code == 403
    assert client.post(f"{lead}delete").status_code == 403
    session.refresh_from_db()
    assert session.scene_id == "fibra" and ClassSession.objects.filter(pk=session.pk).exists()


def test_the_lead_page_shows_code_qr_and_arrivals(started, teacher, client):
    result, session = started
    pupil_client(result["code"])
    client.force_login(teacher)
    page = client.get(result["lead_url"]).content.decode()
    assert session.code in page
    assert '<svg role="img"' in page and "<title>" in page
    nickname = Pupil.objects.get().nickname
    assert nickname in page
    status = client.get(f"{result['lead_url']}status.json").json()
    assert status["arrived"] == [nickname]


def test_controls_move_point_pause_and_ask(started, teacher, client):
    result, session = started
    client.force_login(teacher)
    version = session.version
    _act(client, session, action="next")
    _act(client, session, action="point", hotspot="cartello")
    _act(client, session, action="pause")
    session.refresh_from_db()
    assert (session.scene_id, session.pointed_id, session.paused) == ("wifi", "cartello", True)
    assert session.version == version + 3
    _act(client, session, action="resume")
    _act(client, session, action="goto", scene="rifiuti")
    _act(client, session, action="ask", question="fibra/q-fibra")
    session.refresh_from_db()
    assert (session.scene_id, session.question_id, session.paused) == ("fibra", "fibra/q-fibra", False)


def test_bad_commands_get_a_message_and_change_nothing(started, teacher, client):
    result, session = started
    client.force_login(teacher)
    for data in ({"action": "goto", "scene": "nowhere"}, {"action": "point", "hotspot": "cartello"},
                 {"action": "ask", "question": "x/y"}, {"action": "explode"}):
        response = _act(client, session, **data)
        assert response.status_code == 302
    page = client.get(result["lead_url"]).content.decode()
    for message in ("Questa tappa non esiste", "Questo punto non esiste", "Questa domanda non esiste",
                    "Comando sconosciuto"):
        assert message in page
    session.refresh_from_db()
    assert (session.scene_id, session.pointed_id, session.question_id) == ("fibra", "", "")


def test_answers_are_pooled_without_names(started, teacher, client):
    result, session = started
    client.force_login(teacher)
    _act(client, session, action="ask", question="fibra/q-fibra")
    for choice in ("1", "1", "0"):
        pupil = pupil_client(result["code"])
        pupil.post(f"/fd/classroom/c/{session.code}/answer", {"question": "fibra/q-fibra", "choice": choice})
    status = client.get(f"{result['lead_url']}status.json").json()
    assert status["question"] == {"key": "fibra/q-fibra", "answered": 3, "counts": [1, 2, 0]}
    page = client.get(result["lead_url"]).content.decode()
    answers = page[page.index('id="fd-answers"'):]
    for nickname in Pupil.objects.values_list("nickname", flat=True):
        assert nickname not in answers


def test_summary_per_stop_and_question_and_the_guide(started, teacher, client):
    result, session = started
    client.force_login(teacher)
    _act(client, session, action="ask", question="wifi/q-wifi")
    pupil_client(result["code"]).post(f"/fd/classroom/c/{session.code}/answer",
                                      {"question": "wifi/q-wifi", "choice": "0"})
    assert _act(client, session, action="end")["Location"].endswith("/summary/")
    summary = client.get(f"{result['lead_url']}summary/").content.decode()
    assert "1 alunno ha partecipato" in summary
    assert "Il Wi-Fi dei fontanelli è gratis." in summary and "1 risposta" in summary
    assert "Non chiesta in questa classe." in summary
    assert "@media print" in open("fd_classroom/static/fd_classroom/classroom.css").read()
    guide = client.get(f"{result['lead_url']}guide/").content.decode()
    assert "Dove avete visto cavi in città?" in guide
    assert "15 minuti" in guide and "Circa 5 minuti" in guide


def test_ending_and_deleting_removes_every_pupil_row(started, teacher, client):
    result, session = started
    client.force_login(teacher)
    pupil_client(result["code"])
    _act(client, session, action="ask", question="fibra/q-fibra")
    response = client.post(f"{result['lead_url']}delete", follow=True)
    assert "eliminati" in response.content.decode()
    assert not ClassSession.objects.exists() and not Pupil.objects.exists() and not Answer.objects.exists()


def test_teacher_posts_need_the_csrf_token(started, teacher):
    _result, session = started
    client = Client(enforce_csrf_checks=True)
    client.force_login(teacher)
    assert _act(client, session, action="next").status_code == 403

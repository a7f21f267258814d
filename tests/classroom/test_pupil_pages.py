"""A pupil's screen follows the teacher's; answers are saved; nothing beyond the tour shows."""
import pytest
from django.test import Client

from fd_classroom import classes
from fd_classroom.models import Answer

from .conftest import pupil_client

pytestmark = pytest.mark.django_db


def _page(client, session):
    return client.get(f"/fd/classroom/c/{session.code}/").content.decode()


def test_the_page_shows_the_current_scene_with_its_text_alternatives(started):
    result, session = started
    client = pupil_client(result["code"])
    page = _page(client, session)
    assert 'alt="Una strada del centro con un tombino aperto e tubi colorati."' in page
    assert "Firenze ha più di 300 km di fibra." in page
    assert "Tappa 1 di 3" in page
    assert "<strong>fibra</strong>" in page and "<script>alert" not in page
    assert 'http-equiv="refresh"' in page  # inside <noscript>, for pupils without JavaScript


def test_the_pupil_follows_the_teacher_to_the_next_stop_and_sees_the_pointer(started):
    result, session = started
    client = pupil_client(result["code"])
    classes.go_to_scene(session, "wifi")
    classes.point_at(session, "cartello")
    page = _page(client, session)
    assert "Wi-Fi libero ai fontanelli" in page
    assert "Il maestro indica: Il cartello del Wi-Fi" in page or "indica: Il cartello del Wi-Fi" in page
    assert 'fd-hotspot fd-pointed" data-hotspot="cartello"' in page


def test_poll_gives_the_state_and_304_when_nothing_changed(started, django_capture_on_commit_callbacks):
    result, session = started
    client = pupil_client(result["code"])
    url = f"/fd/classroom/c/{session.code}/poll.json"
    first = client.get(url)
    assert first.status_code == 200
    assert first.json() == {"version": session.version, "status": "live", "scene": "fibra", "pointed": "",
                            "paused": False, "question": ""}
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        classes.point_at(session, "tombino")
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed.json()["pointed"] == "tombino"


def test_poll_is_one_query_then_none_while_cached(started, django_assert_num_queries):
    result, session = started
    client = pupil_client(result["code"])
    with django_assert_num_queries(1):
        assert client.get(f"/fd/classroom/c/{session.code}/poll.json").status_code == 200
    with django_assert_num_queries(0):
        assert client.get(f"/fd/classroom/c/{session.code}/poll.json").status_code == 200


def test_pupil_endpoints_refuse_devices_that_did_not_join_this_class(started, teacher, tour):
    from fd_classroom import api

    from .conftest import COURSE_KEY, USAGE_KEY

    result, session = started
    other = api.start_class(teacher=teacher, course_key=COURSE_KEY, usage_key=USAGE_KEY, tour=tour)
    stranger = Client()
    assert stranger.get(f"/fd/classroom/c/{session.code}/").status_code == 403
    assert stranger.get(f"/fd/classroom/c/{session.code}/poll.json").status_code == 403
    # A pupil of another class cannot read or answer this one.
    pupil = pupil_client(other["code"])
    assert pupil.get(f"/fd/classroom/c/{session.code}/").status_code == 403
    assert pupil.post(f"/fd/classroom/c/{session.code}/answer", {"question": "fibra/q-fibra",
                                                                 "choice": "1"}).status_code == 403


def test_the_page_does_not_reveal_the_right_answer_before_answering(started):
    result, session = started
    client = pupil_client(result["code"])
    classes.ask(session, "fibra/q-fibra")
    page = _page(client, session)
    assert "Quanti km di fibra ha Firenze?" in page
    assert "Sono più di 300 km!" not in page
    assert "correct" not in page


def test_answering_saves_once_per_pupil_and_shows_the_feedback(started):
    result, session = started
    client = pupil_client(result["code"])
    classes.ask(session, "fibra/q-fibra")
    url = f"/fd/classroom/c/{session.code}/answer"
    assert client.post(url, {"question": "fibra/q-fibra", "choice": "0"}).status_code == 302
    response = client.post(url, {"question": "fibra/q-fibra", "choice": "1"}, follow=True)
    assert "Sono più di 300 km!" in response.content.decode()
    answer = Answer.objects.get(session=session)
    assert answer.choices == [1] and answer.correct


def test_multiple_choice_takes_several_options(started):
    result, session = started
    client = pupil_client(result["code"])
    classes.ask(session, "rifiuti/q-rifiuti")
    client.post(f"/fd/classroom/c/{session.code}/answer", {"question": "rifiuti/q-rifiuti", "choice": ["0", "1"]})
    assert Answer.objects.get().choices == [0, 1] and Answer.objects.get().correct


@pytest.mark.parametrize("data, status", [
    ({"question": "fibra/q-fibra"}, 400),
    ({"question": "fibra/q-fibra", "choice": "7"}, 400),
    ({"question": "fibra/q-fibra", "choice": ["0", "1"]}, 400),
    ({"question": "fibra/q-fibra", "choice": "uno"}, 400),
    ({"question": "wifi/q-wifi", "choice": "0"}, 409),
])
def test_bad_answers_get_a_clear_4xx_and_save_nothing(started, data, status):
    result, session = started
    client = pupil_client(result["code"])
    classes.ask(session, "fibra/q-fibra")
    response = client.post(f"/fd/classroom/c/{session.code}/answer", data, HTTP_ACCEPT="application/json")
    assert response.status_code == status
    assert response.json()["error"]
    assert not Answer.objects.exists()


def test_answer_posts_need_the_csrf_token(started):
    result, session = started
    client = pupil_client(result["code"])
    client.handler.enforce_csrf_checks = True
    classes.ask(session, "fibra/q-fibra")
    response = client.post(f"/fd/classroom/c/{session.code}/answer", {"question": "fibra/q-fibra", "choice": "1"})
    assert response.status_code == 403
    assert not Answer.objects.exists()


def test_the_end_is_shown_and_a_deleted_class_is_gone(started, django_capture_on_commit_callbacks):
    result, session = started
    client = pupil_client(result["code"])
    assert client.get(f"/fd/classroom/c/{session.code}/poll.json").json()["status"] == "live"
    with django_capture_on_commit_callbacks(execute=True):
        classes.end(session)
    assert "La visita è finita" in _page(client, session)
    assert client.get(f"/fd/classroom/c/{session.code}/poll.json").json()["status"] == "ended"
    with django_capture_on_commit_callbacks(execute=True):
        classes.delete(session)
    assert client.get(f"/fd/classroom/c/{session.code}/poll.json").status_code == 410
    assert client.get(f"/fd/classroom/c/{session.code}/").status_code == 403


def test_a_forged_or_altered_pupil_cookie_is_refused(started):
    from fd_classroom.pupils import COOKIE

    result, session = started
    client = pupil_client(result["code"])
    value = client.cookies[COOKIE].value
    class_id, pupil_id, token, mac = value.split(":")
    for forged in (f"{class_id}:{int(pupil_id) + 1}:{token}:{mac}", f"{class_id}:{pupil_id}:{token}:x",
                   f"{class_id}:{pupil_id}:{token}", "garbage"):
        client.cookies[COOKIE] = forged
        client.cookies[COOKIE]["path"] = f"/fd/classroom/c/{session.code}/"
        assert client.get(f"/fd/classroom/c/{session.code}/poll.json").status_code == 403, forged
        assert client.get(f"/fd/classroom/c/{session.code}/").status_code == 403, forged

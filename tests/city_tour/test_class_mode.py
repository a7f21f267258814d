"""The door to the class mode: only teachers see the form, and the handler checks its caller itself.

``fd_classroom`` may or may not be installed; these tests hold either way and never stand in for it.
"""
import importlib.util

import pytest

from tests.city_tour.conftest import handler_url

pytestmark = pytest.mark.django_db
CLASSROOM = importlib.util.find_spec("fd_classroom") is not None


def test_learners_never_see_the_form(client, learner, unit_url):
    client.force_login(learner)
    assert "fd-tour__class" not in client.get(unit_url).content.decode()


def test_learners_cannot_start_a_class(client, learner, tour_key):
    client.force_login(learner)
    response = client.post(handler_url(tour_key, "begin_class_tour"), {"school_id": ""})
    assert response.status_code in (403, 404)
    assert 'role="alert"' in response.content.decode()


def test_the_anonymous_route_cannot_start_a_class(client, tour_key):
    from django.urls import reverse

    url = reverse("sandbox:xblock_handler_noauth", kwargs={"usage_id": str(tour_key),
                                                          "handler": "begin_class_tour", "suffix": ""})
    response = client.post(url, {"school_id": ""}, HTTP_ACCEPT="application/json")
    assert response.status_code == 403 and response.json()["error"]


def test_get_is_refused(client, staff, tour_key):
    client.force_login(staff)
    assert client.get(handler_url(tour_key, "begin_class_tour")).status_code == 405


def test_without_fd_classroom_staff_get_no_form_and_a_clear_answer(client, staff, unit_url, tour_key, monkeypatch):
    # A site that did not install fd_classroom: its api cannot be imported.
    import sys

    import fd_classroom

    monkeypatch.setitem(sys.modules, "fd_classroom.api", None)
    monkeypatch.delattr(fd_classroom, "api", raising=False)
    client.force_login(staff)
    assert "fd-tour__class" not in client.get(unit_url).content.decode()
    response = client.post(handler_url(tour_key, "begin_class_tour"), {"school_id": ""},
                           HTTP_ACCEPT="application/json")
    assert response.status_code == 404
    assert any(text in response.json()["error"] for text in ("not installed", "non è installata"))


@pytest.mark.skipif(not CLASSROOM, reason="fd_classroom is not installed")
def test_with_fd_classroom_staff_start_a_class_and_go_to_the_whiteboard(client, staff, unit_url, tour_key):
    client.force_login(staff)
    assert "fd-tour__class" in client.get(unit_url).content.decode()
    response = client.post(handler_url(tour_key, "begin_class_tour"), {"school_id": ""})
    assert response.status_code == 303 and response["Location"]
    bad = client.post(handler_url(tour_key, "begin_class_tour"), {"school_id": "abc"})
    assert bad.status_code == 400

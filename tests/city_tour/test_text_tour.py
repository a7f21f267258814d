"""Without JavaScript: the unit page is a text tour and every action is a plain form post."""
import re

import pytest
from django.test import Client

from tests.city_tour.conftest import block_for, handler_url

pytestmark = pytest.mark.django_db


def form_fields(html, action):
    """The hidden fields of the first form in the page with that action value."""
    forms = re.findall(r"<form method=\"post\" action=\"([^\"]+)\"[^>]*>(.*?)</form>", html, re.S)
    for url, body in forms:
        fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', body))
        if fields.get("action") == action:
            return url, fields
    raise AssertionError(f"no {action} form")


@pytest.fixture
def csrf_client(learner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    return client


def test_the_whole_tour_by_form_posts_with_csrf(csrf_client, learner, tour_key, unit_url):
    from completion.models import BlockCompletion

    html = csrf_client.get(unit_url).content.decode()
    # Follow the "next stop" button of each stop, as a reader without JavaScript does.
    scene_ids = [scene["id"] for scene in block_for(learner, tour_key).scenes]
    for number, scene in enumerate(scene_ids):
        section = html.split(f'data-scene="{scene}"')[1].split('<article')[0]
        next_form = section.split('<div class="fd-tour__next">')[1]
        url, fields = form_fields(next_form, "go")
        assert fields["seen"] == scene
        response = csrf_client.post(url, fields, HTTP_REFERER=f"http://testserver{unit_url}")
        assert response.status_code == 303
        location = response["Location"]
        assert location.startswith(unit_url + "#")
        html = csrf_client.get(unit_url).content.decode()
        if number + 1 < len(scene_ids):
            assert location.endswith(f"-s-{scene_ids[number + 1]}")
    assert location.endswith("-summary")
    block = block_for(learner, tour_key)
    assert set(block.visited) == set(scene_ids) and block.completed
    assert BlockCompletion.objects.get(user=learner, block_key=tour_key).completion == 1.0
    assert "9 of 9" in html or "9 su 9" in html or "9 di 9" in html


def test_a_question_is_answered_by_a_form_post(csrf_client, learner, tour_key, unit_url):
    html = csrf_client.get(unit_url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    url = handler_url(tour_key, "tour_form")
    response = csrf_client.post(url, {"csrfmiddlewaretoken": token, "action": "answer", "hotspot": "lampioni-domanda",
                                      "option": ["0", "1"]}, HTTP_REFERER=f"http://testserver{unit_url}")
    assert response.status_code == 303 and response["Location"].endswith("-h-lampioni-domanda")
    assert block_for(learner, tour_key).answers["lampioni-domanda"] == {"answer": [0, 1], "correct": True}
    html = csrf_client.get(unit_url).content.decode()
    part = html.split('data-hotspot="lampioni-domanda"')[1].split("</form>")[0]
    assert "checked" in part and ("Right!" in part or "Giusto!" in part)


def test_a_form_post_without_the_token_is_refused(learner, tour_key):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    response = client.post(handler_url(tour_key, "tour_form"), {"action": "go", "scene": "fibra"})
    assert response.status_code == 403
    assert block_for(learner, tour_key).visited == []


@pytest.mark.parametrize("fields", [
    {"action": "go", "scene": "atlantide"}, {"action": "answer", "hotspot": "fibra-domanda"},
    {"action": "answer", "hotspot": "fibra-domanda", "option": "x"}, {"action": "dance"},
    {"action": "find", "hotspot": "fibra-filo"},
])
def test_bad_form_posts_get_a_readable_page(client, learner, tour_key, fields):
    client.force_login(learner)
    response = client.post(handler_url(tour_key, "tour_form"), fields)
    assert 400 <= response.status_code < 500
    body = response.content.decode()
    assert 'role="alert"' in body and "<a href=" in body


def test_a_foreign_referer_is_not_followed(client, learner, tour_key):
    client.force_login(learner)
    response = client.post(handler_url(tour_key, "tour_form"), {"action": "go", "scene": "fibra"},
                           HTTP_REFERER="https://evil.example/phish")
    assert response.status_code == 303 and "evil" not in response["Location"]

"""The standalone pages at /fd/assessment/: take the short form in Italian, see the profile, retake."""
import re

import pytest
from django.urls import reverse

from fd_assessment.models import Attempt

pytestmark = pytest.mark.django_db


def _take_by_form_posts(client, value_for):
    """Answer every question through the HTML forms, as a browser without JavaScript would."""
    page = client.get(reverse("fd_assessment:home"))
    assert page.status_code == 200
    response = client.post(reverse("fd_assessment:start"), {"form": "short"}, follow=True)
    questions = 0
    while True:
        html = response.content.decode()
        match = re.search(r'name="item_id" value="([^"]+)"', html)
        if not match:
            break
        item_id = match.group(1)
        version = re.search(r'name="version" value="([^"]+)"', html).group(1)
        response = client.post(response.request["PATH_INFO"], {"item_id": item_id, "value": value_for(item_id),
                                                                "version": version}, follow=True)
        questions += 1
    assert "See my results" in html or "Vedi i miei risultati" in html
    attempt = Attempt.objects.latest("started")
    response = client.post(reverse("fd_assessment:submit", args=[attempt.pk]), follow=True)
    return response, questions


def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get(reverse("fd_assessment:home"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_short_form_in_italian_gives_a_profile_with_chart_table_and_retake_growth(client, learner):
    client.force_login(learner)
    response, questions = _take_by_form_posts(client, lambda item: "1" if item.startswith("self") else "x")
    assert 18 <= questions <= 25
    html = response.content.decode()
    assert response.status_code == 200
    assert 'lang="it"' in html and "Il tuo profilo" in html
    assert '<svg' in html and 'role="img"' in html and "<table" in html
    assert "Cosa imparare adesso" in html
    widths = re.findall(r'<rect [^>]*width="([^"]+)"', html)  # the wide chart and the phone's
    assert len(widths) == 2 * 26 and all(0 <= float(w) <= 400 for w in widths)  # not "25,0": Italian decimals
    assert "pesa 40%" in html
    response, _ = _take_by_form_posts(client, lambda item: "3" if item.startswith("self") else "x")
    html = response.content.decode()
    assert "I tuoi progressi" in html and "è salito di" in html
    assert 'class="fd-before"' in html  # the first attempt is marked on the chart


def test_missing_choice_shows_a_message_and_saves_nothing(client, learner):
    client.force_login(learner)
    response = client.post(reverse("fd_assessment:start"), {"form": "short"}, follow=True)
    attempt = Attempt.objects.get(user=learner)
    html = response.content.decode()
    item_id = re.search(r'name="item_id" value="([^"]+)"', html).group(1)
    response = client.post(reverse("fd_assessment:take", args=[attempt.pk]), {"item_id": item_id})
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    response = client.post(reverse("fd_assessment:take", args=[attempt.pk]),
                           {"item_id": item_id, "value": "42", "version": attempt.version})
    assert response.status_code == 400
    assert not attempt.answers.exists()


def test_english_page(client, learner):
    client.force_login(learner)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("fd_assessment:home")).content.decode()
    assert "How digital are you?" in html and "Start a questionnaire" in html


def test_results_of_someone_else_are_not_shown(client, learner, django_user_model, take_questionnaire):
    other = django_user_model.objects.create_user("other")
    attempt = take_questionnaire(other)
    client.force_login(learner)
    assert client.get(reverse("fd_assessment:results", args=[attempt.pk])).status_code == 404


def test_staff_statistics_page_and_csv(client, staff, learner, take_questionnaire, django_user_model):
    client.force_login(learner)
    assert client.get(reverse("fd_assessment:statistics")).status_code == 403
    client.force_login(staff)
    html = client.get(reverse("fd_assessment:statistics")).content.decode()
    assert "Meno di 5 persone" in html
    for n in range(5):
        take_questionnaire(django_user_model.objects.create_user(f"s{n}"))
    html = client.get(reverse("fd_assessment:statistics")).content.decode()
    assert "Scarica CSV" in html
    assert 'id="fd-dist-title"' in html  # the distribution chart, beside the table
    bad = client.get(reverse("fd_assessment:statistics"), {"period_from": "novembre"})
    assert bad.status_code == 400 and "YYYY-MM" in bad.content.decode()


def test_demo_command_gives_staff_statistics_to_look_at(client, staff):
    import io

    from django.core.management import call_command

    from fd_assessment import api

    call_command("fd_assessment_demo", people=12, stdout=io.StringIO())
    call_command("fd_assessment_demo", people=12, stdout=io.StringIO())  # idempotent
    assert Attempt.objects.filter(user__username__startswith="cittadino", attempt_number=1).count() == 12
    data = api.statistics("it")
    assert data["people"] == 12 and data["rows"]
    client.force_login(staff)
    html = client.get(reverse("fd_assessment:statistics"), {"cohort": "Biblioteca delle Oblate"}).content.decode()
    assert "Meno di 5 persone" in html  # 4 people in that cohort: suppressed

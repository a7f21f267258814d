"""A full score is celebrated and points to the next step, not to "where you can grow most"."""
import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

pytestmark = pytest.mark.browser


def test_a_full_score_celebrates(transactional_db, browser, live_server, login, django_user_model, axe_violations):
    from tests.assessment.conftest import take

    user = django_user_model.objects.create_user("bravissima", password="pw")
    attempt = take(user, self_value="4", pick="correct")
    login(browser, live_server, user)
    browser.get(live_server.url + reverse("fd_assessment:results", args=[attempt.pk]))
    assert "100,0 su 100" in browser.find_element(By.CSS_SELECTOR, ".fd-overall").text
    text = browser.find_element(By.CSS_SELECTOR, ".fd-results").text
    assert "Punteggio pieno: ottimo lavoro!" in text
    assert "in cui puoi crescere di più" not in text
    assert axe_violations(browser) == []

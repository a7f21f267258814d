"""Staff pages say what still matters: no weekly pace for a target whose deadline has passed."""
from datetime import date, timedelta

import pytest
from selenium.webdriver.common.by import By

pytestmark = pytest.mark.browser


def test_a_missed_target_asks_for_no_weekly_pace(transactional_db, browser, live_server, login, django_user_model):
    from fd_progress.models import Target

    today = date.today()
    Target.objects.create(title_it="Obiettivo scaduto", title_en="Past target", metric="people_reached",
                          period_start=today - timedelta(days=120), deadline=today - timedelta(days=10), goal=5000)
    Target.objects.create(title_it="Obiettivo aperto", title_en="Open target", metric="people_reached",
                          period_start=today - timedelta(days=10), deadline=today + timedelta(days=60), goal=5000)
    login(browser, live_server, django_user_model.objects.create_user("capo", password="pw", is_staff=True))
    browser.get(live_server.url + "/fd/progress/")
    sections = {section.find_element(By.TAG_NAME, "h2").text: " ".join(section.get_attribute("textContent").split())
                for section in browser.find_elements(By.CSS_SELECTOR, "section.target")}
    assert "Ritmo settimanale ancora necessario" not in sections["Obiettivo scaduto"]
    assert "Mancato il " in sections["Obiettivo scaduto"]  # when it was missed, not a pace
    assert "Ritmo settimanale ancora necessario" in sections["Obiettivo aperto"]

"""The staff dashboard in Chromium: usable with the keyboard alone, no serious axe-core violation."""
from datetime import timedelta

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from fd_progress import ingest
from tests.helpers.browser import choose_language

from .conftest import COURSE_KEY, drain

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def dashboard(browser, live_server, login, django_user_model, year_target):
    for user_id in range(1, 40):
        ingest.enrollment(user_id, str(COURSE_KEY), timezone.now() - timedelta(days=user_id % 50))
    drain()
    staff = django_user_model.objects.create_user("sara", password="pw", is_staff=True)
    login(browser, live_server, staff)
    browser.get(live_server.url + "/fd/progress/")
    return browser


def test_the_dashboard_works_with_the_keyboard_alone(dashboard, keyboard, year_target):
    browser = dashboard
    skip = keyboard.tab()
    assert skip.text == "Vai al contenuto"
    keyboard.enter()
    assert keyboard.focused().get_attribute("id") == "main"

    link = browser.find_element(By.LINK_TEXT, year_target.title_it)
    keyboard.tab_to(link)
    keyboard.enter()
    assert browser.current_url.endswith(f"#target-{year_target.pk}-heading")

    summary = browser.find_element(By.CSS_SELECTOR, f"#target-{year_target.pk}-heading ~ details .chart-data summary")
    table = browser.find_element(By.CSS_SELECTOR, f"#target-{year_target.pk}-heading ~ details .chart-data table")
    assert not table.is_displayed()
    keyboard.tab_to(summary)
    keyboard.enter()
    assert table.is_displayed()
    assert "39" in table.text

    metric = browser.find_element(By.ID, "fd-metric")
    keyboard.tab_to(metric)
    keyboard.press(Keys.ARROW_DOWN)  # people reached -> registrations
    keyboard.tab()
    keyboard.enter()
    assert "metric=registrations" in browser.current_url
    assert keyboard.tab().get_attribute("id") == "fd-metric"  # the reader stays at the breakdown

    browser.get(browser.current_url.split("#")[0])
    assert keyboard.tab().text == "Vai al contenuto"
    language = browser.find_element(By.CSS_SELECTOR, "header button[name=language]")  # the platform's header
    assert language.text == "English"
    keyboard.tab_to(language)
    choose_language(browser, "en", keyboard.enter)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Participation targets"
    assert "metric=registrations" in browser.current_url

def test_the_dashboard_has_no_serious_accessibility_violation(dashboard, axe_violations, keyboard, year_target):
    assert axe_violations(dashboard) == []
    summary = dashboard.find_element(By.CSS_SELECTOR, f"#target-{year_target.pk}-heading ~ details .chart-data summary")
    keyboard.tab_to(summary, max_presses=80)
    keyboard.enter()
    assert axe_violations(dashboard) == []

"""The staff dashboard fits a few screens: a summary table first, then the targets folded (the first and
those at risk open), the breakdowns folded after the first; on a phone nothing scrolls sideways."""
import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

pytestmark = pytest.mark.browser

# (window width, window height, at most this many window heights long). On main: 10,063 px at 1280 with the
# demo data; now about 3,300 px at 1280 and 5,000 px at 360.
SCREENS = [(1280, 900, 4), (360, 800, 7)]

LAYOUT = """
const root = document.documentElement;
return {height: root.scrollHeight, sideways: root.scrollWidth - root.clientWidth,
        first: document.querySelector('main').querySelector('table, section.target').tagName};"""


@pytest.mark.parametrize(("width", "height", "screens"), SCREENS)
def test_the_dashboard_is_a_few_screens_long_and_never_scrolls_sideways(width, height, screens, demo, browser,
                                                                       live_server, login, phone):
    login(browser, live_server, "staff")
    browser.set_window_size(width, height)
    browser.get(live_server.url + reverse("fd_progress:dashboard"))
    layout = browser.execute_script(LAYOUT)
    assert layout["first"] == "TABLE"  # the summary comes before any target
    assert layout["sideways"] == 0
    assert layout["height"] <= screens * height, layout

    folded = browser.find_elements(By.CSS_SELECTOR, "details.target-details")
    folds = [d.get_attribute("open") is not None for d in folded]
    assert folds[0] and not all(folds)
    first_closed = browser.find_elements(By.CSS_SELECTOR, "details.target-details:not([open])")[0]
    first_closed.find_element(By.TAG_NAME, "summary").click()
    assert first_closed.find_element(By.CSS_SELECTOR, ".chart svg").is_displayed()

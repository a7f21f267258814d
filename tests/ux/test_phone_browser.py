"""Phones first: every page and block at 360 and 320 px, no sideways scrolling, big enough tap targets,
the checkpoint fully usable below the video, the results chart readable."""
import pytest
from selenium.webdriver.common.by import By

from tests.helpers.pills import pill_timeline

from .conftest import OPEN_DATA, learner_pages, staff_pages, unit_url

pytestmark = pytest.mark.browser

# Every control in the page that a finger must hit; inline links inside running text are exempt (WCAG 2.5.8).
TARGETS = """
const out = [];
for (const el of document.querySelectorAll('a, button, input, select, textarea, summary')) {
  const r = el.getBoundingClientRect(), style = getComputedStyle(el);
  if (!r.width || style.visibility === 'hidden' || el.type === 'hidden') continue;
  if (el.tagName === 'A' && style.display === 'inline') continue;
  const name = (el.textContent || el.value || '').trim().slice(0, 30);
  if (r.width < 24 || r.height < 24) out.push(`${el.tagName} "${name}" ${Math.round(r.width)}x${Math.round(r.height)}`);
}
return out;"""

WIDE = """
const width = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth <= width) return [];
return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1)
  .slice(-3).map(e => `${e.tagName}.${e.className}`);"""


def visit_all(browser, phone, live_server, login, user, pages, width):
    problems = []
    login(browser, live_server, user)
    phone(width)
    for page in pages:
        browser.get(live_server.url + page)
        wide = browser.execute_script(WIDE)
        if wide:
            problems.append(f"{page} at {width}px scrolls sideways: {wide}")
        small = browser.execute_script(TARGETS)
        if small:
            problems.append(f"{page} at {width}px has tap targets under 24 px: {small[:4]}")
    return problems


@pytest.mark.parametrize("width", [360, 320])
def test_no_page_scrolls_sideways_on_a_phone_and_every_control_is_big_enough(width, demo, browser, phone,
                                                                            live_server, login):
    problems = visit_all(browser, phone, live_server, login, demo["learner"], learner_pages(demo), width)
    problems += visit_all(browser, phone, live_server, login, "staff", staff_pages(), width)
    assert problems == []


def test_the_pill_primary_controls_are_44_px(demo, browser, phone, live_server, login):
    login(browser, live_server, demo["learner"])
    phone(360)
    browser.get(live_server.url + unit_url(OPEN_DATA, "what-is-open-data"))
    browser.find_element(By.CSS_SELECTOR, ".fd-pill[data-ready]")
    sizes = browser.execute_script(
        "return [...document.querySelectorAll('.fd-pill__controls button, .fd-pill__seek')]"
        ".map(e => [e.className, e.getBoundingClientRect().height])")
    assert sizes and all(height >= 44 for _, height in sizes), sizes


def test_on_a_phone_the_checkpoint_shows_all_its_answers_below_the_video(demo, browser, phone, live_server, login,
                                                                        wait_for, axe_violations):
    login(browser, live_server, demo["learner"])
    phone(360)
    browser.get(live_server.url + unit_url(OPEN_DATA, "what-is-open-data"))
    browser.find_element(By.CSS_SELECTOR, ".fd-pill[data-ready]")
    before_question = pill_timeline().checkpoints["commercial-use"]["time"] - 1  # the pill's first question
    browser.execute_script("const v = document.querySelector('.fd-pill__video'); v.muted = true;"
                           "v.currentTime = arguments[0]; v.play();", before_question)
    panel = browser.find_element(By.CSS_SELECTOR, ".fd-pill__checkpoint")
    wait_for(panel.is_displayed, message="the checkpoint opens")
    geometry = browser.execute_script("""
        const p = document.querySelector('.fd-pill__checkpoint'), v = document.querySelector('.fd-pill__video');
        const check = p.querySelector('.fd-pill__cp-check');
        return {hidden_inside: p.scrollHeight - p.clientHeight, panel_top: p.getBoundingClientRect().top,
                video_bottom: v.getBoundingClientRect().bottom, check_height: check.getBoundingClientRect().height,
                options: [...p.querySelectorAll('input')].map(i => i.getBoundingClientRect().height)};""")
    assert geometry["hidden_inside"] <= 1  # nothing scrolls out of sight inside the panel
    assert geometry["panel_top"] >= geometry["video_bottom"] - 1  # below the video, not on top of it
    assert geometry["check_height"] >= 44 and min(geometry["options"]) >= 24
    assert axe_violations(browser) == []


def test_the_results_chart_is_readable_on_a_phone(demo, browser, phone, live_server, login):
    login(browser, live_server, demo["learner"])
    phone(360)
    browser.get(live_server.url + demo["results"])
    heights = browser.execute_script(
        "return [...document.querySelectorAll('figure.fd-chart svg')].filter(s => s.getBoundingClientRect().width)"
        ".flatMap(s => [...s.querySelectorAll('text')]).map(t => t.getBoundingClientRect().height)")
    assert heights and min(heights) >= 11, heights

"""One look that follows the theme: every app's page sits in the platform's base page (one header),
and a theme that sets Paragon's primary colour restyles the pages and the blocks without our code changing."""
from urllib.parse import quote

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

from .conftest import OPEN_DATA, unit_url

pytestmark = pytest.mark.browser

THEME_COLOUR = "rgb(153, 0, 85)"
DEFAULT_PRIMARY = "rgb(10, 48, 85)"  # Paragon's primary-base, our fallback
THEME = "data:text/css," + quote(f":root {{ --pgn-color-primary-base: {THEME_COLOUR}; }}")


def app_pages():
    """One page of each app with a button (the dashboard, the self-assessment, badges, class mode, the
    training calendar, the help desk's agenda)."""
    return {
        "fd_progress": reverse("fd_progress:dashboard"),
        "fd_assessment": reverse("fd_assessment:home"),
        "fd_badges": reverse("fd_badges:verify"),
        "fd_classroom": reverse("fd_classroom:join"),
        "fd_calendar": reverse("fd_calendar:list"),
        "fd_assistance": reverse("fd_assistance:agenda"),
    }


# The visible headers: their text and colour, and how each of their links and controls looks (an app's own
# stylesheet must not restyle the platform's header: the same header on every page, to the pixel).
HEADER = """
const look = e => { const s = getComputedStyle(e), r = e.getBoundingClientRect();
  return [e.tagName, s.fontFamily, s.fontSize, s.color, s.backgroundColor, s.borderTopColor,
          Math.round(r.height)].join(' | '); };
const headers = [...document.querySelectorAll('header')].filter(h => h.getBoundingClientRect().height > 0);
return headers.map(h => [h.className, h.innerText.replace(/\\s+/g, ' ').trim(),
                         getComputedStyle(h).backgroundColor,
                         [h, ...h.querySelectorAll('a, button, select')].map(look)]);"""

COLOURS = """
const style = s => { const e = document.querySelector(s); return e ? getComputedStyle(e) : null; };
const button = style('main button[type=submit]'), heading = style('main h1'), header = style('header.site-header');
return {button: button && button.backgroundColor, heading: heading && heading.color,
        header: header && header.backgroundColor};"""


def test_every_app_page_shows_the_platform_header_and_only_it(demo, browser, live_server, login):
    login(browser, live_server, "staff")
    seen = {}
    for app, page in app_pages().items():
        browser.get(live_server.url + page)
        seen[app] = browser.execute_script(HEADER)
        assert browser.find_elements(By.CSS_SELECTOR, "body.fd-page .fd-shell main#main"), app
    first = seen["fd_progress"]
    assert len(first) == 1 and first[0][0] == "site-header"
    assert {app: headers for app, headers in seen.items() if headers != first} == {}


def colours(browser, live_server, pages):
    found = {}
    for app, page in pages.items():
        browser.get(live_server.url + page)
        found[app] = browser.execute_script(COLOURS)
    return found


def block_colours(browser, live_server):
    """The primary buttons of two blocks: the DigComp block's "Start" and the pill's checkpoint "Check"."""
    browser.get(live_server.url + unit_url(OPEN_DATA, "self-check"))
    digcomp = browser.execute_script(
        "const b = document.querySelector('.fd-primary'); return b && getComputedStyle(b).backgroundColor;")
    browser.get(live_server.url + unit_url(OPEN_DATA, "what-is-open-data"))
    pill = browser.execute_script(
        "const b = document.querySelector('.fd-pill__cp-check'); return b && getComputedStyle(b).backgroundColor;")
    return {"digcomp": digcomp, "pill": pill}


def test_a_theme_that_sets_the_primary_colour_restyles_pages_and_blocks(demo, browser, live_server, login, settings):
    login(browser, live_server, "staff")
    pages = app_pages()
    before = colours(browser, live_server, pages)
    assert all(found == {"button": DEFAULT_PRIMARY, "heading": DEFAULT_PRIMARY, "header": DEFAULT_PRIMARY}
               for found in before.values()), before
    login(browser, live_server, demo["learner"])
    assert block_colours(browser, live_server) == {"digcomp": DEFAULT_PRIMARY, "pill": DEFAULT_PRIMARY}

    settings.SANDBOX_THEME_STYLESHEETS = [THEME]
    login(browser, live_server, "staff")
    after = colours(browser, live_server, pages)
    assert all(found == {"button": THEME_COLOUR, "heading": THEME_COLOUR, "header": THEME_COLOUR}
               for found in after.values()), after
    login(browser, live_server, demo["learner"])
    assert block_colours(browser, live_server) == {"digcomp": THEME_COLOUR, "pill": THEME_COLOUR}

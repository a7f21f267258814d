"""Headless Chromium through selenium, signing in as a Django user, and keyboard-only driving."""
import shutil
import tempfile

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WINDOW_SIZE = (1280, 900)
LANGUAGE = "it"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
)


class Chromium:
    """A selenium Chrome driver on Debian's Chromium with its own throwaway profile."""

    def __init__(self, language=LANGUAGE):
        self.language = language
        self.start()

    def start(self):
        self.profile_dir = tempfile.mkdtemp(prefix="fd-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={self.profile_dir}")
        options.add_argument(f"--window-size={WINDOW_SIZE[0]},{WINDOW_SIZE[1]}")
        options.add_argument(f"--lang={self.language}")
        accept = f"{self.language},{self.language}-IT"
        options.add_experimental_option("prefs", {"intl.accept_languages": accept})
        self.driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
        self.driver.set_window_size(*WINDOW_SIZE)
        self.driver.set_page_load_timeout(60)

    def ensure_alive(self):
        """Start a new browser if the previous test left this one crashed."""
        try:
            self.driver.execute_script("return 1;")
        except WebDriverException:
            self.quit()
            self.start()
        return self.driver

    def reset(self):
        """Forget cookies and storage between tests, and leave the page."""
        self.driver.execute_script("try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}")
        self.driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
        self.driver.get("about:blank")

    def quit(self):
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile_dir, ignore_errors=True)


def login(browser, live_server, username):
    """Sign ``browser`` in to ``live_server`` as ``username`` (a username or a user object).

    A session is made with Django's test ``Client.force_login`` and its cookie is handed to the
    browser, so it works whatever the login page looks like. A missing user is created (with no
    usable password). Returns the user.
    """
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    user = username
    if isinstance(username, str):
        user, _ = get_user_model().objects.get_or_create(username=username)
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    browser.execute_cdp_cmd("Network.setCookie", {
        "name": settings.SESSION_COOKIE_NAME,
        "value": cookie.value,
        "url": live_server.url + "/",
        "path": "/",
        "httpOnly": True,
    })
    return user


def next_page(browser, press, timeout=30):
    """Call ``press()`` (a click that posts a form or follows a link) and wait until the next page is there.

    Between the old document and the new one there is a moment with no ``<html>`` element at all,
    where a plain ``find_element`` fails instead of waiting; this waits through it. While the old
    document is being replaced Chromium may also answer that its node "does not belong to the
    document": it is gone too.
    """
    old = browser.find_element(By.TAG_NAME, "html")

    def gone(_driver):
        try:
            old.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as exc:
            if "does not belong to the document" in str(exc):
                return True
            raise
        return False

    press()
    WebDriverWait(browser, timeout, ignored_exceptions=(WebDriverException,)).until(gone, message="the page to go")
    return WebDriverWait(browser, timeout, ignored_exceptions=(NoSuchElementException,
                                                               StaleElementReferenceException)).until(
        lambda driver: driver.find_element(By.ID, "main"), message="the next page")


def choose_language(browser, language, press, timeout=30):
    """Call ``press()`` (a click or a key on the language selector) and wait for the page in ``language``.

    The selector posts a form, so the page is replaced (see ``next_page``).
    """
    next_page(browser, press, timeout)
    WebDriverWait(browser, timeout).until(
        lambda driver: driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language,
        message=f"the page in {language}")


class Keyboard:
    """Keyboard-only navigation: every key goes to whatever element has the focus."""

    def __init__(self, driver):
        self.driver = driver

    def focused(self):
        return self.driver.switch_to.active_element

    def press(self, key, times=1):
        actions = ActionChains(self.driver)
        for _ in range(times):
            actions.send_keys(key)
        actions.perform()
        return self.focused()

    def tab(self, times=1):
        """Press TAB ``times`` times and return the element that then has the focus."""
        return self.press(Keys.TAB, times)

    def shift_tab(self, times=1):
        actions = ActionChains(self.driver)
        for _ in range(times):
            actions.key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT)
        actions.perform()
        return self.focused()

    def enter(self):
        return self.press(Keys.ENTER)

    def space(self):
        return self.press(Keys.SPACE)

    def escape(self):
        return self.press(Keys.ESCAPE)

    def tab_to(self, element, max_presses=60):
        """TAB until ``element`` has the focus; return how many presses it took.

        Fails (AssertionError) if the element cannot be reached by keyboard.
        """
        for presses in range(1, max_presses + 1):
            if self.tab() == element:
                return presses
        raise AssertionError(f"{element.tag_name} element not reachable with TAB in {max_presses} presses")

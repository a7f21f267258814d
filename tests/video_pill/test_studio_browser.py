"""The Studio editor of the pill in headless Chromium, with the keyboard only."""
import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.helpers.pills import pill_timeline

from .conftest import PILL_OLX, write_course

pytestmark = pytest.mark.browser
DURATION = pill_timeline(PILL_OLX).duration


@pytest.fixture
def editor(browser, live_server, login, transactional_db, tmp_path, django_user_model):
    from sandbox.courses import import_course
    from sandbox.models import CourseAccessRole

    course = import_course(write_course(tmp_path / "course", PILL_OLX.read_text(encoding="utf-8")))
    author = django_user_model.objects.create_user("autrice", "autrice@example.org", "pw")
    CourseAccessRole.objects.create(user=author, course_key=course.course_key, role="staff")
    login(browser, live_server, author)
    pill = course.course_key.make_usage_key("fd_video_pill", "pill")
    browser.get(live_server.url + reverse("sandbox:studio", args=[str(course.course_key), str(pill)]))
    return pill


FAR = 250  # the editor has many fields: TAB presses allowed to reach one


def type_into(browser, keyboard, element, text):
    keyboard.tab_to(element, FAR)
    element.send_keys(Keys.CONTROL, "a")
    element.send_keys(text)


def axe_without_javascript(browser, axe_violations):
    """axe-core needs scripts: allowed for the scan only (the page's own scripts were skipped and stay so)."""
    assert browser.find_elements(By.CSS_SELECTOR, ".fd-pill-editor[data-ready]") == []  # no script ran
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    try:
        return axe_violations(browser)
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})


def no_sideways_scroll(browser):
    return browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


def test_an_author_edits_the_pill_with_the_keyboard(browser, keyboard, wait_for, axe_violations, editor):
    from fd_core.platform import platform

    title = browser.find_element(By.ID, "fdpe-display_name")
    wait_for(lambda: title.get_attribute("value") == "Che cosa sono gli open data", message="editor filled in")
    assert len(browser.find_elements(By.CSS_SELECTOR, "[data-checkpoints] [data-row=checkpoint]")) == 3
    assert len(browser.find_elements(By.CSS_SELECTOR, "[data-row=captions]")) == 3  # two languages, one new
    intro = browser.find_element(By.ID, "fdpe-description")
    assert intro.get_attribute("value").startswith("Poco più di un minuto")  # plain text, no <p>
    first = browser.find_element(By.CSS_SELECTOR, "[data-checkpoints] [data-row=checkpoint]")
    assert not first.find_element(By.CSS_SELECTOR, "[data-for-kind=truefalse]").get_attribute("hidden")
    assert first.find_element(By.CSS_SELECTOR, "[data-for-kind=choice]").get_attribute("hidden")  # true or false
    assert axe_violations(browser) == []

    type_into(browser, keyboard, title, "Open data: che cosa sono")
    type_into(browser, keyboard, intro, "Un minuto sugli open data.\n\nIl portale: https://opendata.comune.fi.it")
    keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, "[data-add-checkpoint]"), FAR)
    keyboard.enter()
    new = browser.find_elements(By.CSS_SELECTOR, "[data-checkpoints] [data-row=checkpoint]")[-1]
    assert browser.switch_to.active_element == new.find_element(By.TAG_NAME, "textarea")  # focus on its question
    assert new.find_element(By.TAG_NAME, "legend").text == "Domanda 4"
    browser.switch_to.active_element.send_keys("Il portale è gratuito?")
    type_into(browser, keyboard, new.find_element(By.NAME, "cp3_time"), "1:10")
    options = new.find_elements(By.CSS_SELECTOR, "[data-option] input:not([type])")
    type_into(browser, keyboard, options[0], "Sì")
    keyboard.tab_to(new.find_elements(By.CSS_SELECTOR, "[data-correct]")[0], FAR)
    keyboard.space()
    type_into(browser, keyboard, options[1], "No, si paga")
    keyboard.tab_to(new.find_elements(By.CSS_SELECTOR, "[data-option] [data-remove]")[2], FAR)
    keyboard.enter()  # the third option, left empty, removed
    assert len(new.find_elements(By.CSS_SELECTOR, "[data-option]")) == 2
    type_into(browser, keyboard, new.find_element(By.NAME, "cp3_review_from"), "0:26")
    competence = browser.find_element(By.CSS_SELECTOR, "[name=digcomp][value='2.6']")
    keyboard.tab_to(competence, FAR)
    keyboard.space()
    assert axe_violations(browser) == []
    keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, ".fd-pill-editor__save"), FAR)
    keyboard.enter()
    wait_for(lambda: browser.find_element(By.CSS_SELECTOR, ".fd-pill-editor__status").text == "Salvato.",
             message="saved")

    block = platform().get_block(editor)
    assert block.display_name == "Open data: che cosa sono"
    assert block.description == ('<p>Un minuto sugli open data.</p><p>Il portale: <a href="https://opendata.comune.fi.it"'
                                 ' rel="noopener noreferrer">https://opendata.comune.fi.it</a></p>')
    assert block.checkpoints[-1]["options"] == [{"text": "Sì", "correct": True},
                                                {"text": "No, si paga", "correct": False}]
    assert block.checkpoints[-1]["question"] == "<p>Il portale è gratuito?</p>"
    assert (block.checkpoints[-1]["time"], block.checkpoints[-1]["review_from"]) == (70.0, 26.0)
    assert block.digcomp_competences == ["1.1", "1.3", "2.6", "3.3"]
    assert len(block.captions) == 2


def test_the_editor_fits_a_320_px_phone(browser, wait_for, axe_violations, editor):
    from tests.helpers.browser import WINDOW_SIZE

    browser.set_window_size(320, 800)
    try:
        browser.refresh()
        wait_for(lambda: browser.find_element(By.ID, "fdpe-display_name").get_attribute("value"), message="filled in")
        browser.find_element(By.CSS_SELECTOR, "[data-add-checkpoint]").click()
        assert no_sideways_scroll(browser)
        assert axe_violations(browser) == []
    finally:
        browser.set_window_size(*WINDOW_SIZE)


def test_a_refusal_is_announced_and_points_at_the_field(browser, keyboard, wait_for, axe_violations, editor):
    from fd_core.platform import platform

    duration = browser.find_element(By.ID, "fdpe-duration")
    wait_for(lambda: duration.get_attribute("value") == str(DURATION), message="editor filled in")
    type_into(browser, keyboard, duration, "0")
    keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, ".fd-pill-editor__save"), FAR)
    keyboard.enter()
    alert = browser.find_element(By.CSS_SELECTOR, ".fd-pill-editor__error")
    wait_for(lambda: alert.is_displayed(), message="the error shown")
    assert alert.get_attribute("role") == "alert" and "maggiore di zero" in alert.text
    assert browser.switch_to.active_element == alert
    assert duration.get_attribute("aria-invalid") == "true"
    assert axe_violations(browser) == []
    assert platform().get_block(editor).duration == DURATION


def test_without_javascript_an_author_edits_the_pill_with_plain_fields(
        no_javascript, live_server, login, axe_violations, transactional_db, tmp_path, django_user_model):
    from fd_core.platform import platform
    from sandbox.courses import import_course
    from sandbox.models import CourseAccessRole

    browser = no_javascript
    course = import_course(write_course(tmp_path / "course", PILL_OLX.read_text(encoding="utf-8")))
    author = django_user_model.objects.create_user("redattore", "redattore@example.org", "pw")
    CourseAccessRole.objects.create(user=author, course_key=course.course_key, role="staff")
    login(browser, live_server, author)
    pill = course.course_key.make_usage_key("fd_video_pill", "pill")
    page = live_server.url + reverse("sandbox:studio", args=[str(course.course_key), str(pill)])
    browser.get(page)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Studio: Che cosa sono gli open data"
    assert browser.find_element(By.ID, "fdpe-display_name").get_attribute("value") == "Che cosa sono gli open data"
    assert browser.find_element(By.ID, "fdpe-cp1-option0").get_attribute("value") == "CSV"
    assert browser.find_element(By.ID, "fdpe-captions-0-lang").get_attribute("value") == "en"
    assert axe_without_javascript(browser, axe_violations) == []

    # "Add a checkpoint" posts the form: the page comes back with an empty checkpoint, nothing saved.
    browser.find_element(By.ID, "fdpe-display_name").send_keys(" (nuovo)")
    browser.find_element(By.CSS_SELECTOR, "[data-add-checkpoint]").click()
    assert browser.switch_to.active_element.get_attribute("id") == "fdpe-cp3-question"  # autofocus
    assert browser.find_element(By.ID, "fdpe-display_name").get_attribute("value").endswith(" (nuovo)")
    assert len(platform().get_block(pill).checkpoints) == 3
    browser.switch_to.active_element.send_keys("Il portale è gratuito?")
    browser.find_element(By.ID, "fdpe-cp3-time").send_keys("9:99:99:99")  # a mistake
    browser.find_element(By.ID, "fdpe-cp3-option0").send_keys("Sì")
    browser.find_element(By.CSS_SELECTOR, "[name=cp3_correct][value='0']").click()
    browser.find_element(By.ID, "fdpe-cp3-option1").send_keys("No, si paga")
    browser.find_element(By.ID, "fdpe-cp3-option1").send_keys(Keys.ENTER)  # Enter saves, it adds nothing
    alert = browser.find_element(By.CSS_SELECTOR, ".fd-pill-editor__error")
    assert alert.is_displayed() and "non è un tempo" in alert.text
    assert browser.find_element(By.ID, "fdpe-cp3-question").get_attribute("value") == "Il portale è gratuito?"
    assert browser.find_element(By.ID, "fdpe-cp3-option1").get_attribute("value") == "No, si paga"
    assert platform().get_block(pill).display_name == "Che cosa sono gli open data"
    assert axe_without_javascript(browser, axe_violations) == []

    time = browser.find_element(By.ID, "fdpe-cp3-time")
    time.clear()
    time.send_keys("1:10")
    browser.find_element(By.ID, "fdpe-cp3-review_from").send_keys("0:26")
    browser.find_element(By.CSS_SELECTOR, ".fd-pill-editor__save").click()
    assert browser.find_element(By.CSS_SELECTOR, ".fd-pill-editor__status").text == "Salvato."
    assert browser.current_url.startswith(page)  # back on the editor's page
    block = platform().get_block(pill)
    assert block.display_name == "Che cosa sono gli open data (nuovo)"
    assert len(block.checkpoints) == 4
    assert block.checkpoints[-1]["options"] == [{"text": "Sì", "correct": True},
                                                {"text": "No, si paga", "correct": False}]
    assert (block.checkpoints[-1]["time"], block.checkpoints[-1]["review_from"]) == (70.0, 26.0)
    assert len(block.captions) == 2 and block.digcomp_competences == ["1.1", "1.3", "3.3"]
    assert browser.find_element(By.TAG_NAME, "h1").text == "Studio: Che cosa sono gli open data (nuovo)"

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


def test_an_author_edits_the_pill_with_the_keyboard(browser, keyboard, wait_for, axe_violations, editor):
    from fd_core.platform import platform

    title = browser.find_element(By.ID, "fdpe-display_name")
    wait_for(lambda: title.get_attribute("value") == "Che cosa sono gli open data", message="editor filled in")
    assert len(browser.find_elements(By.CSS_SELECTOR, "[data-row=checkpoint]")) == 3
    assert len(browser.find_elements(By.CSS_SELECTOR, "[data-row=captions]")) == 2
    assert axe_violations(browser) == []

    type_into(browser, keyboard, title, "Open data: che cosa sono")
    keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, "[data-add=checkpoint]"), FAR)
    keyboard.enter()
    new = browser.find_elements(By.CSS_SELECTOR, "[data-row=checkpoint]")[-1]
    type_into(browser, keyboard, new.find_element(By.NAME, "time"), "1:10")
    type_into(browser, keyboard, new.find_element(By.NAME, "question"), "Il portale è gratuito?")
    options = new.find_element(By.NAME, "options")
    type_into(browser, keyboard, options, "*Sì")
    options.send_keys(Keys.ENTER, "No, si paga")
    type_into(browser, keyboard, new.find_element(By.NAME, "review_from"), "0:26")
    competence = browser.find_element(By.CSS_SELECTOR, "[name=digcomp][value='2.6']")
    keyboard.tab_to(competence, FAR)
    keyboard.space()
    keyboard.tab_to(browser.find_element(By.CSS_SELECTOR, ".fd-pill-editor__save"), FAR)
    keyboard.enter()
    wait_for(lambda: browser.find_element(By.CSS_SELECTOR, ".fd-pill-editor__status").text == "Salvato.",
             message="saved")

    block = platform().get_block(editor)
    assert block.display_name == "Open data: che cosa sono"
    assert block.checkpoints[-1]["options"] == [{"text": "Sì", "correct": True},
                                                {"text": "No, si paga", "correct": False}]
    assert (block.checkpoints[-1]["time"], block.checkpoints[-1]["review_from"]) == (70.0, 26.0)
    assert block.digcomp_competences == ["1.1", "1.3", "2.6", "3.3"]
    assert len(block.captions) == 2 and block.captions == platform().get_block(editor).captions


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


NEW_CHECKPOINT = """

Tempo: 1:10
Tipo: singola
Domanda: Il portale è gratuito?
* Sì
- No, si paga
Giusto: Sì, i dati si scaricano gratis.
Sbagliato: Invece è gratuito.
Rivedi da: 0:26"""


def test_without_javascript_an_author_edits_the_pill_with_plain_fields(no_javascript, live_server, login,
                                                                      transactional_db, tmp_path, django_user_model):
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
    checkpoints = browser.find_element(By.ID, "fdpe-checkpoints")
    assert checkpoints.get_attribute("value").count("Tempo: ") == 3  # the three checkpoints, as text
    help_text = browser.find_element(By.ID, "fdpe-checkpoints-help").text
    assert "Tempo: 0:26" in help_text and "* per un'opzione giusta" in help_text
    assert browser.find_element(By.ID, "fdpe-captions-0-lang").get_attribute("value") == "en"

    # A mistake: the message says which line, the page keeps everything typed, nothing is saved.
    checkpoints.send_keys(Keys.CONTROL, Keys.END)
    checkpoints.send_keys("\n\nTempo 1:10")
    browser.find_element(By.ID, "fdpe-display_name").send_keys(" (nuovo)")
    browser.find_element(By.CSS_SELECTOR, ".fd-pill-editor__save").click()
    alert = browser.find_element(By.CSS_SELECTOR, ".fd-pill-editor__error")
    assert alert.is_displayed() and "riga" in alert.text and "Tempo" in alert.text
    assert browser.find_element(By.ID, "fdpe-display_name").get_attribute("value").endswith(" (nuovo)")
    checkpoints = browser.find_element(By.ID, "fdpe-checkpoints")
    assert checkpoints.get_attribute("value").endswith("Tempo 1:10")
    assert platform().get_block(pill).display_name == "Che cosa sono gli open data"

    typed = checkpoints.get_attribute("value")
    checkpoints.clear()
    checkpoints.send_keys(typed[: -len("\n\nTempo 1:10")] + NEW_CHECKPOINT)
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

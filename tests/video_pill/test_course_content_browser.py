"""Every pill of every course in course_content/, opened by an enrolled learner in headless Chromium:
the video's media load with the pill's length, Italian captions are on, axe-core finds nothing serious."""
import pytest
from django.urls import reverse
from lxml import etree
from selenium.webdriver.common.by import By

from .test_course_content import COURSES, pill_files

pytestmark = pytest.mark.browser


def pill_units(course_dir):
    """url_names of the units (verticals) that show a pill, with the pill's url_name."""
    pills = {path.stem for path in pill_files(course_dir)}
    for path in sorted((course_dir / "vertical").glob("*.xml")):
        for child in etree.parse(str(path)).getroot():
            if child.tag == "fd_video_pill" and child.get("url_name") in pills:
                yield path.stem, child.get("url_name")


@pytest.mark.parametrize("course_dir", COURSES, ids=lambda path: path.name)
def test_a_learner_opens_every_pill_and_its_video_loads(course_dir, transactional_db, browser, live_server, login,
                                                         wait_for, axe_violations):
    from fd_core.platform import platform
    from sandbox.courses import import_course
    from sandbox.enrollment import enroll

    course = import_course(course_dir)
    enroll(login(browser, live_server, "carla"), course)
    units = list(pill_units(course_dir))
    assert units
    for unit, pill in units:
        duration = platform().get_block(course.course_key.make_usage_key("fd_video_pill", pill)).duration
        unit_key = course.course_key.make_usage_key("vertical", unit)
        browser.get(live_server.url + reverse("sandbox:unit", args=[str(course.course_key), str(unit_key)]))
        video = browser.find_element(By.CSS_SELECTOR, "video")
        loaded = wait_for(lambda video=video: video.get_property("readyState") >= 1 and video.get_property("duration"),
                          timeout=20, message=f"{pill}: video metadata")
        assert abs(loaded - duration) < 0.5, pill
        assert video.get_property("currentSrc").endswith((f"/{pill}.mp4", f"/{pill}.webm"))
        tracks = {(track.get_attribute("kind"), track.get_attribute("srclang"))
                  for track in video.find_elements(By.TAG_NAME, "track")}
        assert {("captions", "it"), ("captions", "en"), ("descriptions", "it")} <= tracks, pill
        assert axe_violations(browser) == [], pill

"""``make screenshots``: the README's pictures, taken from the demo site in headless Chromium.

Builds the demo data in a throwaway SQLite database under var/, serves the sandbox on
127.0.0.1:8014 (``runserver`` in a subprocess, stopped at the end), signs in as the demo users and
saves a small PNG of each capability into docs/screenshots/ (cropped to the block or the page's
main region, reduced to a palette with Pillow).
"""
import io
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parent.parent
ADDRESS = os.environ.get("FD_SCREENSHOTS_ADDRESS", "127.0.0.1:8014")
DATABASE = REPO / "var" / "screenshots.sqlite3"
OUT = REPO / "docs" / "screenshots"
MAX_HEIGHT = 1100  # px kept from the top of a tall page
OPEN_DATA = "course-v1:FirenzeDigitale+OD101+2026"
SAFETY = "course-v1:FirenzeDigitale+SIC101+2026"
DATA_PRO = "course-v1:FirenzeDigitale+OD201+2026"
SMART_CITY = "course-v1:FirenzeDigitale+SMART101+2026"


def environment():
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="sandbox.settings.demo", FD_DEMO_DATABASE=str(DATABASE),
               SITE_ROOT_URL=f"http://{ADDRESS}")
    return env


def build_demo():
    """A fresh database with the demo courses, users and app data; the learner has results and a badge."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.urls import reverse

    from fd_badges.api import award_badge
    from tests.assessment.conftest import take

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # no award e-mail on the terminal
    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    call_command("migrate", "--noinput", **quiet)
    call_command("load_demo", "--no-app-data", **quiet)
    call_command("fd_badges_demo", "--domain", ADDRESS, **quiet)
    call_command("fd_assessment_demo", "--people", "12", **quiet)
    call_command("fd_progress_demo", "--scale", "0.02", **quiet)
    learner = get_user_model().objects.get(username="learner")
    attempt = take(learner)
    award_uuid, _ = award_badge(learner, "open-data-od101")
    return {"results": reverse("fd_assessment:results", args=[attempt.pk]),
            "award": reverse("fd_badges:award_page", args=[award_uuid])}


def unit_url(course_id, unit):
    from django.urls import reverse
    from opaque_keys.edx.keys import CourseKey

    key = CourseKey.from_string(course_id)
    return reverse("sandbox:unit", args=[course_id, str(key.make_usage_key("vertical", unit))])


def serve():
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "runserver", "--noreload", ADDRESS], cwd=REPO, env=environment(),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://{ADDRESS}/login/", timeout=5)  # noqa: S310
            return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"runserver on {ADDRESS} stopped (is the port taken?)") from None
            time.sleep(0.5)
    server.terminate()
    raise SystemExit(f"runserver on {ADDRESS} did not answer in 60 s")


def save(png, name, max_height=MAX_HEIGHT):
    """Crop to ``max_height``, reduce to a 128-colour palette and write docs/screenshots/<name>.png."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    if image.height > max_height:
        image = image.crop((0, 0, image.width, max_height))
    image = image.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    path = OUT / f"{name}.png"
    image.save(path, optimize=True)
    print(f"  {path.relative_to(REPO)}  {image.width}x{image.height}  {path.stat().st_size // 1024} KB")


class Shooter:
    def __init__(self, chromium, base):
        self.chromium = chromium
        self.driver = chromium.driver
        self.server = SimpleNamespace(url=base)

    def as_user(self, username, width=1100, height=1400):
        from tests.helpers.browser import login

        self.chromium.reset()
        self.driver.set_window_size(width, height)
        login(self.driver, self.server, username)

    def open(self, path, ready):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait

        self.driver.get(self.server.url + path)
        return WebDriverWait(self.driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ready) or None)[0]

    def shoot(self, element, name, max_height=MAX_HEIGHT):
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", element)
        time.sleep(0.3)  # let smooth scrolling and web fonts settle before the picture
        save(element.screenshot_as_png, name, max_height)


def take_all(shooter, demo):
    from django.urls import reverse
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.helpers.pills import pill_timeline

    driver = shooter.driver
    shooter.as_user("learner")
    pill = shooter.open(unit_url(OPEN_DATA, "what-is-open-data"), ".fd-pill[data-ready]")
    shooter.shoot(pill, "video-pill", max_height=760)

    shooter.as_user("learner", width=360, height=1400)
    pill = shooter.open(unit_url(OPEN_DATA, "what-is-open-data"), ".fd-pill[data-ready]")
    before_question = pill_timeline().checkpoints["commercial-use"]["time"] - 1
    driver.execute_script("const v = document.querySelector('.fd-pill__video'); v.muted = true;"
                          "v.currentTime = arguments[0]; v.play();", before_question)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(
        "const p = document.querySelector('.fd-pill__checkpoint'); return p && p.offsetHeight > 0;"))
    driver.execute_script("document.querySelector('.fd-pill__video').pause();")
    shooter.shoot(pill, "checkpoint-phone", max_height=860)

    shooter.as_user("learner")
    shooter.shoot(shooter.open(demo["results"], "main"), "digcomp-results")
    shooter.shoot(shooter.open(demo["award"], "main"), "badge-award")

    shooter.as_user("staff")
    shooter.shoot(shooter.open(reverse("fd_progress:dashboard"), "main"), "staff-dashboard")

    shooter.as_user("learner")
    tour = shooter.open(unit_url(SMART_CITY, "smart-city-tour-unit"), ".fd-tour.is-guided")
    shooter.shoot(tour, "city-tour")

    shooter.as_user("learner", width=360, height=1400)
    scam = shooter.open(unit_url(SAFETY, "unit-sms-inps"), "button.fd-mi-toggle")
    shooter.shoot(driver.execute_script("return arguments[0].closest('[data-block-type]') || "
                                        "document.querySelector('main');", scam), "message-scam-phone")

    shooter.as_user("learner")
    table = shooter.open(unit_url(DATA_PRO, "esercizio-metadati"), ".fd-dx-table")
    shooter.shoot(driver.execute_script("return arguments[0].closest('.fd-dx-scroll') || arguments[0];", table),
                  "data-exercise", max_height=640)


def main():
    os.chdir(REPO)
    sys.path.insert(0, str(REPO))
    os.environ.update(environment())
    (REPO / "var").mkdir(exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)
    DATABASE.unlink(missing_ok=True)
    import django

    django.setup()
    print(f"Building the demo in {DATABASE.relative_to(REPO)} ...")
    demo = build_demo()
    server = serve()
    from tests.helpers.browser import Chromium

    chromium = Chromium(language="it")
    try:
        print(f"Taking screenshots from http://{ADDRESS}/ ...")
        take_all(Shooter(chromium, f"http://{ADDRESS}"), demo)
    finally:
        chromium.quit()
        server.terminate()
        server.wait(timeout=30)
        DATABASE.unlink(missing_ok=True)


if __name__ == "__main__":
    main()

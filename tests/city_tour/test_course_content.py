"""The "Firenze smart city" course: layout, pictures, facts, and plain Italian for pupils (Gulpease >= 70)."""
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from lxml import etree
from PIL import Image

from fd_xblocks.city_tour.olx import values_from_node
from tests.city_tour.conftest import COURSE_DIR, TOUR_OLX

pytestmark = pytest.mark.unit


class ItalianText(HTMLParser):
    """The text of author HTML without its English paragraphs (``lang="en"``)."""

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if self.skip or dict(attrs).get("lang") == "en":
            self.skip += 1

    def handle_endtag(self, tag):
        if self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def italian(html):
    parser = ItalianText()
    parser.feed(html or "")
    return " ".join(parser.parts)


def gulpease(text):
    """Gulpease index: 89 + (300 * sentences - 10 * letters) / words (Lucisano and Piemontese, 1988)."""
    words = re.findall(r"[A-Za-zÀ-ÿ0-9']+", text)
    letters = sum(len(re.sub(r"[^A-Za-zÀ-ÿ0-9]", "", word)) for word in words)
    sentences = max(1, len(re.findall(r"[.!?]+(?:\s|$)", text.strip())))
    return 89 + (300 * sentences - 10 * letters) / len(words)


def scenes():
    return values_from_node(etree.fromstring(TOUR_OLX.read_bytes()))["scenes"]


def scene_text(scene):
    parts = [scene["title"] + ".", italian(scene["description"]), scene["narration"]]
    for hotspot in scene["hotspots"]:
        parts.append(italian(hotspot["text"]))
        if hotspot["question"]:
            parts += [italian(hotspot["question"]["prompt"]), italian(hotspot["question"]["feedback"])]
    return " ".join(part for part in parts if part.strip())


def test_gulpease_knows_easy_from_hard():
    assert gulpease("Il gatto dorme. Il sole è caldo.") > 80
    assert gulpease("L'amministrazione comunale predispone infrastrutture telematiche interoperabili "
                    "finalizzate all'ottimizzazione dell'erogazione dei servizi.") < 40


@pytest.mark.parametrize("scene", scenes(), ids=lambda scene: scene["id"])
def test_every_stop_is_plain_italian_for_pupils(scene):
    assert gulpease(scene_text(scene)) >= 70


def test_the_whole_tour_is_plain_italian():
    assert gulpease(" ".join(scene_text(scene) for scene in scenes())) >= 70


def test_the_tour_has_the_stops_the_programme_shows():
    all_scenes = scenes()
    assert len(all_scenes) >= 8
    text = " ".join(scene_text(scene) for scene in all_scenes).lower()
    for fact in ("300 km", "wi-fi", "fontanello", "sensore", "tram", "bici", "app del bus", "rifiuti",
                 "colonnin", "2.000", "gemello digitale", "centrale", "anagrafe"):
        assert fact in text, fact
    assert sum(1 for s in all_scenes for h in s["hotspots"] if h["kind"] == "question") >= len(all_scenes)
    assert all(any(h["kind"] == "question" for h in s["hotspots"]) for s in all_scenes)
    assert all(re.search(r'lang="en"', s["description"]) for s in all_scenes)  # with English


def test_pictures_two_real_panoramas_and_small_files():
    all_scenes = scenes()
    panoramas = {s["image_url"] for s in all_scenes if s["kind"] == "360"}
    assert len(panoramas) >= 2
    total = 0
    for scene in all_scenes:
        path = COURSE_DIR / "static" / scene["image_url"].removeprefix("/static/")
        with Image.open(path) as image:
            if scene["kind"] == "360":
                assert image.size[0] == 2 * image.size[1]
    for path in (COURSE_DIR / "static").iterdir():
        total += path.stat().st_size
    assert total < 3_000_000


def test_the_drawing_script_makes_the_committed_pictures(tmp_path):
    script = COURSE_DIR / "scripts" / "scenes.py"
    code = (f"import runpy, pathlib; ns = runpy.run_path({str(script)!r}, run_name='x'); "
            f"ns['main'].__globals__['STATIC'] = pathlib.Path({str(tmp_path)!r}); ns['main']()")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    made = sorted(path.name for path in tmp_path.iterdir())
    assert made == sorted(path.name for path in (COURSE_DIR / "static").iterdir())
    for name in made:
        assert (tmp_path / name).read_bytes() == (COURSE_DIR / "static" / name).read_bytes(), name


def test_studio_export_layout():
    policy = json.loads((COURSE_DIR / "policies" / "2026" / "policy.json").read_text(encoding="utf-8"))
    assert "fd_city_tour" in policy["course/2026"]["advanced_modules"]
    assets = json.loads((COURSE_DIR / "policies" / "assets.json").read_text(encoding="utf-8"))
    assert set(assets) == {path.name for path in (COURSE_DIR / "static").iterdir()}
    names = [path.stem for folder in ("chapter", "sequential", "vertical", "fd_city_tour")
             for path in (COURSE_DIR / folder).glob("*.xml")]
    assert len(names) == len(set(names))

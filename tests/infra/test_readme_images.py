"""The README's pictures: every image it shows is in the repository, named, small and described."""
import re
import struct
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
IMAGE = re.compile(r'<img\s[^>]*?src="(?P<src>[^"]+)"[^>]*>|!\[(?P<md_alt>[^\]]*)\]\((?P<md_src>[^)\s]+)')
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_BYTES = 150 * 1024


def images():
    found = []
    for match in IMAGE.finditer(README.read_text(encoding="utf-8")):
        if match["src"]:
            alt = re.search(r'\salt="([^"]*)"', match[0])
            found.append((match["src"], alt[1] if alt else ""))
        else:
            found.append((match["md_src"], match["md_alt"]))
    return [(src, alt) for src, alt in found if not src.startswith(("http://", "https://"))]


def test_the_readme_shows_the_screenshots_of_every_capability():
    shown = {src for src, _alt in images()}
    for name in ("video-pill", "checkpoint-phone", "digcomp-results", "badge-award", "staff-dashboard",
                 "city-tour", "message-scam-phone", "data-exercise"):
        assert f"docs/screenshots/{name}.png" in shown


@pytest.mark.parametrize(("src", "alt"), images())
def test_each_readme_image_exists_is_a_small_png_and_has_alt_text(src, alt):
    path = REPO / src
    assert path.is_file(), f"README shows {src}, which is not in the repository"
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE, f"{src} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    assert width > 0 and height > 0
    assert len(data) <= MAX_BYTES, f"{src} is {len(data) // 1024} KB (at most {MAX_BYTES // 1024} KB)"
    assert len(alt.split()) >= 5, f"{src} needs alt text that says what it shows"


def test_every_screenshot_in_the_folder_is_shown_in_the_readme():
    shown = {src for src, _alt in images()}
    for path in sorted((REPO / "docs" / "screenshots").glob("*.png")):
        assert path.relative_to(REPO).as_posix() in shown, f"{path.name} is not shown in the README"

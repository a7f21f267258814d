"""Badge files that cannot be read get a message in the page's language, in plain words (no Python
internals); the evidence that a rule was met is written in Italian or English, and shown on the award page."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from fd_badges import awarding
from fd_badges.models import Award, LearnerFact

from .conftest import COURSE

VERIFY = reverse("fd_badges:verify")
INTERNALS = ("cannot identify", "Traceback", "column", "codec", "PIL", "ParseError", "Errno", "line 1", "char ")


def plain_png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, format="PNG")
    return buffer.getvalue()


FILES = {
    "broken_png": ("badge.png", b"\x89PNG\r\n\x1a\n not really an image"),
    "png_without_badge": ("badge.png", plain_png()),
    "broken_svg": ("badge.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><title>unclosed"),
    "svg_without_badge": ("badge.svg", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>"),
    "svg_with_doctype": ("badge.svg", b"<!DOCTYPE svg [<!ENTITY x 'y'>]><svg xmlns='http://www.w3.org/2000/svg'/>"),
}
EXPECTED = {
    "it": {"broken_png": "non è un'immagine PNG che si possa aprire", "png_without_badge": "non contiene un badge",
           "broken_svg": "non è un'immagine SVG che si possa aprire", "svg_without_badge": "non contiene un badge",
           "svg_with_doctype": "per sicurezza"},
    "en": {"broken_png": "not a PNG image that can be opened", "png_without_badge": "has no badge inside",
           "broken_svg": "not an SVG image that can be opened", "svg_without_badge": "has no badge inside",
           "svg_with_doctype": "for safety"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["it", "en"])
@pytest.mark.parametrize("case", sorted(FILES))
def test_an_unreadable_badge_image_gets_a_plain_message_in_the_page_language(client, language, case):
    client.cookies["django_language"] = language
    name, body = FILES[case]
    answer = client.post(VERIFY, {"file": SimpleUploadedFile(name, body)})
    page = answer.content.decode()
    assert answer.status_code == 400
    assert EXPECTED[language][case] in page.replace("&#x27;", "'")
    assert not [word for word in INTERNALS if word in page]


@pytest.mark.parametrize(("language", "narrative"), [
    ("it", f"Corso “{COURSE}” superato."), ("en", f"Passed the course “{COURSE}”.")])
def test_the_evidence_is_written_in_the_language_and_shown_on_the_award_page(client, badge_class, learner,
                                                                             language, narrative):
    LearnerFact.objects.create(user=learner, kind=LearnerFact.COURSE_PASSED, key=str(COURSE), value=1)
    with translation.override(language):
        awarding.evaluate_user(learner.pk)
    award = Award.objects.get(user=learner, badge_class=badge_class)
    assert [item["narrative"] for item in award.evidence] == [narrative]
    client.cookies["django_language"] = language
    page = client.get(reverse("fd_badges:award_page", args=[award.uuid])).content.decode()
    assert narrative in page

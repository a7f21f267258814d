"""Hypothesis over every handler of every XBlock of ours, and over the upload parsers.

Handlers are found through the ``xblock.v1`` entry points (a new block's handlers are fuzzed with
no edit here). Each gets JSON of any shape, objects whose keys are the names our handlers read,
and raw bytes; learner handlers are called by a learner, author handlers by the course staff (so
the validation behind the permission check runs too). The public verifier gets files: PNG and SVG
with random content, and text. The bar: never a server error. ``EXAMPLES`` bounds each test.
"""
import json

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.helpers.csrf import CsrfClient

from .world import build_world, handler_names, our_block_types

pytestmark = pytest.mark.django_db

EXAMPLES = 30
AUTHOR_HANDLERS = {"studio_submit", "submit_studio_edits"}
# Names our handlers read; fuzzed objects use them so that values reach the validation code.
KEYS = ["intervals", "position", "speed", "caption_language", "checkpoint", "answer", "event_type", "event",
        "item_id", "value", "version", "values", "defaults", "display_name", "description", "sources",
        "hls_url", "youtube_id", "poster", "duration", "captions", "descriptions", "chapters", "checkpoints",
        "completion_threshold", "weight", "show_transcript", "digcomp_competences", "form", "areas", "cohort",
        "grade_mode", "lang", "text", "time", "kind", "options", "code", "currentTime"]
SCALARS = (st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False)
           | st.text(max_size=30) | st.sampled_from(["it", "en", "1.1", "short", "score", "WEBVTT\n\n", "-1"]))
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=5),
                    max_leaves=15)
OBJECTS = st.dictionaries(st.sampled_from(KEYS), JSON, max_size=8)
CAPTIONS = st.fixed_dictionaries({
    "display_name": st.text(min_size=1, max_size=40), "duration": st.floats(0, 5000) | SCALARS,
    "captions": st.lists(st.fixed_dictionaries({"lang": st.sampled_from(["it", "en", "x y", ""]) | SCALARS,
                                                "text": st.text(max_size=200).map(lambda t: "WEBVTT\n\n" + t)
                                                | st.text(max_size=200)}), max_size=3),
    "chapters": st.text(max_size=200) | JSON, "checkpoints": JSON, "sources": JSON,
})
BODIES = st.one_of(OBJECTS.map(json.dumps), JSON.map(json.dumps), CAPTIONS.map(json.dumps), st.binary(max_size=200))


def every_handler():
    return [pytest.param(block_type, name, id=f"{block_type}.{name}")
            for block_type, block_class in sorted(our_block_types().items()) for name in handler_names(block_class)]


@pytest.fixture
def world(tmp_path):
    return build_world(tmp_path)


FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                phases=[Phase.explicit, Phase.generate])


@pytest.mark.parametrize("block_type,name", every_handler())
def test_no_body_makes_a_handler_fail(world, block_type, name):
    client = CsrfClient(raise_request_exception=False)
    client.force_login(world.users["course_staff" if name in AUTHOR_HANDLERS else "learner"])
    url = reverse("sandbox:xblock_handler", kwargs={"usage_id": str(world.block_key(block_type)),
                                                    "handler": name, "suffix": ""})

    @FUZZ
    @given(body=BODIES, suffix=st.sampled_from(["", "captions/it.vtt", "transcript/it.txt", "x/../../y"]))
    def run(body, suffix):
        target = url + suffix if suffix else url
        response = client.post(target, data=body, content_type="application/json")
        assert response.status_code < 500, (body[:200], suffix, response.content[:300])

    run()


PNG = st.binary(max_size=300).map(lambda data: b"\x89PNG\r\n\x1a\n" + data)
SVG = st.text(max_size=300).map(lambda text: f'<svg xmlns="http://www.w3.org/2000/svg">{text}</svg>'.encode())
TEXTS = st.one_of(JSON.map(json.dumps), st.text(max_size=300),
                  st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", max_size=40),
                           min_size=3, max_size=3).map(".".join))


def test_no_upload_makes_the_verifier_fail(db):
    client = CsrfClient(raise_request_exception=False)
    url = reverse("fd_badges:verify")

    @FUZZ
    @given(upload=st.one_of(PNG, SVG, TEXTS.map(str.encode)), as_json=st.booleans())
    def run(upload, as_json):
        from django.core.files.uploadedfile import SimpleUploadedFile

        headers = {"HTTP_ACCEPT": "application/json"} if as_json else {}
        response = client.post(url, {"file": SimpleUploadedFile("badge", upload)}, **headers)
        assert response.status_code < 500, (upload[:200], response.content[:300])

    run()


def test_no_pasted_text_makes_the_verifier_fail(db):
    client = CsrfClient(raise_request_exception=False)
    url = reverse("fd_badges:verify")

    @FUZZ
    @given(text=TEXTS)
    def run(text):
        response = client.post(url, data=text, content_type="application/json")
        assert response.status_code < 500, (text[:200], response.content[:300])
        response = client.post(url, {"credential": text})
        assert response.status_code < 500, (text[:200], response.content[:300])

    run()

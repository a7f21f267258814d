"""Property tests of the parsers: interval merging and caption files (hypothesis)."""
import json
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from webob import Request
from xblock.field_data import DictFieldData
from xblock.fields import ScopeIds
from xblock.test.tools import TestRuntime

from fd_xblocks.video_pill import captions, intervals
from fd_xblocks.video_pill.errors import PillInputError

pytestmark = pytest.mark.unit

seconds = st.floats(min_value=0, max_value=600, allow_nan=False, allow_infinity=False)
pairs = st.lists(st.tuples(seconds, seconds).map(sorted), max_size=40)


def covered_by(merged, point):
    return any(start <= point <= end for start, end in merged)


@given(pairs)
def test_merge_gives_sorted_disjoint_intervals_covering_the_same_seconds(raw):
    merged = intervals.merge(raw)
    assert all(start < end for start, end in merged)
    assert all(a[1] < b[0] for a, b in zip(merged, merged[1:], strict=False))
    for start, end in raw:
        if end > start:
            assert covered_by(merged, start) and covered_by(merged, end) and covered_by(merged, (start + end) / 2)
    assert intervals.covered_seconds(raw) <= intervals.claimed_seconds(raw) + 1e-6


@given(pairs, pairs)
def test_merge_is_order_free_and_idempotent(first, second):
    assert intervals.merge(first + second) == intervals.merge(second + first)
    assert intervals.merge(intervals.merge(first) + second) == intervals.merge(first + second)
    assert intervals.merge(intervals.merge(first)) == intervals.merge(first)


@given(pairs, st.floats(min_value=1, max_value=600))
def test_coverage_stays_between_zero_and_one(raw, duration):
    assert 0.0 <= intervals.coverage(raw, duration) <= 1.0


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
                    max_leaves=12))
def test_any_json_as_intervals_is_accepted_inside_the_video_or_refused_clearly(raw):
    try:
        parsed = intervals.parse_intervals(raw, 60.0)
    except PillInputError as error:
        assert error.field == "intervals" and error.message
        return
    assert all(0 <= start <= end <= 60.0 for start, end in parsed)


class RecordingRuntime(TestRuntime):
    """xblock's bare test runtime, keeping what the pill publishes (completion, tracking events)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.published = []

    def publish(self, block, event_type, event_data):
        self.published.append((event_type, event_data))


class Untranslated:
    gettext = staticmethod(lambda text: text)


class SignedIn:
    """The LMS's user service for a signed-in learner (the pill serves no anonymous caller)."""

    @staticmethod
    def get_current_user():
        from xblock.reference.user_service import XBlockUser

        user = XBlockUser(is_current_user=True)
        user.opt_attrs.update({"edx-platform.is_authenticated": True, "edx-platform.user_id": 1,
                               "edx-platform.user_role": "student"})
        return user


def fresh_pill(duration=600.0):
    """A pill with empty learner state, outside any database: its handlers run as in the LMS."""
    from fd_xblocks.video_pill.block import VideoPillBlock

    runtime = RecordingRuntime(services={"field-data": DictFieldData({}), "i18n": Untranslated(),
                                         "user": SignedIn()})
    block = runtime.construct_xblock_from_class(VideoPillBlock, ScopeIds("learner", "fd_video_pill", "d", "u"))
    block.duration = duration
    return block


def send(block, intervals_played):
    request = Request.blank("/", method="POST", body=json.dumps({"intervals": intervals_played}).encode(),
                            content_type="application/json")
    return block.progress(request)


def union_length(raw):
    """Seconds covered by the union of intervals, by an endpoint sweep (independent of ``merge``)."""
    points = sorted([(s, 1) for s, e in raw if e > s] + [(e, -1) for s, e in raw if e > s], key=lambda p: (p[0], -p[1]))
    total, depth, opened = 0.0, 0, 0.0
    for at, step in points:
        if depth == 0 and step == 1:
            opened = at
        depth += step
        if depth == 0:
            total += at - opened
    return total


# Mostly quick, small reports (where a per-report grace would leak), some long gaps and long claims.
wall_gaps = st.one_of(st.sampled_from([0.0, 0.05, 0.5]), st.floats(0, 120))
claims = st.one_of(st.lists(st.tuples(st.floats(0, 590), st.floats(0, 4)), min_size=1, max_size=2),
                   st.lists(st.tuples(st.floats(0, 590), st.floats(0, 60)), max_size=4))
reports = st.lists(st.tuples(wall_gaps, claims), min_size=1, max_size=30)
BURST = [(0.05, [(4.0 * n, 4.0)]) for n in range(13)]  # 52 s of video in 0.65 s


@settings(max_examples=200, deadline=None)
@given(reports)
@example(BURST)
def test_whatever_the_reports_coverage_grows_no_faster_than_the_top_speed(sequence):
    """Any sequence of reports, however small, many or quick: the accepted coverage is at most twice
    the wall time between the first and the last report plus one grace."""
    block = fresh_pill()
    clock = [1_800_000_000.0]
    accepted = []
    with mock.patch("fd_xblocks.video_pill.learner_handlers.now", lambda: clock[0]):
        first = None
        for gap, raw in sequence:
            clock[0] += gap
            first = clock[0] if first is None else first
            played = [[start, min(start + length, 600.0)] for start, length in raw]
            response = send(block, played)
            assert response.status_code in (200, 400)
            if response.status_code == 200:
                accepted += played
            else:
                assert json.loads(response.body)["field"] == "intervals"
            covered = union_length(accepted)
            assert covered <= (clock[0] - first) * intervals.MAX_SPEED + intervals.SLACK_SECONDS + 1e-6
            assert union_length(block.watched) == pytest.approx(covered, abs=1e-6)


# One step of an honest player: play for some wall seconds at a speed, or seek, or stay paused.
honest_steps = st.lists(st.one_of(
    st.tuples(st.just("play"), st.floats(0.1, 20), st.sampled_from(intervals.SPEEDS)),
    st.tuples(st.just("seek"), st.floats(0, 600), st.just(1.0)),
    st.tuples(st.just("pause"), st.floats(0, 100_000), st.just(1.0)),
), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(honest_steps, st.floats(0, 2))
# Two seconds late, then 2.06 s at double speed: the budget is used to the last digit, which the
# floats of a Unix time round off.
@example([("play", 2.06, 2.0)], 2.0)
def test_an_honest_player_is_never_refused(steps, first_report_delay):
    """Reports of what was really played, at any allowed speed, with pauses, seeks, rewatching and
    days away (the first report reaching the server up to 2 s late): every one is accepted."""
    block = fresh_pill()
    started = 1_800_000_000.0
    clock = [started + first_report_delay]
    with mock.patch("fd_xblocks.video_pill.learner_handlers.now", lambda: clock[0]):
        assert send(block, []).status_code == 200  # the player's empty report when playback starts
        clock[0] = started
        position = 0.0
        for kind, amount, speed in steps:
            if kind == "seek":
                position = amount
                continue
            clock[0] += amount
            if kind == "play":
                end = min(position + amount * speed, 600.0)
                response = send(block, [[position, end]])
                assert response.status_code == 200, response.body
                position = end


cue_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    lambda text: text.strip() and "-->" not in text)
cues = st.lists(st.tuples(st.integers(0, 3_000_000), st.integers(1, 600_000), cue_text), min_size=1, max_size=15)


@settings(max_examples=60)
@given(cues)
def test_our_webvtt_parses_back_to_the_same_cues(raw):
    original = [{"start": start / 1000, "end": (start + length) / 1000, "text": text.strip()}
                for start, length, text in raw]
    parsed = captions.parse_caption_text(captions.cues_to_vtt(original))
    assert [(cue["start"], cue["end"]) for cue in parsed] == [(cue["start"], cue["end"]) for cue in original]
    assert len(parsed) == len(original)


@settings(max_examples=200)
@given(st.text(max_size=300) | st.from_regex(r"(WEBVTT\n\n)?(\d\d:\d\d[:.,]\d{1,3} --> [0-9:.,x]{5,12}\n\w*\n\n){1,3}"))
def test_any_text_parses_or_is_refused_with_a_message(text):
    try:
        parsed = captions.parse_caption_text(text)
    except PillInputError as error:
        assert error.message and error.field == "captions"
        if "line" in error.params:
            assert "-->" in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")[error.params["line"] - 1]
        return
    assert parsed and all(cue["end"] >= cue["start"] >= 0 for cue in parsed)


def test_an_srt_file_becomes_webvtt():
    srt = "1\r\n00:00:01,500 --> 00:00:03,000\r\nPrima riga\r\n\r\n2\r\n00:00:04,000 --> 00:00:05,250\r\nSeconda\r\n"
    assert captions.normalise(srt) == ("WEBVTT\n\n00:00:01.500 --> 00:00:03.000\nPrima riga\n\n"
                                       "00:00:04.000 --> 00:00:05.250\nSeconda\n")


def test_the_error_names_the_broken_line():
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nUno\n\n00:00:02.000 -> 00:00:03.000\nDue\n\n"
            "00:61:00.000 --> x\nTre")
    with pytest.raises(PillInputError) as caught:
        captions.parse_caption_text(text)
    assert caught.value.params["line"] == 9


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10_000) | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["src", "label", "type", "lang", "text", "time", "kind", "question", "options", "correct",
                         "answer", "review_from", "start", "title", "id"]), inner, max_size=6),
    max_leaves=15)
EDITOR_FIELDS = ["display_name", "description", "sources", "hls_url", "youtube_id", "poster", "duration", "captions",
                 "descriptions", "chapters", "checkpoints", "completion_threshold", "weight", "show_transcript",
                 "digcomp_competences"]


@settings(max_examples=300)
@given(st.dictionaries(st.sampled_from(EDITOR_FIELDS), json_values, max_size=8))
def test_any_editor_input_is_saved_clean_or_refused_with_a_message(changes):
    from fd_xblocks.video_pill.studio import clean_editor_data

    data = {"display_name": "Pillola", "duration": 60, "completion_threshold": 0.9, "weight": 1,
            "sources": ["https://example.org/v.mp4"], **changes}
    try:
        values = clean_editor_data(data)
    except PillInputError as error:
        assert error.field in EDITOR_FIELDS + [None] and error.translate(str)
        return
    assert 0 < values["duration"] and all(cp["time"] <= values["duration"] for cp in values["checkpoints"])

"""The pill media tool: a script file makes OLX the block imports, the committed OLX is what the
committed scripts make, each pill's captions show what its audio says, broken scripts are refused
with the reason, and (with espeak-ng and ffmpeg) a short script becomes real media and an importable
pill, and every committed pill's timing and sound are what its script speaks today."""
import copy
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from fd_xblocks.video_pill.captions import parse_caption_text
from fd_xblocks.video_pill.tools.pill_olx import pill_olx
from fd_xblocks.video_pill.tools.pill_script import ScriptError, check_script, load_script, said, spoken_text

from .conftest import write_course

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((REPO / "course_content").glob("*/scripts/*.json"))
NEEDS_TOOLS = pytest.mark.skipif(not (shutil.which("espeak-ng") and shutil.which("ffmpeg")),
                                 reason="needs espeak-ng and ffmpeg")
CUE_TIMING = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d\d\d) --> (\d\d):(\d\d):(\d\d)\.(\d\d\d)$", re.M)
SHORT_SCRIPT = {
    "name": "prova-breve", "display_name": "Prova breve", "description": "<p>Una prova.</p>",
    "footer": "Firenze Digitale · Prova: l'app al 100%", "digcomp_competences": ["4.2"],
    "slides": [
        {"id": "uno", "slide": "Ciao", "narration": "Ciao a tutti.", "caption_en": "Hello everyone.",
         "description": "Schermata: Ciao", "description_en": "Screen: Hello", "chapter": "Inizio"},
        {"id": "due", "slide": "Il PIN\nè solo tuo", "narration": "Il PIN è solo tuo.",
         "caption_en": "The PIN is yours alone.", "description": "Schermata: il PIN è solo tuo",
         "description_en": "Screen: the PIN is yours alone"},
    ],
    "checkpoints": [{"id": "pin", "after": "due", "kind": "truefalse", "answer": True, "review_from": "due",
                     "question": "<p>Il PIN è solo tuo.</p>", "feedback_correct": "<p>Sì.</p>",
                     "feedback_incorrect": "<p>Invece sì.</p>"}],
}


def _seconds(hours, minutes, seconds, millis):
    return float(f"{int(hours) * 3600 + int(minutes) * 60 + int(seconds)}.{millis}")


def committed_timings(olx_text):
    """The (start, end) of each Italian caption cue, read back from the committed OLX."""
    italian = etree.fromstring(olx_text.encode("utf-8")).find("captions[@lang='it']").text
    return [(_seconds(*match[:4]), _seconds(*match[4:])) for match in CUE_TIMING.findall(italian)]


def import_pill(tmp_path, olx_text):
    from fd_core.platform import platform
    from sandbox.courses import import_course

    course = import_course(write_course(tmp_path / "course", olx_text))
    return platform().get_block(course.course_key.make_usage_key("fd_video_pill", "pill"))


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda path: path.stem)
def test_each_committed_pill_is_what_its_script_makes(path):
    script = load_script(path)
    committed = (path.parent.parent / "fd_video_pill" / f"{script['name']}.xml").read_text(encoding="utf-8")
    duration = float(re.search(r' duration="([0-9.]+)"', committed).group(1))
    assert pill_olx(script, committed_timings(committed), duration) == committed


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda path: path.stem)
def test_each_pill_says_what_its_captions_show(path):
    """Each Italian caption cue the course stores is the narration line of its slide, and the text the
    speech synthesiser reads for that slide says the same words (only spelled for it: "C I E", "uno due")."""
    script = json.loads(path.read_text(encoding="utf-8"))  # not load_script: it would refuse the script already
    olx = etree.parse(str(path.parent.parent / "fd_video_pill" / f"{script['name']}.xml")).getroot()
    cues = parse_caption_text(olx.find("captions[@lang='it']").text)
    assert [cue["text"] for cue in cues] == [slide["narration"] for slide in script["slides"]]
    assert [slide["id"] for slide in script["slides"] if said(spoken_text(slide)) != said(slide["narration"])] == []


@NEEDS_TOOLS
@pytest.mark.parametrize("path", SCRIPTS, ids=lambda path: path.stem)
def test_each_committed_pill_is_timed_and_sounds_as_its_script_speaks(path):
    """The committed OLX follows the real length of each slide's narration as espeak-ng says it today, and
    the mp4 and webm carry exactly that sound: media made from other words (an older wording) are noticed."""
    from fd_xblocks.video_pill.tools.make_pill_media import stale_parts

    assert stale_parts(load_script(path), path.parent.parent) == []


@pytest.mark.django_db
@pytest.mark.parametrize("path", SCRIPTS, ids=lambda path: path.stem)
def test_a_script_makes_olx_that_the_block_imports(path, tmp_path):
    script = load_script(path)
    timings = [(index * 6.0, index * 6.0 + 5.5) for index in range(len(script["slides"]))]
    block = import_pill(tmp_path, pill_olx(script, timings, len(timings) * 6.0))
    slide_index = {slide["id"]: index for index, slide in enumerate(script["slides"])}
    assert block.display_name == script["display_name"]
    assert block.digcomp_competences == script["digcomp_competences"]
    assert set(block.captions) == {"it", "en"} and set(block.descriptions) == {"it", "en"}
    assert script["slides"][-1]["caption_en"] in block.captions["en"]
    chapters = [slide["chapter"] for slide in script["slides"] if "chapter" in slide]
    assert [chapter["title"] for chapter in block.chapters] == chapters
    assert [(c["id"], c["time"]) for c in block.checkpoints] == [
        (c["id"], timings[slide_index[c["after"]]][1]) for c in script["checkpoints"]]
    assert [c["review_from"] for c in block.checkpoints] == [
        timings[slide_index[c["review_from"]]][0] for c in script["checkpoints"]]


@pytest.mark.django_db
def test_a_script_can_leave_out_the_webm_file(tmp_path):
    script = {**SHORT_SCRIPT, "webm": False, "footer": "L'app: 100% «sicura»"}
    block = import_pill(tmp_path, pill_olx(check_script(script), [(0, 1.5), (2, 3.5)], 4.0))
    assert block.sources == [{"src": "/static/prova-breve.mp4", "type": "video/mp4", "label": "270p"}]


def broken(change):
    script = copy.deepcopy(SHORT_SCRIPT)
    change(script)
    return script


@pytest.mark.parametrize("script, words", [
    (broken(lambda s: s.update(digcomp_competences=["6.1"])), "digcomp_competences/0"),
    (broken(lambda s: s["checkpoints"][0].update(after="tre")), "after names no slide"),
    (broken(lambda s: s["checkpoints"][0].update(after="uno")), "review_from must not come after"),
    (broken(lambda s: s["checkpoints"][0].pop("answer")), "need answer"),
    (broken(lambda s: s["checkpoints"][0].pop("answer") and s["checkpoints"][0].update(kind="single", options=[
        {"text": "a", "correct": True}, {"text": "b", "correct": True}])), "exactly one right option"),
    (broken(lambda s: s["slides"][1].update(id="uno")), "slide ids must be unique"),
    (broken(lambda s: s.update(webm="no")), "webm: 'no' is not of type 'boolean'"),
    (broken(lambda s: s["slides"][0].pop("caption_en")), "'caption_en' is a required property"),
    (broken(lambda s: s.update(name="../fuori")), "name"),
    (broken(lambda s: s["slides"][1].update(spoken="Il PIN è soltanto tuo.")), "slides/1/spoken: says other words"),
    (broken(lambda s: s["slides"][0].update(spoken="Ciao a tutti voi.")), "slides/0/spoken: says other words"),
])
def test_a_broken_script_is_refused_with_the_reason(script, words):
    with pytest.raises(ScriptError, match=re.escape(words)):
        check_script(script)


@pytest.mark.parametrize("spoken", ["Il P I N è solo tuo!", "il pin, è solo tuo", "Il PIN è solo tuo."])
def test_the_spoken_text_may_spell_the_narration_for_the_synthesiser(spoken):
    script = broken(lambda s: s["slides"][1].update(spoken=spoken))
    assert check_script(script)["slides"][1]["spoken"] == spoken


def test_digits_may_be_spoken_one_by_one_in_italian():
    assert said("Evita 123456 e api/3/action") == said("evita uno due tre quattro cinque sei e api tre action")
    assert said("Il livello 1") != said("Il livello uno due")


def test_a_script_file_that_is_not_json_names_the_file(tmp_path):
    path = tmp_path / "rotto.json"
    path.write_text("{ non json", encoding="utf-8")
    with pytest.raises(ScriptError, match="rotto.json"):
        load_script(path)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
                    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children,
                                                                                     max_size=4), max_leaves=20)


PLACES = {"script": lambda s: s, "slide": lambda s: s["slides"][1], "checkpoint": lambda s: s["checkpoints"][0]}


@given(place=st.sampled_from(sorted(PLACES)), key=st.text(max_size=12) | st.sampled_from(
    sorted({*SHORT_SCRIPT, *SHORT_SCRIPT["slides"][0], *SHORT_SCRIPT["checkpoints"][0], "options", "spoken"})),
    value=JSON)
def test_any_json_value_is_accepted_or_refused_with_a_script_error(place, key, value):
    script = copy.deepcopy(SHORT_SCRIPT)
    PLACES[place](script)[key] = value
    try:
        check_script(script)
    except ScriptError as error:
        assert str(error)


@pytest.mark.django_db
@NEEDS_TOOLS
def test_the_tool_turns_a_short_script_into_media_and_an_importable_pill(tmp_path):
    from fd_xblocks.video_pill.tools.make_pill_media import main, stale_parts

    course = tmp_path / "corso"
    script_path = course / "scripts" / "prova-breve.json"
    script_path.parent.mkdir(parents=True)
    script_path.write_text(json.dumps(SHORT_SCRIPT, ensure_ascii=False), encoding="utf-8")
    main([str(script_path)])
    static = {path.name: path.stat().st_size for path in (course / "static").iterdir()}
    assert set(static) == {"prova-breve.mp4", "prova-breve.webm", "prova-breve.jpg"} and all(static.values())
    olx_text = (course / "fd_video_pill" / "prova-breve.xml").read_text(encoding="utf-8")
    block = import_pill(tmp_path, olx_text)
    probed = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                             str(course / "static" / "prova-breve.mp4")], check=True, capture_output=True, text=True)
    assert 1 < block.duration < 10 and abs(float(probed.stdout) - block.duration) < 0.5
    (first_start, first_end), (second_start, second_end) = committed_timings(olx_text)
    assert first_start == 0 and first_end < second_start < second_end <= block.duration
    assert block.checkpoints[0]["time"] == second_end and block.checkpoints[0]["review_from"] == second_start
    assert "Il PIN è solo tuo." in block.captions["it"] and "The PIN is yours alone." in block.captions["en"]
    assert stale_parts(load_script(script_path), course) == []
    main(["--check", str(script_path)])  # nothing to say: no exit

    rewritten = copy.deepcopy(SHORT_SCRIPT)
    rewritten["slides"][1]["narration"] = "Il PIN lo sai solo tu."
    script_path.write_text(json.dumps(rewritten, ensure_ascii=False), encoding="utf-8")
    assert stale_parts(load_script(script_path), course) == [
        "fd_video_pill/prova-breve.xml is not what the script makes on its narration's timing",
        "static/prova-breve.mp4 does not sound as the script's narration",
        "static/prova-breve.webm does not sound as the script's narration"]
    with pytest.raises(SystemExit, match="prova-breve: static/prova-breve.mp4 does not sound"):
        main(["--check", str(script_path)])


def test_pills_are_found_by_path_by_name_or_all_at_once():
    from fd_xblocks.video_pill.tools.make_pill_media import find_scripts

    open_data = REPO / "course_content" / "open-data"
    assert find_scripts([]) == SCRIPTS
    assert find_scripts([], open_data) == sorted((open_data / "scripts").glob("*.json"))
    assert find_scripts(["spid-e-cie", "course_content/open-data/scripts/what-is-open-data.json"]) == [
        REPO / "course_content" / "public-services" / "scripts" / "spid-e-cie.json",
        Path("course_content/open-data/scripts/what-is-open-data.json")]
    with pytest.raises(ScriptError, match="spid-e-cie: no script"):
        find_scripts(["spid-e-cie"], open_data)

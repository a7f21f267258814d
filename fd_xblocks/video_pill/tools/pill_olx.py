"""The pill's OLX, written from its script and the real timing of each narrated slide.

``timings`` is one ``(start, end)`` pair of seconds per slide (when its narration starts and ends);
Italian captions are the narration, English captions the ``caption_en`` lines, the Italian and
English audio descriptions show each slide's ``description`` and ``description_en`` for its first
3 seconds; chapters start with their
slide, a checkpoint is asked when its ``after`` slide's narration ends and sends back to the start
of its ``review_from`` slide.
"""
from html import escape

from ..captions import format_timestamp

DESCRIPTION_SECONDS = 3


def vtt(cues):
    blocks = ["WEBVTT"]
    blocks += [f"{format_timestamp(start)} --> {format_timestamp(end)}\n{text}" for start, end, text in cues]
    return "\n\n".join(blocks) + "\n"


def _number(value):
    return str(int(value)) if value == int(value) else repr(float(value))


def _checkpoint(checkpoint, start, end):
    attributes = f'id="{escape(checkpoint["id"])}" time="{end[checkpoint["after"]]}" kind="{checkpoint["kind"]}"'
    if checkpoint["kind"] == "truefalse":
        attributes += f' answer="{"true" if checkpoint["answer"] else "false"}"'
    if "review_from" in checkpoint:
        attributes += f' review_from="{start[checkpoint["review_from"]]}"'
    lines = [f"  <checkpoint {attributes}>", f"    <question>{escape(checkpoint['question'])}</question>"]
    for option in checkpoint.get("options", []):
        mark = ' correct="true"' if option.get("correct") else ""
        lines.append(f"    <option{mark}>{escape(option['text'])}</option>")
    for tag in ("feedback_correct", "feedback_incorrect"):
        lines.append(f"    <{tag}>{escape(checkpoint[tag])}</{tag}>")
    lines.append("  </checkpoint>")
    return "\n".join(lines)


def pill_olx(script, timings, duration):
    """The ``fd_video_pill/<name>.xml`` text for a checked script and its narration timings."""
    slides, name = script["slides"], script["name"]
    if len(timings) != len(slides):
        raise ValueError("one (start, end) timing per slide is needed")
    start = {slide["id"]: begin for slide, (begin, _end) in zip(slides, timings, strict=True)}
    end = {slide["id"]: finish for slide, (_begin, finish) in zip(slides, timings, strict=True)}
    italian = vtt([(s, e, slide["narration"]) for slide, (s, e) in zip(slides, timings, strict=True)])
    english = vtt([(s, e, slide["caption_en"]) for slide, (s, e) in zip(slides, timings, strict=True)])
    described, described_en = (vtt([(s, min(s + DESCRIPTION_SECONDS, e), slide[key])
                                    for slide, (s, e) in zip(slides, timings, strict=True)])
                               for key in ("description", "description_en"))
    chapters = [f'  <chapter start="{start[slide["id"]]}" title="{escape(slide["chapter"])}"/>'
                for slide in slides if slide.get("chapter")]
    checkpoints = [_checkpoint(checkpoint, start, end) for checkpoint in script["checkpoints"]]
    show = "true" if script.get("show_transcript", False) else "false"
    sources = [f'  <source src="/static/{name}.{ext}" type="video/{ext}" label="270p"/>'
               for ext in ("mp4", "webm") if ext == "mp4" or script.get("webm", True)]
    head = (
        f'<fd_video_pill display_name="{escape(script["display_name"])}" duration="{duration}"\n'
        f'    completion_threshold="{_number(script.get("completion_threshold", 0.9))}" '
        f'weight="{_number(script.get("weight", 1))}" show_transcript="{show}" '
        f'digcomp_competences="{",".join(script["digcomp_competences"])}"\n'
        f'    poster="/static/{name}.jpg">'
    )
    body = [
        head,
        f"  <description>{escape(script['description'])}</description>",
        *sources,
        f'  <captions lang="it">{escape(italian)}</captions>',
        f'  <captions lang="en">{escape(english)}</captions>',
        f'  <descriptions lang="it">{escape(described)}</descriptions>',
        f'  <descriptions lang="en">{escape(described_en)}</descriptions>',
        *chapters,
        *checkpoints,
        "</fd_video_pill>",
    ]
    return "\n".join(body) + "\n"

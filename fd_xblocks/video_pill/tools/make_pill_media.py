"""Regenerate the demo pills (video, poster, OLX) from their scripts in ``pill_scripts.py``.

Narration by espeak-ng (Italian voice), slides drawn by ffmpeg's drawtext filter, captions timed
on the real length of each narrated sentence. For each pill ``<name>`` it writes, into the course:

- ``static/<name>.mp4`` (H.264 + AAC), ``static/<name>.webm`` (VP9 + Opus, when the script asks for
  it) and ``static/<name>.jpg`` (poster)
- ``fd_video_pill/<name>.xml`` (the pill's OLX: sources, Italian and English captions, Italian
  audio description of the slides, chapters, checkpoints, DigComp competences)

Usage: ``python -m fd_xblocks.video_pill.tools.make_pill_media [--course DIR] [name ...]``
(all pills by default; needs ``espeak-ng`` and ``ffmpeg`` on the PATH; output is deterministic
for given tool versions).
"""
import argparse
import html
import shutil
import subprocess
import sys
import tempfile
import textwrap
import wave
from pathlib import Path

from tqdm import tqdm

from ..captions import format_timestamp
from .pill_scripts import PILLS

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
GAP = 0.5  # seconds of silence after each sentence
SIZE = "480x270"
DEFAULT_COURSE = Path(__file__).resolve().parents[3] / "course_content" / "open-data"


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def narrate(sentences, workdir):
    """One WAV per sentence, joined with a short silence; returns (wav path, [(start, end)], duration)."""
    timings, frames, params = [], [], None
    clock = 0.0
    for index, (_slide, italian, _english) in enumerate(sentences):
        path = workdir / f"s{index}.wav"
        run("espeak-ng", "-v", "it", "-s", "150", "-w", str(path), italian)
        with wave.open(str(path)) as sentence:
            params = sentence.getparams()
            data = sentence.readframes(sentence.getnframes())
            length = sentence.getnframes() / sentence.getframerate()
        silence = b"\x00" * int(GAP * params.framerate) * params.sampwidth * params.nchannels
        frames.append(data + silence)
        timings.append((round(clock, 3), round(clock + length, 3)))
        clock += length + GAP
    joined = workdir / "narration.wav"
    with wave.open(str(joined), "wb") as out:
        out.setparams(params)
        out.writeframes(b"".join(frames))
    return joined, timings, round(clock, 3)


def draw_filters(pill, workdir, timings):
    filters = []
    for index, ((slide, _it, _en), (start, _end)) in enumerate(zip(pill["sentences"], timings, strict=True)):
        end = timings[index + 1][0] if index + 1 < len(timings) else 10_000
        text_file = workdir / f"slide{index}.txt"
        text_file.write_text("\n".join(textwrap.fill(line, 26) for line in slide.split("\n")), encoding="utf-8")
        filters.append(
            f"drawtext=fontfile={FONT}:textfile={text_file}:fontcolor=white:fontsize=26:line_spacing=8:"
            f"x=(w-text_w)/2:y=(h-text_h)/2:enable='between(t,{start},{end})'"
        )
    footer = workdir / "footer.txt"
    footer.write_text(pill["footer"], encoding="utf-8")
    filters.append(f"drawtext=fontfile={FONT}:textfile={footer}:fontcolor=0xFFD166:fontsize=14:x=16:y=h-28")
    return ",".join(filters)


def render(name, pill, course_dir, workdir):
    wav, timings, duration = narrate(pill["sentences"], workdir)
    static = course_dir / "static"
    static.mkdir(parents=True, exist_ok=True)
    video = f"color=c={pill['background']}:s={SIZE}:r=5:d={duration}"
    vf = draw_filters(pill, workdir, timings)
    targets = [(static / f"{name}.mp4", [
        "-c:v", "libx264", "-preset", "veryslow", "-tune", "stillimage", "-crf", "34", "-g", "25",
        "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "16k", "-ar", "16000", "-ac", "1", "-movflags", "+faststart"])]
    if pill["webm"]:
        targets.append((static / f"{name}.webm", [
            "-c:v", "libvpx-vp9", "-crf", "50", "-b:v", "0", "-g", "25", "-c:a", "libopus", "-b:a", "12k", "-ac", "1"]))
    for target, codecs in targets:
        run("ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", video, "-i", str(wav), "-vf", vf,
            *codecs, "-shortest", "-map_metadata", "-1", "-fflags", "+bitexact", str(target))
    run("ffmpeg", "-y", "-loglevel", "error", "-ss", "1", "-i", str(static / f"{name}.mp4"), "-frames:v", "1",
        "-q:v", "6", str(static / f"{name}.jpg"))
    return timings, duration


def vtt(cues):
    blocks = ["WEBVTT"]
    blocks += [f"{format_timestamp(start)} --> {format_timestamp(end)}\n{text}" for start, end, text in cues]
    return "\n\n".join(blocks) + "\n"


def _html(text):
    return html.escape(f"<p>{html.escape(text)}</p>")


def checkpoint_olx(checkpoint, timings):
    start, end = timings[checkpoint["review"]][0], timings[checkpoint["after"]][1]
    answer = f' answer="{str(checkpoint["answer"]).lower()}"' if checkpoint["kind"] == "truefalse" else ""
    lines = [f'  <checkpoint id="{checkpoint["id"]}" time="{end}" kind="{checkpoint["kind"]}"{answer} '
             f'review_from="{start}">',
             f'    <question>{_html(checkpoint["question"])}</question>']
    for text, right in checkpoint.get("options", []):
        flag = ' correct="true"' if right else ""
        lines.append(f"    <option{flag}>{html.escape(text)}</option>")
    lines.append(f'    <feedback_correct>{_html(checkpoint["right"])}</feedback_correct>')
    lines.append(f'    <feedback_incorrect>{_html(checkpoint["wrong"])}</feedback_incorrect>')
    lines.append("  </checkpoint>")
    return "\n".join(lines)


def olx(name, pill, timings, duration):
    sentences = list(zip(pill["sentences"], timings, strict=True))
    italian = vtt([(s, e, line[1]) for line, (s, e) in sentences])
    english = vtt([(s, e, line[2]) for line, (s, e) in sentences])
    slides = vtt([(s, min(s + 3, e), "Schermata: " + line[0].replace("\n", " ")) for line, (s, e) in sentences])
    esc = html.escape
    sources = [f'  <source src="/static/{name}.mp4" type="video/mp4" label="270p"/>']
    if pill["webm"]:
        sources.append(f'  <source src="/static/{name}.webm" type="video/webm" label="270p"/>')
    parts = [
        f'<fd_video_pill display_name="{esc(pill["title"])}" duration="{duration}"\n'
        f'    completion_threshold="0.9" weight="1" show_transcript="false" digcomp_competences="{pill["digcomp"]}"\n'
        f'    poster="/static/{name}.jpg">',
        f"  <description>{esc(pill['description'])}</description>",
        *sources,
        f'  <captions lang="it">{esc(italian)}</captions>',
        f'  <captions lang="en">{esc(english)}</captions>',
        f'  <descriptions lang="it">{esc(slides)}</descriptions>',
        *(f'  <chapter start="{timings[i][0]}" title="{esc(title)}"/>' for i, title in pill["chapters"]),
        *(checkpoint_olx(checkpoint, timings) for checkpoint in pill["checkpoints"]),
        "</fd_video_pill>",
    ]
    return "\n".join(parts) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", choices=[[], *PILLS], help="pills to make (default: all)")
    parser.add_argument("--course", type=Path, default=DEFAULT_COURSE, help="course directory (OLX layout)")
    args = parser.parse_args(argv)
    for tool in ("espeak-ng", "ffmpeg"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed")
    for name in tqdm(args.names or list(PILLS), desc="pills"):
        pill = PILLS[name]
        with tempfile.TemporaryDirectory() as tmp:
            timings, duration = render(name, pill, args.course, Path(tmp))
        target = args.course / "fd_video_pill" / f"{name}.xml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(olx(name, pill, timings, duration), encoding="utf-8")
        sizes = {path.name: path.stat().st_size for path in (args.course / "static").glob(f"{name}.*")}
        tqdm.write(f"{name}: {duration}s; {sum(sizes.values()) // 1024} KB in {sorted(sizes)}")


if __name__ == "__main__":
    main()

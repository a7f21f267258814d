"""Make a video pill's media and OLX from its script file (see ``pill_script`` for the format).

Narration by espeak-ng (Italian voice), slides drawn by ffmpeg's drawtext filter, captions timed
on the real length of each narrated sentence. For ``course_content/<course>/scripts/<name>.json``
it writes, into the course directory:

- ``static/<name>.mp4`` (H.264 + AAC), ``.webm`` (VP9 + Opus), ``.jpg`` (poster)
- ``fd_video_pill/<name>.xml`` (the pill's OLX: sources, Italian and English captions,
  Italian and English audio descriptions, chapters, checkpoints, DigComp competences)

Usage: ``python -m fd_xblocks.video_pill.tools.make_pill_media [--course DIR] [--check] [SCRIPT.json | NAME ...]``
(no pill: every script of the course, or of every course in ``course_content/``; a NAME is looked
up as ``scripts/NAME.json``; the course directory defaults to the script folder's parent; needs
``espeak-ng`` and ``ffmpeg`` on the PATH; output is deterministic for given tool versions).
``--check`` makes nothing and says which pills' OLX or sound no longer follow their script (a script
edited after its media were made), exiting with status 1 if any.
"""
import argparse
import shutil
import subprocess
import sys
import tempfile
import textwrap
import wave
from pathlib import Path

from tqdm import tqdm

from .pill_olx import pill_olx
from .pill_script import ScriptError, load_script, spoken_text

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
GAP = 0.5  # seconds of silence after each sentence
SIZE = "480x270"
BACKGROUND = "0x0B3D6E"
CONTENT_DIR = Path(__file__).resolve().parents[3] / "course_content"
VIDEO_CODECS = {
    "mp4": ["-c:v", "libx264", "-preset", "veryslow", "-tune", "stillimage", "-crf", "34", "-g", "25",
            "-pix_fmt", "yuv420p"],
    "webm": ["-c:v", "libvpx-vp9", "-crf", "50", "-b:v", "0", "-g", "25"],
}
AUDIO_CODECS = {
    "mp4": ["-c:a", "aac", "-b:a", "16k", "-ar", "16000", "-ac", "1"],
    "webm": ["-c:a", "libopus", "-b:a", "12k", "-ac", "1"],
}
CONTAINER_OPTIONS = {"mp4": ["-movflags", "+faststart"]}


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def speak(text, path):
    """Say ``text`` with espeak-ng's Italian voice into the WAV file ``path``; returns its length in seconds."""
    run("espeak-ng", "-v", "it", "-s", "150", "-w", str(path), text)
    with wave.open(str(path)) as sentence:
        return sentence.getnframes() / sentence.getframerate()


def schedule(lengths):
    """The (start, end) of each narrated sentence, given their lengths, and the narration's duration:
    one after the other, ``GAP`` seconds apart (the captions, chapters and checkpoints follow these)."""
    timings, clock = [], 0.0
    for length in lengths:
        timings.append((round(clock, 3), round(clock + length, 3)))
        clock += length + GAP
    return timings, round(clock, 3)


def narrate(slides, workdir):
    """One WAV per sentence, joined with a short silence; returns (wav path, [(start, end)], duration)."""
    frames, lengths, params = [], [], None
    for index, slide in enumerate(tqdm(slides, desc="narration")):
        path = workdir / f"s{index}.wav"
        lengths.append(speak(spoken_text(slide), path))
        with wave.open(str(path)) as sentence:
            params = sentence.getparams()
            data = sentence.readframes(sentence.getnframes())
        silence = b"\x00" * int(GAP * params.framerate) * params.sampwidth * params.nchannels
        frames.append(data + silence)
    joined = workdir / "narration.wav"
    with wave.open(str(joined), "wb") as out:
        out.setparams(params)
        out.writeframes(b"".join(frames))
    timings, duration = schedule(lengths)
    return joined, timings, duration


def draw_filters(script, workdir, timings):
    filters = []
    for index, (slide, (start, _end)) in enumerate(zip(script["slides"], timings, strict=True)):
        end = timings[index + 1][0] if index + 1 < len(timings) else 10_000
        text_file = workdir / f"slide{index}.txt"
        lines = slide["slide"].split("\n")
        text_file.write_text("\n".join(textwrap.fill(line, 26) for line in lines), encoding="utf-8")
        filters.append(
            f"drawtext=fontfile={FONT}:textfile={text_file}:fontcolor=white:fontsize=26:line_spacing=8:"
            f"x=(w-text_w)/2:y=(h-text_h)/2:enable='between(t,{start},{end})'"
        )
    footer = workdir / "footer.txt"
    footer.write_text(script["footer"], encoding="utf-8")
    filters.append(f"drawtext=fontfile={FONT}:textfile={footer}:fontcolor=0xFFD166:fontsize=14:x=16:y=h-28")
    return ",".join(filters)


def render(script, course_dir, workdir):
    """Write the pill's mp4, webm and poster into ``course_dir/static``; return (timings, duration)."""
    wav, timings, duration = narrate(script["slides"], workdir)
    static = course_dir / "static"
    static.mkdir(parents=True, exist_ok=True)
    video = f"color=c={script.get('background', BACKGROUND)}:s={SIZE}:r=5:d={duration}"
    vf = draw_filters(script, workdir, timings)
    for ext in tqdm(media_types(script), desc="video"):
        run("ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", video, "-i", str(wav), "-vf", vf,
            *VIDEO_CODECS[ext], *AUDIO_CODECS[ext], *CONTAINER_OPTIONS.get(ext, []), "-shortest",
            "-map_metadata", "-1", "-fflags", "+bitexact", str(static / f"{script['name']}.{ext}"))
    run("ffmpeg", "-y", "-loglevel", "error", "-ss", "1", "-i", str(static / f"{script['name']}.mp4"),
        "-frames:v", "1", "-q:v", "6", str(static / f"{script['name']}.jpg"))
    return timings, duration


def media_types(script):
    """The video files a script makes: always an mp4, and a webm unless the script says ``"webm": false``."""
    return ["mp4", "webm"] if script.get("webm", True) else ["mp4"]


def audio_digest(path):
    """The MD5 of a media file's encoded sound (its audio packets, without the pictures or the container)."""
    return subprocess.run(["ffmpeg", "-loglevel", "error", "-i", str(path), "-map", "0:a", "-c", "copy", "-f", "md5",
                           "-"], check=True, capture_output=True, text=True).stdout.strip()


def stale_parts(script, course_dir):
    """What of a pill in ``course_dir`` was not made from its script as it is now (empty when all was):
    the OLX must be what the script makes on the real timing of its narration today, and the sound of each
    video file the narration encoded as ``render`` encodes it, so captions, chapters, checkpoints and
    audio all follow the words the script speaks. Renders no pictures, so it takes seconds."""
    problems, name = [], script["name"]
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        wav, timings, duration = narrate(script["slides"], workdir)
        olx = course_dir / "fd_video_pill" / f"{name}.xml"
        if not olx.is_file() or olx.read_text(encoding="utf-8") != pill_olx(script, timings, duration):
            problems.append(f"fd_video_pill/{name}.xml is not what the script makes on its narration's timing")
        for ext in media_types(script):
            target, sound = course_dir / "static" / f"{name}.{ext}", workdir / f"sound.{ext}"
            run("ffmpeg", "-y", "-loglevel", "error", "-i", str(wav), *AUDIO_CODECS[ext], "-map_metadata", "-1",
                "-fflags", "+bitexact", str(sound))
            if not target.is_file() or audio_digest(target) != audio_digest(sound):
                problems.append(f"static/{name}.{ext} does not sound as the script's narration")
    return problems


def make_pill(script, course_dir):
    """Render the media and write the OLX of one checked script; returns the files' sizes."""
    with tempfile.TemporaryDirectory() as tmp:
        timings, duration = render(script, course_dir, Path(tmp))
    target = course_dir / "fd_video_pill" / f"{script['name']}.xml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(pill_olx(script, timings, duration), encoding="utf-8")
    sizes = {path.name: path.stat().st_size for path in (course_dir / "static").glob(f"{script['name']}.*")}
    tqdm.write(f"{script['name']}: duration {duration}s; files {sizes}; total {sum(sizes.values()) // 1024} KB")
    return sizes


def find_scripts(pills, course_dir=None, content_dir=CONTENT_DIR):
    """Script paths for the command line's pills: ``.json`` paths, or pill names looked up in the
    course's ``scripts/`` (every course in ``content_dir`` without ``--course``); none: all of them."""
    folders = [course_dir / "scripts"] if course_dir else sorted(content_dir.glob("*/scripts"))
    if not pills:
        return sorted(path for folder in folders for path in folder.glob("*.json"))
    paths = []
    for pill in pills:
        if pill.endswith(".json"):
            paths.append(Path(pill))
            continue
        found = [folder / f"{pill}.json" for folder in folders if (folder / f"{pill}.json").is_file()]
        if len(found) != 1:
            raise ScriptError(f"{pill}: {'no' if not found else 'more than one'} script "
                              f"{pill}.json in {', '.join(str(folder) for folder in folders) or content_dir}")
        paths.append(found[0])
    return paths


def main(argv=None):
    parser = argparse.ArgumentParser(description="Make video pills' media and OLX from their script files.")
    parser.add_argument("pills", nargs="*", help="script files (<course>/scripts/<pill>.json) or pill names "
                                                 "(default: every script)")
    parser.add_argument("--course", "--course-dir", dest="course_dir", type=Path,
                        help="course directory (default: the script folder's parent)")
    parser.add_argument("--check", action="store_true",
                        help="make nothing: say which pills' OLX or sound were not made from their script as it "
                             "is now (exit status 1 if any)")
    args = parser.parse_args(argv)
    for tool in ("espeak-ng", "ffmpeg"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed")
    try:
        scripts = [(path, load_script(path)) for path in find_scripts(args.pills, args.course_dir)]
    except ScriptError as error:
        sys.exit(str(error))
    if args.check:
        problems = [f"{script['name']}: {problem}" for path, script in tqdm(scripts, desc="pills")
                    for problem in stale_parts(script, args.course_dir or path.resolve().parent.parent)]
        if problems:
            sys.exit("\n".join(problems))
        return
    for path, script in tqdm(scripts, desc="pills"):
        make_pill(script, args.course_dir or path.resolve().parent.parent)


if __name__ == "__main__":
    main()

"""Regenerate the demo pill "Che cosa sono gli open data" from its script.

Narration by espeak-ng (Italian voice), slides drawn by ffmpeg's drawtext filter, captions timed
on the real length of each narrated sentence. Writes, into the demo course:

- ``static/what-is-open-data.mp4`` (H.264 + AAC), ``.webm`` (VP9 + Opus), ``.jpg`` (poster)
- ``fd_video_pill/what-is-open-data.xml`` (the pill's OLX: sources, Italian and English captions,
  Italian audio description, chapters, checkpoints, DigComp competences)

Usage: ``python -m fd_xblocks.video_pill.tools.make_pill_media [course_dir]``
(needs ``espeak-ng`` and ``ffmpeg`` on the PATH; output is deterministic for given tool versions).
"""
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

NAME = "what-is-open-data"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
GAP = 0.5  # seconds of silence after each sentence
SIZE = "480x270"

# (slide text, Italian narration, English caption)
SCRIPT = [
    ("Che cosa sono\ngli open data?",
     "Ciao! In questa pillola scopriamo che cosa sono gli open data, cioè i dati aperti.",
     "Hello! In this pill we find out what open data are."),
    ("Dati pubblici,\nliberi di essere riusati",
     "Gli open data sono dati pubblici che chiunque può usare, riutilizzare e ridistribuire, "
     "anche per scopi commerciali, citando la fonte.",
     "Open data are public data that anyone can use, reuse and redistribute, even for commercial "
     "purposes, as long as they credit the source."),
    ("Trasporti, aria,\nparcheggi, bilanci",
     "Le pubbliche amministrazioni raccolgono moltissimi dati: orari dei trasporti, qualità dell'aria, "
     "parcheggi, biblioteche, bilanci.",
     "Public administrations collect a great deal of data: transport timetables, air quality, "
     "car parks, libraries, budgets."),
    ("Il portale open data\ndel Comune di Firenze",
     "Il Comune di Firenze li pubblica sul suo portale open data, dove puoi cercarli per argomento "
     "e scaricarli gratuitamente.",
     "The City of Florence publishes them on its open data portal, where you can search them by "
     "topic and download them for free."),
    ("Formati aperti:\nCSV e JSON",
     "Per essere davvero aperti, i dati devono essere in formati leggibili dalle macchine, come CSV, "
     "una semplice tabella, o JSON, usato dalle applicazioni.",
     "To be truly open, data must be in machine-readable formats, such as CSV, a simple table, "
     "or JSON, used by applications."),
    ("PDF e foto\nnon bastano",
     "Un PDF o la foto di una tabella non bastano: un programma non riesce a leggerli facilmente.",
     "A PDF or a photo of a table is not enough: a program cannot read them easily."),
    ("Licenza aperta:\nCC BY",
     "Serve anche una licenza aperta. Molti dati pubblici usano la licenza Creative Commons "
     "Attribuzione, CC BY: puoi riusarli se citi chi li ha prodotti.",
     "An open licence is needed too. Many public data use the Creative Commons Attribution licence, "
     "CC BY: you may reuse them if you credit whoever produced them."),
    ("Mappe, app, inchieste:\ntocca a te!",
     "Con gli open data cittadini, giornalisti e imprese creano mappe, app e inchieste utili a tutti. "
     "Ora prova a rispondere alle domande!",
     "With open data, citizens, journalists and businesses make maps, apps and investigations useful "
     "to everyone. Now try answering the questions!"),
]
CHAPTERS = [(0, "Che cosa sono gli open data"), (3, "Il portale di Firenze"), (4, "Formati aperti"),
            (6, "Licenze")]


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def narrate(workdir):
    """One WAV per sentence, joined with a short silence; returns (wav path, [(start, end)])."""
    timings, frames, params = [], [], None
    clock = 0.0
    for index, (_slide, italian, _english) in enumerate(tqdm(SCRIPT, desc="narration")):
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


def draw_filters(workdir, timings):
    filters = []
    for index, ((slide, _it, _en), (start, _end)) in enumerate(zip(SCRIPT, timings, strict=True)):
        end = timings[index + 1][0] if index + 1 < len(timings) else 10_000
        text_file = workdir / f"slide{index}.txt"
        text_file.write_text("\n".join(textwrap.fill(line, 26) for line in slide.split("\n")), encoding="utf-8")
        filters.append(
            f"drawtext=fontfile={FONT}:textfile={text_file}:fontcolor=white:fontsize=26:line_spacing=8:"
            f"x=(w-text_w)/2:y=(h-text_h)/2:enable='between(t,{start},{end})'"
        )
    filters.append(f"drawtext=fontfile={FONT}:text='Firenze Digitale · Open data':fontcolor=0xFFD166:"
                   "fontsize=14:x=16:y=h-28")
    return ",".join(filters)


def render(course_dir, workdir):
    wav, timings, duration = narrate(workdir)
    static = course_dir / "static"
    static.mkdir(parents=True, exist_ok=True)
    video = f"color=c=0x0B3D6E:s={SIZE}:r=5:d={duration}"
    vf = draw_filters(workdir, timings)
    mp4, webm, poster = (static / f"{NAME}.{ext}" for ext in ("mp4", "webm", "jpg"))
    for target, codecs in tqdm([
        (mp4, ["-c:v", "libx264", "-preset", "veryslow", "-tune", "stillimage", "-crf", "34", "-g", "25",
               "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "16k", "-ar", "16000", "-ac", "1",
               "-movflags", "+faststart"]),
        (webm, ["-c:v", "libvpx-vp9", "-crf", "50", "-b:v", "0", "-g", "25", "-c:a", "libopus", "-b:a", "12k",
                "-ac", "1"]),
    ], desc="video"):
        run("ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", video, "-i", str(wav), "-vf", vf,
            *codecs, "-shortest", "-map_metadata", "-1", "-fflags", "+bitexact", str(target))
    run("ffmpeg", "-y", "-loglevel", "error", "-ss", "1", "-i", str(mp4), "-frames:v", "1", "-q:v", "6",
        str(poster))
    return timings, duration


def vtt(cues):
    blocks = ["WEBVTT"]
    blocks += [f"{format_timestamp(start)} --> {format_timestamp(end)}\n{text}" for start, end, text in cues]
    return "\n\n".join(blocks) + "\n"


def olx(timings, duration):
    it = vtt([(s, e, line[1]) for line, (s, e) in zip(SCRIPT, timings, strict=True)])
    en = vtt([(s, e, line[2]) for line, (s, e) in zip(SCRIPT, timings, strict=True)])
    slides = vtt([(s, min(s + 3, e), "Schermata: " + line[0].replace("\n", " "))
                  for line, (s, e) in zip(SCRIPT, timings, strict=True)])
    at = [end for _start, end in timings]
    start = [begin for begin, _end in timings]
    esc = html.escape
    chapters = "\n".join(f'  <chapter start="{start[i]}" title="{esc(title)}"/>' for i, title in CHAPTERS)
    return f"""<fd_video_pill display_name="Che cosa sono gli open data" duration="{duration}"
    completion_threshold="0.9" weight="1" show_transcript="false" digcomp_competences="1.1,1.3,3.3"
    poster="/static/{NAME}.jpg">
  <description>{esc("<p>Poco più di un minuto per capire che cosa sono i dati aperti, dove trovarli a "
                    "Firenze, in quali formati e con quale licenza. Con sottotitoli, trascrizione e "
                    "tre domande lungo il percorso.</p>")}</description>
  <source src="/static/{NAME}.mp4" type="video/mp4" label="270p"/>
  <source src="/static/{NAME}.webm" type="video/webm" label="270p"/>
  <captions lang="it">{esc(it)}</captions>
  <captions lang="en">{esc(en)}</captions>
  <descriptions lang="it">{esc(slides)}</descriptions>
{chapters}
  <checkpoint id="commercial-use" time="{at[1]}" kind="truefalse" answer="true" review_from="{start[1]}">
    <question>{esc("<p>Gli open data si possono usare anche per scopi commerciali.</p>")}</question>
    <feedback_correct>{esc("<p>Esatto: basta citare la fonte.</p>")}</feedback_correct>
    <feedback_incorrect>{esc("<p>In realtà sì: chiunque può riusarli, anche per lavoro, citando la "
                             "fonte.</p>")}</feedback_incorrect>
  </checkpoint>
  <checkpoint id="machine-readable" time="{at[5]}" kind="single" review_from="{start[4]}">
    <question>{esc("<p>Quale di questi formati un programma legge facilmente?</p>")}</question>
    <option correct="true">CSV</option>
    <option>La foto di una tabella</option>
    <option>Un PDF scansionato</option>
    <feedback_correct>{esc("<p>Sì: il CSV è una tabella di testo che ogni programma sa "
                           "leggere.</p>")}</feedback_correct>
    <feedback_incorrect>{esc("<p>Foto e PDF scansionati vanno letti da una persona: riguarda la parte "
                             "sui formati.</p>")}</feedback_incorrect>
  </checkpoint>
  <checkpoint id="truly-open" time="{at[6]}" kind="multiple" review_from="{start[4]}">
    <question>{esc("<p>Che cosa serve perché un dato sia davvero aperto? (una o più risposte)</p>")}</question>
    <option correct="true">Un formato leggibile dalle macchine</option>
    <option correct="true">Una licenza aperta come CC BY</option>
    <option>Una password per scaricarlo</option>
    <feedback_correct>{esc("<p>Proprio così: formato aperto e licenza aperta.</p>")}</feedback_correct>
    <feedback_incorrect>{esc("<p>Servono un formato leggibile dalle macchine e una licenza aperta; "
                             "nessuna password.</p>")}</feedback_incorrect>
  </checkpoint>
</fd_video_pill>
"""


def main(argv):
    default = Path(__file__).resolve().parents[3] / "course_content" / "open-data"
    course_dir = Path(argv[1]) if len(argv) > 1 else default
    for tool in ("espeak-ng", "ffmpeg"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        timings, duration = render(course_dir, Path(tmp))
    target = course_dir / "fd_video_pill" / f"{NAME}.xml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(olx(timings, duration), encoding="utf-8")
    sizes = {path.name: path.stat().st_size for path in (course_dir / "static").glob(f"{NAME}.*")}
    print(f"duration {duration}s; files {sizes}; total {sum(sizes.values()) // 1024} KB")


if __name__ == "__main__":
    main(sys.argv)

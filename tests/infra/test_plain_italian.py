"""Plain Italian: the Gulpease index of every Italian text a learner or a member of staff reads.

Sources: every Italian catalogue (every msgstr of ``*/locale/it/**/*.po`` and
``fd_xblocks/translations/it/**/*.po``, wrapped multi-line entries read whole, each plural form on
its own, obsolete entries left out) and the Italian captions of every course (each cue of the
``<captions lang="it">`` of the pills' OLX, which the media tool writes from the scripts'
narration, and any Italian ``.vtt`` file under ``course_content/``).

How words, letters and sentences are counted is in :mod:`tests.helpers.gulpease`; in short, a
sentence ends at ``.``, ``!``, ``?`` or ``…`` before a space or the end, and a text (one msgstr,
one caption cue) whose last part has no final punctuation, such as a label or a button, counts
that part as one sentence. A source scores the sums of its texts; a source under 60 fails, and
the message names its hardest texts. ``pytest -rP`` prints every source's index with its three
hardest texts.
"""
import re
from pathlib import Path

import polib
import pytest
from lxml import etree

from tests.helpers.gulpease import Counts, counts, gulpease, source_index

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[2]
GOAL = 60
CATALOGUES = sorted([*REPO.glob("*/locale/it/LC_MESSAGES/*.po"),
                     *REPO.glob("fd_xblocks/translations/it/LC_MESSAGES/*.po")])
PILLS = sorted(REPO.glob("course_content/*/fd_video_pill/*.xml"))
ITALIAN_VTT = sorted(path for path in REPO.glob("course_content/**/*.vtt")
                     if re.search(r"(^|[._-])it([._-]|$)", path.stem))
CUE_TIMING = re.compile(r"^(?:\d\d:)?\d\d:\d\d\.\d{3} --> ")


def catalogue_texts(path):
    """Every Italian msgstr of a .po (each plural form on its own), the header and obsolete entries out."""
    texts = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete or not entry.msgid:
            continue
        if entry.msgid_plural:
            texts += [text for _form, text in sorted(entry.msgstr_plural.items()) if text]
        elif entry.msgstr:
            texts.append(entry.msgstr)
    return texts


def vtt_cues(text):
    """The text of each cue of a WebVTT document (a cue's lines read as one text)."""
    cues = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = block.strip().split("\n")
        for index, line in enumerate(lines):
            if CUE_TIMING.match(line):
                cues.append(" ".join(lines[index + 1:]))
                break
    return [cue for cue in cues if cue.strip()]


def pill_captions(path):
    captions = etree.parse(str(path)).find("captions[@lang='it']")
    return vtt_cues(captions.text) if captions is not None and captions.text else []


SOURCES = ([(path, catalogue_texts) for path in CATALOGUES] + [(path, pill_captions) for path in PILLS]
           + [(path, lambda p: vtt_cues(p.read_text(encoding="utf-8"))) for path in ITALIAN_VTT])


def hardest(texts, number):
    scored = sorted((gulpease(text), text) for text in set(texts) if counts(text).words)
    return "\n".join(f"  {score:5.1f}  {text}" for score, text in scored[:number])


def test_the_sources_are_found():
    assert len(CATALOGUES) >= 7 and len(PILLS) >= 14
    assert all(pill_captions(path) for path in PILLS)


@pytest.mark.parametrize("path,read", SOURCES, ids=[str(path.relative_to(REPO)) for path, _read in SOURCES])
def test_each_source_is_plain_italian(path, read):
    texts = read(path)
    assert texts, f"{path.relative_to(REPO)} has no Italian text"
    index = source_index(texts)
    print(f"{path.relative_to(REPO)}: Gulpease {index:.1f} over {len(texts)} texts; hardest:\n{hardest(texts, 3)}")
    assert index >= GOAL, (f"{path.relative_to(REPO)}: Gulpease {index:.1f} < {GOAL}; rewrite its hardest texts "
                           f"in short sentences and common words:\n{hardest(texts, 8)}")


def test_gulpease_counts_as_its_rules_say():
    # 3 words, 12 letters, 1 sentence: 89 + (300 - 120) / 3
    assert gulpease("Il gatto dorme.") == 149
    # a label without final punctuation is one sentence; digits are letters; "4.2" ends nothing
    assert counts("Competenza 4.2") == counts("Competenza 4.2.") == counts("Competenza 42.") == Counts(2, 12, 1)
    assert counts("Ciao! Come stai? Bene…").sentences == 3
    assert counts("Costa 5 euro. Paga") == counts("Costa 5 euro. Paga.")
    # markup and placeholders are not read
    assert counts('<a href="https://x.it/a">Apri</a> %(name)s {count} il &quot;file&quot;') == counts("Apri il file")
    # an apostrophe splits words
    assert counts("dell'aria").words == 2
    assert gulpease("L'amministrazione comunale predispone infrastrutture telematiche interoperabili "
                    "finalizzate all'ottimizzazione dell'erogazione dei servizi.") < 40 < gulpease(
        "Il Comune apre un sito nuovo. Lì trovi i servizi.")


def test_catalogue_texts_read_wrapped_and_plural_entries_whole(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Long"\nmsgstr ""\n"Una frase lunga "\n"su due righe."\n\n'
        'msgid "One badge"\nmsgid_plural "%(n)s badges"\nmsgstr[0] "Un badge"\nmsgstr[1] "%(n)s badge"\n\n'
        'msgid "Empty"\nmsgstr ""\n\n'
        '#~ msgid "Old"\n#~ msgstr "Vecchio"\n', encoding="utf-8")
    assert catalogue_texts(po) == ["Una frase lunga su due righe.", "Un badge", "%(n)s badge"]


def test_vtt_cues_are_read_one_text_each():
    document = ("WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nPrima riga\nseconda riga.\n\n"
                "00:01.000 --> 00:02.500\nAltro.\n")
    assert vtt_cues(document) == ["Prima riga seconda riga.", "Altro."]

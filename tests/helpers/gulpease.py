"""The Gulpease index of Italian text (Lucisano and Piemontese, 1988): G = 89 + (300 * S - 10 * L) / W.

W are the words, L their letters (digits included, as a reader spells them), S the sentences.
Under 60 a text is hard for a reader with a middle-school education; 80 and over is easy.

What is counted, so that scores can be compared from one text to the next:

- a **text** is one unit a person reads: one msgstr (each plural form on its own), one caption cue;
- markup is not read: HTML tags and entities, placeholders (``%(name)s``, ``%s``, ``{name}``) and
  web addresses are taken out before counting;
- a **word** is a run of letters and digits (an apostrophe splits it: ``dell'aria`` is two words;
  a number such as ``4.2`` or ``10.000`` is one word, its digits its letters);
- a **sentence** ends at ``.``, ``!``, ``?`` or ``…`` followed by a space or the end of the text
  (so ``4.2`` and ``e.g.`` inside a word end nothing); a text whose last sentence has no final
  punctuation (a label, a button, a heading) counts that last part as one sentence more;
- a **source** (a catalogue, a pill's captions) scores the sums of its texts: 89 + (300 * ΣS - 10 * ΣL) / ΣW,
  the index of all its texts read one after the other.
"""
import re
from dataclasses import dataclass
from html import unescape

MARKUP = re.compile(r"<[^>]*>|https?://\S+|%\([a-z_]+\)[sdf]|%[sdf]|\{[a-z_0-9]*(?::[^}]*)?\}", re.I)
WORD = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+")
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)")


@dataclass(frozen=True)
class Counts:
    words: int
    letters: int
    sentences: int

    def __add__(self, other):
        return Counts(self.words + other.words, self.letters + other.letters, self.sentences + other.sentences)

    @property
    def index(self):
        return 89 + (300 * self.sentences - 10 * self.letters) / self.words if self.words else None


NOTHING = Counts(0, 0, 0)


def readable(text):
    """The text a reader reads: markup, placeholders and addresses out, entities decoded."""
    return " ".join(unescape(MARKUP.sub(" ", text)).split())


def counts(text):
    """Words, letters and sentences of one text (see the module's rules)."""
    text = readable(text)
    words = WORD.findall(text)
    if not words:
        return NOTHING
    sentences = len(SENTENCE_END.findall(text))
    tail = SENTENCE_END.split(text)[-1]
    if WORD.search(tail):  # the last part has no final punctuation
        sentences += 1
    return Counts(len(words), sum(character.isalnum() for word in words for character in word), sentences)


def gulpease(text):
    return counts(text).index


def source_index(texts):
    """The Gulpease index of a whole source, from the sums of its texts' counts."""
    total = NOTHING
    for text in texts:
        total = total + counts(text)
    return total.index

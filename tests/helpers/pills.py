"""A pill's timeline as its OLX stores it (duration, Italian caption cues, chapters, checkpoints), so that
tests ask for "the second checkpoint" or "the fourth cue" instead of copying times that change whenever
the pill's narration is recorded again."""
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[2]
DEMO_PILL_OLX = REPO / "course_content" / "open-data" / "fd_video_pill" / "what-is-open-data.xml"


@dataclass(frozen=True)
class Timeline:
    duration: float
    cues: list  # the Italian caption cues: {"start", "end", "text"}, seconds
    chapters: list  # {"start", "title"}, in order
    checkpoints: dict  # id -> {"time", "review_from" (None when absent)}

    def clock(self, seconds):
        """``seconds`` as the player writes a position ("0:26"), rounded down to the second."""
        whole = int(seconds)
        return f"{whole // 60}:{whole % 60:02d}"


def pill_timeline(path=DEMO_PILL_OLX):
    from fd_xblocks.video_pill.captions import parse_caption_text

    root = etree.parse(str(path)).getroot()
    return Timeline(
        duration=float(root.get("duration")),
        cues=parse_caption_text(root.find("captions[@lang='it']").text),
        chapters=[{"start": float(node.get("start")), "title": node.get("title")} for node in root.iter("chapter")],
        checkpoints={node.get("id"): {"time": float(node.get("time")), "review_from": _seconds(node.get("review_from"))}
                     for node in root.iter("checkpoint")},
    )


def _seconds(attribute):
    return float(attribute) if attribute else None

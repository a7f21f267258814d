"""Times as authors write them in the editor: "m:ss", "h:mm:ss" or seconds."""
import re

from .errors import N_, PillInputError

TIME = re.compile(r"^\d+(\.\d+)?$")


def clock(seconds):
    """12.5 -> "0:12.5", 75 -> "1:15" (what the editor shows and reads back)."""
    seconds = round(float(seconds), 3)
    minutes, rest = divmod(seconds, 60)
    rest = int(rest) if rest == int(rest) else rest
    return f"{int(minutes)}:{'0' if rest < 10 else ''}{rest}"


def parse_clock(text, field):
    """ "m:ss", "h:mm:ss" or seconds -> seconds; "" -> None."""
    text = (text or "").strip().replace(",", ".")
    if not text:
        return None
    parts = text.split(":")
    if len(parts) > 3 or not all(TIME.match(part) for part in parts):
        raise PillInputError(N_("\"{value}\" is not a time: write m:ss or seconds."), field, value=text[:40])
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total

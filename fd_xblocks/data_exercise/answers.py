"""Reading a learner's answer, comparing it with the expected one, and the score."""
import hashlib
import math
import re

from .errors import N_, DataInputError
from .spec import normalise_text

MAX_ANSWER = 200
NUMBER_TEXT = re.compile(r"[+-]?[\d.,]+")


def number_readings(text):
    """Every sensible reading of a typed number: "1.234,5", "1234.5", "12,5", "3 651 152", "1.234"."""
    text = text.strip().replace("\u00a0", "").replace(" ", "").replace("'", "")
    if not NUMBER_TEXT.fullmatch(text):
        return []
    readings = set()
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        readings.add(text.replace(thousands, "").replace(decimal, "."))
    elif "," in text:
        readings.add(text.replace(",", ".") if text.count(",") == 1 else text.replace(",", ""))
        if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+", text):
            readings.add(text.replace(",", ""))
    elif text.count(".") > 1:
        readings.add(text.replace(".", ""))
    else:
        readings.add(text)
        if re.fullmatch(r"[+-]?\d{1,3}\.\d{3}", text):
            readings.add(text.replace(".", ""))  # Italian thousands: 1.234 = 1234
    values = []
    for reading in readings:
        try:
            value = float(reading)
        except ValueError:
            continue
        if math.isfinite(value):
            values.append(value)
    return values


def clean_answer(raw):
    if not isinstance(raw, str) or not raw.strip() or len(raw) > MAX_ANSWER:
        raise DataInputError(N_("Write an answer (at most 200 characters)."), "answer")
    return raw.strip()


def within(value, expected, absolute, relative):
    return abs(value - expected) <= max(absolute, relative * abs(expected)) + 1e-9


def judge(answer, expected, spec, partial_tolerance=0.0):
    """"correct", "partial" or "wrong"."""
    if expected["kind"] == "text":
        return "correct" if normalise_text(answer) == normalise_text(expected["value"]) else "wrong"
    readings = number_readings(answer)
    if not readings:
        raise DataInputError(N_("Write the answer as a number, such as 41 or 2,5."), "answer")
    if any(within(v, expected["value"], spec["tolerance"], spec["relative_tolerance"]) for v in readings):
        return "correct"
    if partial_tolerance and any(within(v, expected["value"], 0, partial_tolerance) for v in readings):
        return "partial"
    return "wrong"


def score_for(verdict, hints_used, hint_costs, partial_credit):
    base = {"correct": 1.0, "partial": partial_credit, "wrong": 0.0}[verdict]
    if base == 0:
        return 0.0
    return round(max(0.0, base - sum(hint_costs[:hints_used])), 4)


def choose_parameter(values, anonymous_id, usage_id):
    """A value drawn for this learner: the same every time, different between neighbours."""
    if not values:
        return None
    digest = hashlib.sha256(f"{anonymous_id}|{usage_id}".encode()).hexdigest()
    return values[int(digest, 16) % len(values)]

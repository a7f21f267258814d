"""The message an author writes, its validation, and how a learner's marks are scored.

A message is plain data (what the Studio editor sends, what OLX holds)::

    {"channel": "sms" | "email" | "chat" | "notice",
     "sender_name": "INPS", "sender_address": "+39 351 000 0000", "subject": "", "received": "oggi, 9:41",
     "context": "optional: the situation the learner is in, shown above the message",
     "parts": [{"id": "p1", "zone": "sender" | "subject" | "body" | "attachment",
                "text": "what the message shows", "href": "where a link really goes (links only)",
                "role": "plain" | "sign" | "genuine", "sign": "sender" | "urgency" | ... (signs only),
                "explanation": "why this part is (or is not) a warning sign"}],
     "expected_action": "trust" | "ignore" | "report", "action_explanation": "..."}

Every part marked ``sign`` or ``genuine`` can be marked by the learner; ``plain`` parts cannot.
Text is stored as the author typed it and escaped when drawn; explanations may use basic HTML,
cleaned with nh3. A link's ``href`` is shown to the learner, never followed.
"""
import re
from urllib.parse import urlsplit

from fd_core.sanitize import clean_html

CHANNELS = ("sms", "email", "chat", "notice")
ZONES = ("sender", "subject", "body", "attachment")
ROLES = ("plain", "sign", "genuine")
SIGNS = ("sender", "urgency", "link", "credentials", "attachment", "prize", "payment", "language", "other")
ACTIONS = ("trust", "ignore", "report")
PART_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
MAX_PARTS = 60
MAX_TEXT = 2_000
MAX_SHORT = 200
# What the marks count for; the rest is the choice of what to do with the message.
MARKS_SHARE = 0.7


def N_(message):
    """Mark a message for extraction; it is translated where it is shown (the block's i18n service)."""
    return message


class MessageError(ValueError):
    """Bad author input: ``message`` is an English msgid, ``field`` names what is wrong."""

    def __init__(self, message, field="", **params):
        super().__init__(message.format(**params))
        self.message = message
        self.field = field
        self.params = params

    def translate(self, gettext):
        return gettext(self.message).format(**self.params)


def _short_text(data, name, required=False, limit=MAX_SHORT):
    value = data.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str) or len(value) > limit:
        raise MessageError(N_("{name} must be a text of at most {limit} characters."), name, name=name, limit=limit)
    value = value.strip()
    if required and not value:
        raise MessageError(N_("{name} is required."), name, name=name)
    return value


def _choice(data, name, choices, default):
    value = data.get(name, default)
    if not isinstance(value, str) or value not in choices:
        raise MessageError(N_("{name} must be one of: {choices}."), name, name=name, choices=", ".join(choices))
    return value


def clean_href(value, field):
    """A link's real target: an absolute http(s) address with a host, or nothing."""
    if value in (None, ""):
        return ""
    if not isinstance(value, str) or len(value) > MAX_SHORT or any(ch.isspace() for ch in value.strip()):
        raise MessageError(N_("A link's real address must be an http or https address."), field)
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise MessageError(N_("A link's real address must be an http or https address."), field)
    return value.strip()


def link_host(href):
    """The host a learner should read before trusting a link ("poste-verifica.com")."""
    host = urlsplit(href).hostname or ""
    return host[4:] if host.startswith("www.") else host


def _clean_part(raw, index, seen):
    field = f"parts[{index}]"
    if not isinstance(raw, dict):
        raise MessageError(N_("Each part of the message must be an object with its text and role."), field)
    part_id = raw.get("id") or f"p{index + 1}"
    if not isinstance(part_id, str) or not PART_ID.match(part_id):
        raise MessageError(N_("A part id uses lower-case letters, digits, - or _ (at most 40)."), field)
    if part_id in seen:
        raise MessageError(N_("Two parts have the id {id}."), field, id=part_id)
    seen.add(part_id)
    text = raw.get("text")
    if not isinstance(text, str) or not text or len(text) > MAX_TEXT:
        raise MessageError(N_("Each part needs a text of at most {limit} characters."), field, limit=MAX_TEXT)
    role = _choice(raw, "role", ROLES, "plain")
    if role != "plain" and not text.strip():
        raise MessageError(N_("A part the learner can mark needs some text."), field)
    part = {
        "id": part_id,
        "zone": _choice(raw, "zone", ZONES, "body"),
        "text": text,
        "href": clean_href(raw.get("href"), field),
        "role": role,
        "sign": "",
        "explanation": "",
    }
    if role == "sign":
        part["sign"] = _choice(raw, "sign", SIGNS, "other")
    explanation = raw.get("explanation") or ""
    if not isinstance(explanation, str) or len(explanation) > MAX_TEXT:
        raise MessageError(N_("An explanation is a text of at most {limit} characters."), field, limit=MAX_TEXT)
    if role != "plain":
        if not explanation.strip():
            raise MessageError(N_("Every part the learner can mark needs an explanation."), field)
        part["explanation"] = clean_html(explanation)
    return part


def clean_message(data):
    """Validate what the editor (or OLX) sends; return the stored message or raise MessageError."""
    if not isinstance(data, dict):
        raise MessageError(N_("The message must be an object."), "message")
    message = {
        "channel": _choice(data, "channel", CHANNELS, "sms"),
        "sender_name": _short_text(data, "sender_name"),
        "sender_address": _short_text(data, "sender_address"),
        "subject": _short_text(data, "subject"),
        "received": _short_text(data, "received"),
        "context": _short_text(data, "context", limit=MAX_TEXT),
        "expected_action": _choice(data, "expected_action", ACTIONS, "report"),
        "action_explanation": "",
    }
    explanation = data.get("action_explanation") or ""
    if not isinstance(explanation, str) or len(explanation) > MAX_TEXT:
        raise MessageError(N_("An explanation is a text of at most {limit} characters."), "action_explanation",
                           limit=MAX_TEXT)
    message["action_explanation"] = clean_html(explanation)
    raw_parts = data.get("parts")
    if not isinstance(raw_parts, list) or not raw_parts:
        raise MessageError(N_("The message needs at least one part."), "parts")
    if len(raw_parts) > MAX_PARTS:
        raise MessageError(N_("A message has at most {limit} parts."), "parts", limit=MAX_PARTS)
    seen = set()
    message["parts"] = [_clean_part(raw, index, seen) for index, raw in enumerate(raw_parts)]
    if not any(part["role"] != "plain" for part in message["parts"]):
        raise MessageError(N_("Mark at least one part as a warning sign or as a genuine detail."), "parts")
    if not message["sender_name"] and not any(part["zone"] == "sender" for part in message["parts"]):
        raise MessageError(N_("Give the sender's name, or a part of the message for the sender."), "sender_name")
    if not any(part["zone"] == "body" for part in message["parts"]):
        raise MessageError(N_("The message needs at least one part in its body."), "parts")
    if message["channel"] == "email" and not message["subject"] and not any(
            part["zone"] == "subject" for part in message["parts"]):
        raise MessageError(N_("An e-mail needs a subject."), "subject")
    return message


def is_genuine(message):
    return not any(part["role"] == "sign" for part in message["parts"])


def markable_ids(message):
    return [part["id"] for part in message["parts"] if part["role"] != "plain"]


def score(message, marked, action):
    """The learner's result: signs found, parts wrongly marked, the action, a score from 0 to 1.

    Marks count for 70%: each sign found counts, each genuine part marked takes one away
    (never below 0). In a genuine message the marks score is the share of genuine details left
    unmarked. The other 30% is choosing the action the author expects.
    """
    marked = set(marked)
    signs = [part["id"] for part in message["parts"] if part["role"] == "sign"]
    genuine = [part["id"] for part in message["parts"] if part["role"] == "genuine"]
    found = [part_id for part_id in signs if part_id in marked]
    wrong = [part_id for part_id in genuine if part_id in marked]
    if signs:
        marks_score = max(0, len(found) - len(wrong)) / len(signs)
    else:
        marks_score = 1 - len(wrong) / len(genuine) if genuine else 1.0
    action_right = action == message["expected_action"]
    total = round(MARKS_SHARE * marks_score + (1 - MARKS_SHARE) * (1.0 if action_right else 0.0), 4)
    return {"found": found, "missed": [p for p in signs if p not in marked], "wrong": wrong,
            "signs": len(signs), "action_right": action_right, "score": total}

"""OLX import and export: every field and every part round-trips.

::

    <fd_message_inspector display_name="L'SMS dell'INPS" weight="1" attempts_allowed="0"
                          digcomp_competences="4.1,4.2" channel="sms" sender_name="INPS"
                          sender_address="+39 351 000 0000" subject="" received="oggi, 9:41"
                          expected_action="report">
      <context>Ricevi questo SMS mentre aspetti un rimborso.</context>
      <part id="p1" zone="body" role="plain"><text>Gentile utente, </text></part>
      <part id="p2" zone="body" role="sign" sign="urgency">
        <text>entro 24 ore</text><explanation>&lt;p&gt;La fretta ...&lt;/p&gt;</explanation>
      </part>
      <part id="p3" zone="body" role="sign" sign="link" href="https://inps-rimborsi.info/x">
        <text>www.inps.it/rimborsi</text><explanation>...</explanation>
      </part>
      <action_explanation>&lt;p&gt;Segnalalo e cancellalo.&lt;/p&gt;</action_explanation>
    </fd_message_inspector>

The text of a part keeps its spaces (parts are drawn one after the other). Import runs the same
validation as the Studio editor: a bad OLX file is refused with the problem named.
"""
from lxml import etree

from fd_core.digcomp import UnknownCompetences, competence_ids

from .message import N_, MessageError, clean_message

MESSAGE_ATTRIBUTES = ("channel", "sender_name", "sender_address", "subject", "received", "expected_action")
PART_ATTRIBUTES = ("id", "zone", "role", "sign", "href")


def _child_text(node, tag, strip=True):
    child = node.find(tag)
    if child is None:
        return ""
    return (child.text or "").strip() if strip else (child.text or "")


def _number(node, name, default, kind):
    raw = node.get(name)
    if raw is None:
        return default
    try:
        value = kind(raw)
    except ValueError as error:
        raise MessageError(N_("The OLX attribute {name} must be a number."), name, name=name) from error
    if value < 0 or value > 1000:
        raise MessageError(N_("The OLX attribute {name} must be a number from 0 to 1000."), name, name=name)
    return value


def settings_from_node(node):
    """display_name, weight, attempts_allowed and digcomp_competences, checked."""
    try:
        competences = competence_ids(node.get("digcomp_competences", ""))
    except UnknownCompetences as error:
        raise MessageError(N_("Unknown DigComp competence in digcomp_competences."), "digcomp_competences") from error
    title = (node.get("display_name") or "").strip()
    if len(title) > 200:
        raise MessageError(N_("The display name has at most 200 characters."), "display_name")
    return {"display_name": title, "weight": _number(node, "weight", 1.0, float),
            "attempts_allowed": _number(node, "attempts_allowed", 0, int), "digcomp_competences": competences}


def message_from_node(node):
    data = {name: node.get(name, "") for name in MESSAGE_ATTRIBUTES}
    data["context"] = _child_text(node, "context")
    data["action_explanation"] = _child_text(node, "action_explanation")
    data["parts"] = [
        {**{name: part.get(name, "") for name in PART_ATTRIBUTES},
         "text": _child_text(part, "text", strip=False), "explanation": _child_text(part, "explanation")}
        for part in node.findall("part")
    ]
    return clean_message(data)


def _add_text(parent, tag, text, **attributes):
    child = etree.SubElement(parent, tag, attributes)
    child.text = text
    return child


class OlxMixin:
    """``parse_xml`` / ``add_xml_to_node`` with the readable OLX above."""

    @classmethod
    def parse_xml(cls, node, runtime, keys, *args, **kwargs):
        block = runtime.construct_xblock_from_class(cls, keys)
        for name, value in settings_from_node(node).items():
            if name != "display_name" or value:
                setattr(block, name, value)
        block.message = message_from_node(node)
        return block

    def add_xml_to_node(self, node):
        node.tag = self.scope_ids.block_type
        node.set("xblock-family", self.entry_point)
        node.set("display_name", self.display_name)
        node.set("weight", repr(float(self.weight)))
        node.set("attempts_allowed", str(self.attempts_allowed))
        if self.digcomp_competences:
            node.set("digcomp_competences", ",".join(self.digcomp_competences))
        message = self.message or {}
        for name in MESSAGE_ATTRIBUTES:
            if message.get(name):
                node.set(name, message[name])
        if message.get("context"):
            _add_text(node, "context", message["context"])
        for part in message.get("parts", []):
            element = etree.SubElement(node, "part", {name: part[name] for name in PART_ATTRIBUTES if part.get(name)})
            _add_text(element, "text", part["text"])
            if part.get("explanation"):
                _add_text(element, "explanation", part["explanation"])
        if message.get("action_explanation"):
            _add_text(node, "action_explanation", message["action_explanation"])

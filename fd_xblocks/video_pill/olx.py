"""OLX import and export: every field round-trips, including checkpoints and caption text.

::

    <fd_video_pill display_name="..." duration="75.5" completion_threshold="0.9" weight="1"
                   show_transcript="false" digcomp_competences="1.1,1.2" poster="/static/p.jpg"
                   hls_url="" youtube_id="">
      <description>&lt;p&gt;HTML&lt;/p&gt;</description>
      <source src="/static/pill.mp4" type="video/mp4" label="360p"/>
      <captions lang="it">WEBVTT ...</captions>
      <descriptions lang="it">WEBVTT ...</descriptions>
      <chapter start="0" title="Che cosa sono"/>
      <checkpoint id="cp-1" time="31" kind="single" review_from="12">
        <question>...</question>
        <option correct="true">CSV</option>
        <option>PDF</option>
        <feedback_correct>...</feedback_correct>
        <feedback_incorrect>...</feedback_incorrect>
      </checkpoint>
      <checkpoint id="cp-2" time="50" kind="truefalse" answer="true">...</checkpoint>
    </fd_video_pill>
"""
from lxml import etree

from .errors import N_, PillInputError

ATTRIBUTE_FIELDS = ("display_name", "poster", "hls_url", "youtube_id")
NUMBER_FIELDS = ("duration", "completion_threshold", "weight")


def _number(value, name):
    try:
        return float(value)
    except (TypeError, ValueError) as error:
        raise PillInputError(N_("The OLX attribute {name} must be a number."), name, name=name) from error


def _flag(value):
    return str(value).strip().lower() in ("true", "1", "yes")


def _text(node, tag):
    child = node.find(tag)
    return (child.text or "").strip() if child is not None else ""


def _checkpoint_from_node(node):
    checkpoint = {
        "id": node.get("id"),
        "time": _number(node.get("time"), "time"),
        "kind": node.get("kind", "single"),
        "question": _text(node, "question"),
        "feedback_correct": _text(node, "feedback_correct"),
        "feedback_incorrect": _text(node, "feedback_incorrect"),
        "review_from": _number(node.get("review_from"), "review_from") if node.get("review_from") else None,
    }
    if checkpoint["kind"] == "truefalse":
        checkpoint["answer"] = _flag(node.get("answer"))
    else:
        checkpoint["options"] = [
            {"text": (option.text or "").strip(), "correct": _flag(option.get("correct"))}
            for option in node.findall("option")
        ]
    return checkpoint


def editor_data_from_node(node):
    """The OLX element as the same dict the Studio editor sends (validated by the same code)."""
    data = {name: node.get(name, "") for name in ATTRIBUTE_FIELDS}
    data["display_name"] = node.get("display_name") or "Video pill"
    for name in NUMBER_FIELDS:
        if node.get(name) is not None:
            data[name] = _number(node.get(name), name)
    data.setdefault("completion_threshold", 0.9)
    data.setdefault("weight", 1.0)
    data["show_transcript"] = _flag(node.get("show_transcript", "false"))
    data["digcomp_competences"] = node.get("digcomp_competences", "")
    data["description"] = _text(node, "description")
    data["sources"] = [{"src": s.get("src"), "type": s.get("type"), "label": s.get("label", "")}
                       for s in node.findall("source")]
    for tag in ("captions", "descriptions"):
        data[tag] = [{"lang": c.get("lang"), "text": c.text or ""} for c in node.findall(tag)]
    data["chapters"] = [{"start": _number(c.get("start"), "start"), "title": c.get("title", "")}
                        for c in node.findall("chapter")]
    data["checkpoints"] = [_checkpoint_from_node(c) for c in node.findall("checkpoint")]
    return data


def _number_text(value):
    value = float(value)
    return str(int(value)) if value == int(value) else repr(value)


def _add_text_child(parent, tag, text, **attributes):
    child = etree.SubElement(parent, tag, {k: v for k, v in attributes.items()})
    child.text = text
    return child


class OlxMixin:
    """``parse_xml`` / ``add_xml_to_node`` with the pill's own readable OLX."""

    @classmethod
    def parse_xml(cls, node, runtime, keys, *args, **kwargs):
        from .studio import clean_editor_data

        block = runtime.construct_xblock_from_class(cls, keys)
        data = editor_data_from_node(node)
        if not data.get("duration"):
            raise PillInputError(N_("The OLX of a video pill needs a duration attribute."), "duration")
        values = clean_editor_data(data, require_video=False)
        for name, value in values.items():
            setattr(block, name, value)
        return block

    def add_xml_to_node(self, node):
        node.tag = self.scope_ids.block_type
        node.set("xblock-family", self.entry_point)
        node.set("display_name", self.display_name)
        for name in ATTRIBUTE_FIELDS[1:]:
            if getattr(self, name):
                node.set(name, getattr(self, name))
        for name in NUMBER_FIELDS:
            node.set(name, _number_text(getattr(self, name)))
        node.set("show_transcript", "true" if self.show_transcript else "false")
        if self.digcomp_competences:
            node.set("digcomp_competences", ",".join(self.digcomp_competences))
        if self.description:
            _add_text_child(node, "description", self.description)
        for source in self.sources:
            etree.SubElement(node, "source", {"src": source["src"], "type": source["type"],
                                              "label": source.get("label", "")})
        for tag, tracks in (("captions", self.captions), ("descriptions", self.descriptions)):
            for lang, text in sorted(tracks.items()):
                _add_text_child(node, tag, text, lang=lang)
        for chapter in self.chapters:
            etree.SubElement(node, "chapter", {"start": _number_text(chapter["start"]),
                                               "title": chapter["title"]})
        for checkpoint in self.checkpoints:
            self._add_checkpoint(node, checkpoint)

    @staticmethod
    def _add_checkpoint(node, checkpoint):
        attributes = {"id": checkpoint["id"], "time": _number_text(checkpoint["time"]),
                      "kind": checkpoint["kind"]}
        if checkpoint.get("review_from") is not None:
            attributes["review_from"] = _number_text(checkpoint["review_from"])
        if checkpoint["kind"] == "truefalse":
            attributes["answer"] = "true" if checkpoint["answer"] else "false"
        element = etree.SubElement(node, "checkpoint", attributes)
        _add_text_child(element, "question", checkpoint["question"])
        for option in checkpoint.get("options", []):
            child = _add_text_child(element, "option", option["text"])
            if option["correct"]:
                child.set("correct", "true")
        for tag in ("feedback_correct", "feedback_incorrect"):
            if checkpoint.get(tag):
                _add_text_child(element, tag, checkpoint[tag])

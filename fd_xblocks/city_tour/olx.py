"""OLX import and export of the tour; every field round-trips.

::

    <fd_city_tour display_name="..." completion_share="0.75" weight="1">
      <intro>&lt;p&gt;HTML&lt;/p&gt;</intro>
      <scene id="fibra" kind="360" title="..." image_url="/static/fibra.jpg" alt="..." start_yaw="-30"
             audio_url="" captions_url="">
        <description>&lt;p&gt;HTML&lt;/p&gt;</description>
        <narration>Plain text read aloud.</narration>
        <hotspot id="cavo" kind="info" label="..." yaw="10" pitch="-5" image_url="" video_url="">
          <text>&lt;p&gt;HTML&lt;/p&gt;</text>
        </hotspot>
        <hotspot id="avanti" kind="goto" label="..." x="0.9" y="0.5" target="wifi" arrive_yaw="0"/>
        <hotspot id="q1" kind="question" label="..." x="0.5" y="0.5">
          <question type="single">
            <prompt>...</prompt>
            <option correct="true">...</option>
            <option>...</option>
            <feedback>...</feedback>
          </question>
        </hotspot>
        <guide minutes="5"><ask>A discussion question</ask></guide>
      </scene>
    </fd_city_tour>
"""
from lxml import etree

from .errors import N_, TourInputError
from .tour_content import clean_scenes, clean_share, clean_weight

POSITION_ATTRIBUTES = ("yaw", "pitch", "x", "y", "arrive_yaw")


def _number(value, name):
    if value is None or value == "":
        return None
    try:
        return float(value)
    except ValueError as error:
        raise TourInputError(N_("The OLX attribute {name} must be a number."), name, name=name) from error


def _text(node, tag):
    child = node.find(tag)
    return (child.text or "") if child is not None else ""


def _number_text(value):
    value = float(value)
    return str(int(value)) if value == int(value) else repr(value)


def _add_text(parent, tag, text, **attributes):
    child = etree.SubElement(parent, tag, attributes)
    child.text = text
    return child


def _question_from_node(node):
    if node is None:
        return None
    return {"type": node.get("type"), "prompt": _text(node, "prompt"), "feedback": _text(node, "feedback"),
            "options": [{"text": option.text or "", "correct": option.get("correct") == "true"}
                        for option in node.findall("option")]}


def _hotspot_from_node(node):
    hotspot = {name: node.get(name, "") for name in ("id", "kind", "label", "image_url", "video_url", "target")}
    hotspot.update({name: _number(node.get(name), name) for name in POSITION_ATTRIBUTES})
    hotspot["text"] = _text(node, "text")
    hotspot["question"] = _question_from_node(node.find("question"))
    return hotspot


def _scene_from_node(node):
    guide = node.find("guide")
    minutes = guide.get("minutes", "5") if guide is not None else "5"
    if not minutes.isdigit():
        raise TourInputError(N_("The OLX attribute {name} must be a number."), "minutes", name="minutes")
    return {
        **{name: node.get(name, "") for name in ("id", "kind", "title", "image_url", "alt", "audio_url",
                                                   "captions_url")},
        "start_yaw": _number(node.get("start_yaw"), "start_yaw"),
        "description": _text(node, "description"), "narration": _text(node, "narration"),
        "hotspots": [_hotspot_from_node(child) for child in node.findall("hotspot")],
        "guide": {"minutes": int(minutes),
                  "questions": [ask.text or "" for ask in guide.findall("ask")] if guide is not None else []},
    }


def values_from_node(node):
    """The block's content fields read from its OLX node, validated like the Studio editor's."""
    share = _number(node.get("completion_share", "1"), "completion_share")
    weight = _number(node.get("weight", "1"), "weight")
    return {
        "display_name": node.get("display_name") or "Tour",
        "intro": _text(node, "intro"),
        "completion_share": clean_share(share),
        "weight": clean_weight(weight),
        "scenes": clean_scenes([_scene_from_node(child) for child in node.findall("scene")]),
    }


class OlxMixin:
    """``parse_xml`` / ``add_xml_to_node`` with the tour's readable OLX."""

    @classmethod
    def parse_xml(cls, node, runtime, keys, *args, **kwargs):
        from fd_core.sanitize import clean_html

        block = runtime.construct_xblock_from_class(cls, keys)
        values = values_from_node(node)
        values["intro"] = clean_html(values["intro"])
        for name, value in values.items():
            setattr(block, name, value)
        return block

    def add_xml_to_node(self, node):
        node.tag = self.scope_ids.block_type
        node.set("xblock-family", self.entry_point)
        node.set("display_name", self.display_name)
        node.set("completion_share", _number_text(self.completion_share))
        node.set("weight", _number_text(self.weight))
        if self.intro:
            _add_text(node, "intro", self.intro)
        for scene in self.scenes:
            attributes = {name: scene[name] for name in ("id", "kind", "title", "image_url", "alt",
                                                         "audio_url", "captions_url") if scene[name]}
            if scene["start_yaw"] is not None:
                attributes["start_yaw"] = _number_text(scene["start_yaw"])
            element = etree.SubElement(node, "scene", attributes)
            if scene["description"]:
                _add_text(element, "description", scene["description"])
            if scene["narration"]:
                _add_text(element, "narration", scene["narration"])
            for hotspot in scene["hotspots"]:
                self._add_hotspot(element, hotspot)
            guide = etree.SubElement(element, "guide", {"minutes": str(scene["guide"]["minutes"])})
            for ask in scene["guide"]["questions"]:
                _add_text(guide, "ask", ask)

    @staticmethod
    def _add_hotspot(parent, hotspot):
        attributes = {name: hotspot[name] for name in ("id", "kind", "label", "image_url", "video_url", "target")
                      if hotspot[name]}
        attributes.update({name: _number_text(hotspot[name]) for name in POSITION_ATTRIBUTES
                           if hotspot[name] is not None})
        element = etree.SubElement(parent, "hotspot", attributes)
        if hotspot["text"]:
            _add_text(element, "text", hotspot["text"])
        question = hotspot["question"]
        if question:
            child = etree.SubElement(element, "question", {"type": question["type"]})
            _add_text(child, "prompt", question["prompt"])
            for option in question["options"]:
                option_node = _add_text(child, "option", option["text"])
                if option["correct"]:
                    option_node.set("correct", "true")
            if question["feedback"]:
                _add_text(child, "feedback", question["feedback"])

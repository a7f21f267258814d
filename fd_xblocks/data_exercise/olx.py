"""OLX: ``<fd_data_exercise ...attributes><question>…</question><spec>{JSON}</spec>…</fd_data_exercise>``."""
import json

from lxml import etree

ATTRIBUTES = ("display_name", "dataset_path", "dataset_title", "dataset_publisher", "dataset_source_url",
              "dataset_licence", "dataset_snapshot", "dataset_version", "answer_unit")
NUMBERS = {"attempts_allowed": int, "partial_tolerance": float, "partial_credit": float, "weight": float}
JSON_CHILDREN = ("spec", "parameter", "hints")
TEXT_CHILDREN = ("question", "dataset_notes")


class OlxMixin:
    """Read and write the block's OLX so a course exports and imports without losing anything."""

    @classmethod
    def parse_xml(cls, node, runtime, keys, *args, **kwargs):
        block = runtime.construct_xblock_from_class(cls, keys)
        for name in ATTRIBUTES:
            if name in node.attrib:
                setattr(block, name, node.get(name))
        for name, kind in NUMBERS.items():
            if name in node.attrib:
                try:
                    setattr(block, name, kind(node.get(name)))
                except ValueError:
                    pass
        for child in node:
            if child.tag in TEXT_CHILDREN:
                setattr(block, child.tag, (child.text or "").strip())
            elif child.tag in JSON_CHILDREN:
                try:
                    value = json.loads(child.text or "null")
                except ValueError:
                    continue
                expected = list if child.tag == "hints" else dict
                if isinstance(value, expected):
                    setattr(block, child.tag, value)
        return block

    def add_xml_to_node(self, node):
        node.tag = self.scope_ids.block_type
        for name in ATTRIBUTES:
            value = getattr(self, name)
            if value:
                node.set(name, value)
        for name, kind in NUMBERS.items():
            value = getattr(self, name)
            node.set(name, str(int(value)) if kind is int else repr(float(value)))
        for name in TEXT_CHILDREN:
            if getattr(self, name):
                etree.SubElement(node, name).text = getattr(self, name)
        for name in JSON_CHILDREN:
            value = getattr(self, name)
            if value:
                etree.SubElement(node, name).text = json.dumps(value, ensure_ascii=False, indent=2)

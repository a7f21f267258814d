"""JSON-LD credential -> RDF quads, in safe mode, with a fast path for documents of a known shape.

The reference is pyld's ``to_rdf`` with the shipped contexts. Expanding the contexts costs most of
the time, and a credential's RDF depends on its *shape* (its keys, ``@context`` and ``type`` values,
numbers and booleans) while its strings only flow through as literal or IRI values. So the first
document of each shape is converted by pyld with every string replaced by a unique placeholder
IRI; later documents of that shape reuse the placeholder quads with their own strings put back.
A string that lands in an IRI position is reused only if it is an absolute IRI that expands to
itself; anything else (or any placeholder that pyld turned into something else) takes the pyld
path for that document. ``tests/badges/test_canonical_form.py`` proves with hypothesis that both
paths give byte-identical canonical N-Quads.

Safe mode: a property that no context defines would be silently dropped by JSON-LD; here it is an
error. With ``strict=True`` terms that only the ``@vocab`` catch-all of VC 2.0 maps (the
"issuer-dependent" namespace) are errors too: everything we issue uses defined terms.
"""
import json
import re
import threading
from collections import OrderedDict

from pyld.jsonld import JsonLdError, JsonLdProcessor

from .context_loader import UnknownContextError, defined_terms, document_loader

ISSUER_DEPENDENT = "https://www.w3.org/ns/credentials/issuer-dependent#"
_PLACEHOLDER = "urn:fd-placeholder:"
_VERBATIM_KEYS = {"@context", "type", "@type", "@language", "@direction", "@index", "@version"}
_SAFE_IRI = re.compile(r"^(https?|urn|did|mailto):[^\x00-\x20<>\"{}|^`\\\x7f]+$")
_TEMPLATE_LIMIT = 256


class UnsafeDocumentError(ValueError):
    """The document cannot be turned into RDF without losing or guessing something."""


def _raise_dropped(expanded_property):
    raise UnsafeDocumentError(
        "The credential uses a property that none of its contexts defines"
        + (f" ({expanded_property})" if expanded_property else "")
        + "; it would be silently ignored, so it is refused."
    )


def _convert_term(term):
    kind = term["type"]
    if kind == "IRI":
        return ("I", term["value"])
    if kind == "blank node":
        return ("B", term["value"][2:])
    return ("L", term["value"], term.get("datatype"), term.get("language"))


_IRI_OK = re.compile(r"^(_:|[A-Za-z][A-Za-z0-9+.-]*:)[^\x00-\x20<>\"{}|^`\\]*$")


def _check_iris(node):
    """Safe mode for identifiers: a relative or malformed IRI would be dropped or corrupted."""
    if isinstance(node, list):
        for item in node:
            _check_iris(item)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key in ("@id", "@type") and not ("@value" in node and key == "@type" and value == "@json"):
            for iri in value if isinstance(value, list) else [value]:
                if isinstance(iri, str) and _IRI_OK.match(iri) is None:
                    raise UnsafeDocumentError(
                        f"{iri!r} is not an absolute IRI; it would be silently dropped, so it is refused.")
        elif key != "@value":
            _check_iris(value)


def pyld_quads(document):
    """Quads from pyld itself (the reference path), in safe mode."""
    processor = JsonLdProcessor(on_property_dropped=_raise_dropped)
    options = {"documentLoader": document_loader, "base": None}
    try:
        expanded = processor.expand(document, dict(options))
        _check_iris(expanded)
        dataset = processor.to_rdf(expanded, dict(options))
    except UnknownContextError:
        raise
    except JsonLdError as error:
        cause = error
        while cause is not None:
            if isinstance(cause, UnsafeDocumentError | UnknownContextError):
                raise cause from None
            cause = cause.__cause__ or getattr(cause, "cause", None)
        raise UnsafeDocumentError(f"The credential is not valid JSON-LD: {error}") from None
    quads = []
    for graph, triples in dataset.items():
        graph_term = None
        if graph != "@default":
            graph_term = ("B", graph[2:]) if graph.startswith("_:") else ("I", graph)
        for triple in triples:
            quads.append((
                _convert_term(triple["subject"]),
                ("I", triple["predicate"]["value"]),
                _convert_term(triple["object"]),
                graph_term,
            ))
    return quads


def _shape(node, values):
    """The document with every string replaced by a numbered placeholder (strings go to values)."""
    if isinstance(node, dict):
        shaped = {}
        for key in sorted(node):
            value = node[key]
            shaped[key] = value if key in _VERBATIM_KEYS else _shape(value, values)
        return shaped
    if isinstance(node, list):
        return [_shape(item, values) for item in node]
    if isinstance(node, str):
        if node in defined_terms():
            return node  # a term (e.g. "assertionMethod") may expand through @vocab: part of the shape
        values.append(node)
        return _PLACEHOLDER + str(len(values) - 1)
    return node


class _Template:
    """Placeholder quads of one shape, and which placeholder sits in an IRI position."""

    __slots__ = ("quads", "iri_slots")

    def __init__(self, quads, iri_slots):
        self.quads = quads
        self.iri_slots = iri_slots


_UNSUPPORTED = object()
_templates = OrderedDict()
_lock = threading.Lock()


def _slot(value):
    if value.startswith(_PLACEHOLDER):
        rest = value[len(_PLACEHOLDER):]
        if rest.isdigit():
            return int(rest)
    if _PLACEHOLDER in value:
        raise ValueError("placeholder inside a larger value")
    return None


def _compile(shaped, count):
    quads = pyld_quads(shaped)
    compiled, iri_slots = [], set()
    try:
        for quad in quads:
            new_quad = []
            for term in quad:
                if term is None or term[0] == "B":
                    new_quad.append(term)
                    continue
                slot = _slot(term[1])
                if len(term) == 4 and term[2] and _PLACEHOLDER in term[2]:
                    return _UNSUPPORTED
                if slot is None:
                    new_quad.append(term)
                    continue
                if slot >= count:
                    return _UNSUPPORTED
                if term[0] == "I":
                    iri_slots.add(slot)
                new_quad.append((term[0], slot) + term[2:])
            compiled.append(tuple(new_quad))
    except ValueError:
        return _UNSUPPORTED
    return _Template(compiled, frozenset(iri_slots))


def _template_for(shaped, count):
    key = json.dumps(shaped, sort_keys=True, ensure_ascii=False)
    with _lock:
        found = _templates.get(key)
        if found is not None:
            _templates.move_to_end(key)
            return found
    try:
        template = _compile(shaped, count)
    except (UnsafeDocumentError, UnknownContextError):
        template = _UNSUPPORTED
    with _lock:
        _templates[key] = template
        while len(_templates) > _TEMPLATE_LIMIT:
            _templates.popitem(last=False)
    return template


def _fill(template, values):
    terms = defined_terms()
    for slot in template.iri_slots:
        value = values[slot]
        if _SAFE_IRI.match(value) is None or value.split(":", 1)[0] in terms:
            return None
    quads = []
    for quad in template.quads:
        filled = []
        for term in quad:
            if term is not None and term[0] != "B" and isinstance(term[1], int):
                term = (term[0], values[term[1]]) + term[2:]
            filled.append(term)
        quads.append(tuple(filled))
    return quads


def _check_strict(quads):
    for quad in quads:
        predicate, obj = quad[1][1], quad[2]
        undefined = predicate.startswith(ISSUER_DEPENDENT) or (
            predicate == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
            and obj[0] == "I" and obj[1].startswith(ISSUER_DEPENDENT)
        )
        if undefined:
            name = (obj[1] if predicate.endswith("#type") else predicate)[len(ISSUER_DEPENDENT):]
            raise UnsafeDocumentError(f"The term {name!r} is not defined by the credential's contexts.")


def to_quads(document, strict=False, fast=True):
    """The RDF quads of a JSON-LD document (a dict), refusing silently dropped properties."""
    if not isinstance(document, dict):
        raise UnsafeDocumentError("A credential must be a JSON object.")
    quads = None
    if fast:
        values = []
        shaped = _shape(document, values)
        template = _template_for(shaped, len(values))
        if template is not _UNSUPPORTED:
            quads = _fill(template, values)
    if quads is None:
        quads = pyld_quads(document)
    if strict:
        _check_strict(quads)
    return quads

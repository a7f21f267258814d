"""RDF Dataset Canonicalization (RDFC-1.0, W3C Recommendation 2024).

Quads are tuples ``(subject, predicate, object, graph)``; terms are tuples:
``("I", iri)``, ``("B", label)``, ``("L", value, datatype, language)``; ``graph`` is ``None`` for
the default graph. The output is the canonical N-Quads document as a string.

Literal and IRI escaping follow the canonical N-Quads form of RDFC-1.0 (control characters as
``\\uXXXX``, ``\\b \\t \\n \\f \\r \\" \\\\`` as ECHAR), the same as the W3C test suite and
``rdf-canonize``. Ordering is Unicode code point order, as the specification says.
"""
import hashlib
import itertools
import re
from functools import lru_cache

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

_LITERAL_ESCAPES = {code: "\\u%04X" % code for code in list(range(0x20)) + [0x7F]}
_LITERAL_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r",
                         0x22: '\\"', 0x5C: "\\\\"})
_LITERAL_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')
_IRI_ESCAPES = {code: "\\u%04X" % code for code in list(range(0x21)) + [ord(c) for c in '<>"{}|^`\\']}
_IRI_NEEDS_ESCAPE = re.compile(r'[\x00-\x20<>"{}|^`\\]')


class CanonicalizationError(ValueError):
    """The dataset is too complex to canonicalise within the allowed work (a poison graph)."""


def escape_literal(value):
    if _LITERAL_NEEDS_ESCAPE.search(value) is None:
        return value
    return value.translate(_LITERAL_ESCAPES)


def escape_iri(value):
    if _IRI_NEEDS_ESCAPE.search(value) is None:
        return value
    return value.translate(_IRI_ESCAPES)


@lru_cache(maxsize=8192)
def serialize_term(term):
    kind = term[0]
    if kind == "I":
        return "<" + escape_iri(term[1]) + ">"
    if kind == "B":
        return "_:" + term[1]
    text = '"' + escape_literal(term[1]) + '"'
    datatype, language = term[2], term[3]
    if datatype == RDF_LANGSTRING:
        return text + "@" + language if language else text
    if datatype and datatype != XSD_STRING:
        return text + "^^<" + escape_iri(datatype) + ">"
    return text


def _sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Issuer:
    """Identifier issuer: remembers the order in which it labelled blank nodes."""

    __slots__ = ("prefix", "issued")

    def __init__(self, prefix, issued=None):
        self.prefix = prefix
        self.issued = dict(issued) if issued else {}

    def issue(self, label):
        found = self.issued.get(label)
        if found is None:
            found = self.issued[label] = self.prefix + str(len(self.issued))
        return found

    def copy(self):
        return _Issuer(self.prefix, self.issued)


class _Canonicalizer:
    def __init__(self, quads, max_work_factor):
        self.quads = quads
        self.bnode_quads = {}
        # each quad pre-serialised: fixed text for IRIs and literals, labels for blank nodes
        self.serialized = {}
        for quad in quads:
            parts, has_blank = [], False
            for term in quad:
                if term is None:
                    continue
                if term[0] == "B":
                    has_blank = True
                    parts.append((term[1],))
                    bucket = self.bnode_quads.setdefault(term[1], [])
                    if not bucket or bucket[-1] is not quad:
                        bucket.append(quad)
                else:
                    parts.append(serialize_term(term))
            # a quad without blank nodes has one final line, whatever the labels
            self.serialized[quad] = parts if has_blank else " ".join(parts) + " .\n"
        self.canonical = _Issuer("c14n")
        self.first_degree = {}
        self.max_work_factor = max_work_factor
        self.remaining = None

    def line(self, quad, label_of):
        parts = self.serialized[quad]
        if isinstance(parts, str):
            return parts
        return " ".join(part if isinstance(part, str) else "_:" + label_of(part[0]) for part in parts) + " .\n"

    def hash_first_degree(self, label):
        cached = self.first_degree.get(label)
        if cached is None:
            lines = sorted(self.line(quad, lambda other, ref=label: "a" if other == ref else "z")
                           for quad in self.bnode_quads[label])
            cached = self.first_degree[label] = _sha256("".join(lines))
        return cached

    def hash_related(self, related, quad, issuer, position):
        if related in self.canonical.issued:
            ident = "_:" + self.canonical.issued[related]
        elif related in issuer.issued:
            ident = "_:" + issuer.issued[related]
        else:
            ident = self.hash_first_degree(related)
        text = position + ("<" + quad[1][1] + ">" if position != "g" else "") + ident
        return _sha256(text)

    def hash_n_degree(self, label, issuer):
        if self.remaining == 0:
            raise CanonicalizationError("The data is too complex to canonicalise safely.")
        self.remaining -= 1
        related_by_hash = {}
        for quad in self.bnode_quads[label]:
            for position, name in ((0, "s"), (2, "o"), (3, "g")):
                term = quad[position]
                if term is not None and term[0] == "B" and term[1] != label:
                    digest = self.hash_related(term[1], quad, issuer, name)
                    related_by_hash.setdefault(digest, []).append(term[1])
        data = []
        for digest in sorted(related_by_hash):
            data.append(digest)
            chosen_path, chosen_issuer = "", None
            for permutation in itertools.permutations(related_by_hash[digest]):
                issuer_copy, path, recursion, skip = issuer.copy(), "", [], False
                for related in permutation:
                    if related in self.canonical.issued:
                        path += "_:" + self.canonical.issued[related]
                    else:
                        if related not in issuer_copy.issued:
                            recursion.append(related)
                        path += "_:" + issuer_copy.issue(related)
                    if chosen_path and path > chosen_path:
                        skip = True
                        break
                if skip:
                    continue
                for related in recursion:
                    result_hash, result_issuer = self.hash_n_degree(related, issuer_copy)
                    path += "_:" + issuer_copy.issue(related) + "<" + result_hash + ">"
                    issuer_copy = result_issuer
                    if chosen_path and path > chosen_path:
                        skip = True
                        break
                if skip:
                    continue
                if not chosen_path or path < chosen_path:
                    chosen_path, chosen_issuer = path, issuer_copy
            data.append(chosen_path)
            issuer = chosen_issuer
        return _sha256("".join(data)), issuer

    def run(self):
        by_hash = {}
        for label in self.bnode_quads:
            by_hash.setdefault(self.hash_first_degree(label), []).append(label)
        shared = []
        for digest in sorted(by_hash):
            labels = by_hash[digest]
            if len(labels) > 1:
                shared.append(labels)
            else:
                self.canonical.issue(labels[0])
        if shared:
            count = sum(len(labels) for labels in shared)
            self.remaining = count ** self.max_work_factor
        for labels in shared:
            results = []
            for label in labels:
                if label in self.canonical.issued:
                    continue
                issuer = _Issuer("b")
                issuer.issue(label)
                results.append(self.hash_n_degree(label, issuer))
            for _digest, issuer in sorted(results, key=lambda result: result[0]):
                for existing in issuer.issued:
                    self.canonical.issue(existing)
        issued = self.canonical.issued
        lines = {self.line(quad, issued.__getitem__) for quad in self.quads}
        return "".join(sorted(lines))


def canonicalize(quads, max_work_factor=1):
    """Return the RDFC-1.0 canonical N-Quads of ``quads`` (duplicates count once)."""
    return _Canonicalizer(list(dict.fromkeys(quads)), max_work_factor).run()


def canonical_labels(quads):
    """Map each input blank node label to its canonical label (for tests and diagnostics)."""
    canon = _Canonicalizer(list(dict.fromkeys(quads)), 1)
    canon.run()
    return dict(canon.canonical.issued)

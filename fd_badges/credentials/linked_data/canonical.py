"""The canonical form (RDFC-1.0 N-Quads) of a JSON-LD document, the input of every signature."""
from .rdf import to_quads
from .rdfc import canonicalize


def canonical_nquads(document, strict=False, fast=True):
    """Canonical N-Quads of ``document`` with the shipped contexts (safe mode)."""
    return canonicalize(to_quads(document, strict=strict, fast=fast))

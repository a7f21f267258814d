"""The JSON-LD contexts credentials use, loaded from files shipped with the package (never fetched).

The files are copies of the published contexts (W3C Verifiable Credentials 2.0, 1EdTech Open
Badges 3.0.3, W3C DID 1.0, W3C Multikey 1.0), taken from the npm packages that also serve them
offline to the independent verifier in ``tests/badges/interop``.
"""
import json
from functools import cache
from importlib import resources

CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
DID_V1 = "https://www.w3.org/ns/did/v1"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"

FILES = {
    CREDENTIALS_V2: "credentials-v2.jsonld",
    OB_V3: "ob-v3p0-context-3.0.3.json",
    DID_V1: "did-v1.jsonld",
    MULTIKEY_V1: "multikey-v1.jsonld",
}


class UnknownContextError(ValueError):
    """A document refers to a context we do not ship; we never fetch one from the network."""


@cache
def context_document(url):
    """The parsed context document for ``url``."""
    try:
        name = FILES[url]
    except KeyError:
        raise UnknownContextError(f"Unknown JSON-LD context {url!r}: only {sorted(FILES)} are accepted.") from None
    text = resources.files("fd_badges.credentials.linked_data").joinpath("contexts", name).read_text(encoding="utf-8")
    return json.loads(text)


def document_loader(url, options=None):
    """A pyld document loader that serves the shipped contexts and refuses anything else."""
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": context_document(url),
    }


@cache
def defined_terms():
    """Every term name defined anywhere in the shipped contexts (including scoped contexts)."""
    names = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "@context" and isinstance(value, dict):
                    names.update(k for k in value if not k.startswith("@"))
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for url in FILES:
        walk(context_document(url))
    return frozenset(names)

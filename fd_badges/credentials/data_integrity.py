"""Data Integrity proofs with the ``eddsa-rdfc-2022`` cryptosuite (W3C VC Data Integrity EdDSA 1.0).

hashData = SHA-256(canonical proof configuration) || SHA-256(canonical unsecured document), both in
RDFC-1.0 canonical N-Quads; the Ed25519 signature of hashData, base58btc-multibase, is the
``proofValue``.
"""
import hashlib

from . import keys, multibase
from .linked_data.canonical import canonical_nquads

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"


class ProofError(ValueError):
    """Why a proof does not verify; ``code`` is stable, the message is for people."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def _iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _hash_data(document, proof_config, strict):
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    config = dict(proof_config)
    config["@context"] = document["@context"]
    config_hash = hashlib.sha256(canonical_nquads(config).encode("utf-8")).digest()
    doc_hash = hashlib.sha256(canonical_nquads(unsecured, strict=strict).encode("utf-8")).digest()
    return config_hash + doc_hash


def proof_options(signing_key, created, purpose="assertionMethod"):
    return {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": _iso(created),
        "verificationMethod": signing_key.verification_method,
        "proofPurpose": purpose,
    }


def sign(document, signing_key, created):
    """Return a copy of ``document`` with an ``eddsa-rdfc-2022`` proof (strict: only defined terms)."""
    options = proof_options(signing_key, created)
    signature = keys.sign_bytes(signing_key, _hash_data(document, options, strict=True))
    secured = dict(document)
    secured["proof"] = dict(options, proofValue=multibase.encode(signature))
    return secured


def verify(document, resolve_key=keys.find_key):
    """Check the proof of ``document``; return the signing key, or raise :class:`ProofError`."""
    proof = document.get("proof")
    if isinstance(proof, list):
        if len(proof) != 1:
            raise ProofError("proof_unsupported", "Only credentials with exactly one proof are accepted.")
        proof = proof[0]
    if not isinstance(proof, dict):
        raise ProofError("no_proof", "The credential has no proof (it is not signed).")
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        raise ProofError("proof_unsupported",
                         f"Only {PROOF_TYPE} proofs with the {CRYPTOSUITE} cryptosuite are accepted.")
    if proof.get("proofPurpose") != "assertionMethod":
        raise ProofError("proof_purpose", "The proof was not made for asserting a credential.")
    key = resolve_key(proof.get("verificationMethod"))
    if key is None:
        raise ProofError("unknown_key",
                         "The credential was signed with a key this issuer does not publish "
                         f"({proof.get('verificationMethod')!r}).")
    try:
        signature = multibase.decode(proof.get("proofValue"))
    except multibase.MultibaseError:
        raise ProofError("tampered", "The signature value is malformed.") from None
    options = {name: value for name, value in proof.items() if name != "proofValue"}
    if "@context" not in document:
        raise ProofError("not_a_credential", "The document has no @context.")
    if not keys.verify_bytes(key.public_key_multibase, signature, _hash_data(document, options, strict=False)):
        raise ProofError("tampered", "The signature does not match the content: the credential was altered.")
    return key

"""Issuer keys: Ed25519 generation, encryption at rest, rotation, and the did:web DID document.

The private key is kept only as a Fernet token (AES-128-CBC + HMAC-SHA256) whose key is derived
with HKDF-SHA256 from ``FD_BADGES_KEY_ENCRYPTION_SECRET`` (default: ``SECRET_KEY``). It is
decrypted in memory when signing and never leaves this module in clear.
"""
import base64
import secrets
import time
from functools import lru_cache

from cryptography.exceptions import InvalidSignature
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import DID_PATH, Issuer, SigningKey
from . import multibase
from .linked_data.context_loader import DID_V1, MULTIKEY_V1

_RAW = serialization.Encoding.Raw


class IssuerKeyError(LookupError):
    """No usable key (the issuer has none, or the key cannot be decrypted with this secret)."""


def _secret():
    secret = getattr(settings, "FD_BADGES_KEY_ENCRYPTION_SECRET", None) or settings.SECRET_KEY
    return secret.encode("utf-8") if isinstance(secret, str) else secret


@lru_cache(maxsize=8)
def _fernet(secret):
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"fd_badges.credentials.keys",
                   info=b"issuer private keys").derive(secret)
    return Fernet(base64.urlsafe_b64encode(derived))


def encrypt_private_key(raw):
    return _fernet(_secret()).encrypt(raw).decode("ascii")


def _decrypt(token):
    try:
        return _fernet(_secret()).decrypt(token.encode("ascii"))
    except InvalidToken:
        raise IssuerKeyError("The issuer key cannot be decrypted: FD_BADGES_KEY_ENCRYPTION_SECRET changed?") from None


@lru_cache(maxsize=32)
def _private_key(key_pk, token):
    return Ed25519PrivateKey.from_private_bytes(_decrypt(token))


def sign_bytes(signing_key, data):
    """Sign ``data`` with the key's private half (decrypted in memory)."""
    return _private_key(signing_key.pk, signing_key.encrypted_private_key).sign(data)


@lru_cache(maxsize=256)
def _public_key(multibase_text):
    return Ed25519PublicKey.from_public_bytes(multibase.decode_ed25519_public_key(multibase_text))


def verify_bytes(public_key_multibase, signature, data):
    try:
        _public_key(public_key_multibase).verify(signature, data)
    except InvalidSignature:
        return False
    return True


def public_key_object(public_key_multibase):
    return _public_key(public_key_multibase)


def private_key_object(signing_key):
    """The cryptography key object, for PyJWT (kept in memory only)."""
    return _private_key(signing_key.pk, signing_key.encrypted_private_key)


def _b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_int(number):
    return _b64url(number.to_bytes((number.bit_length() + 7) // 8, "big"))


def _new_rsa():
    """``(public JWK, encrypted private key)`` of a new RSA-2048 key (RS256, Open Badges' minimum)."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    numbers = private.public_key().public_numbers()
    der = private.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return {"kty": "RSA", "n": _b64url_int(numbers.n), "e": _b64url_int(numbers.e)}, encrypt_private_key(der)


def create_key(issuer, key_id=None):
    private = Ed25519PrivateKey.generate()
    raw_public = private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    raw_private = private.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    key_id = key_id or "key-" + timezone.now().strftime("%Y%m%d") + "-" + secrets.token_hex(4)
    rsa_jwk, rsa_private = _new_rsa()
    return SigningKey.objects.create(
        issuer=issuer, key_id=key_id,
        public_key_multibase=multibase.encode_ed25519_public_key(raw_public),
        encrypted_private_key=encrypt_private_key(raw_private),
        rsa_public_jwk=rsa_jwk, encrypted_rsa_private_key=rsa_private,
    )


def ensure_rsa(signing_key):
    """Give a key made before RS256 was offered its RSA twin (once; a concurrent caller's wins)."""
    if signing_key.encrypted_rsa_private_key or signing_key.compromised_at:
        return signing_key
    rsa_jwk, rsa_private = _new_rsa()
    SigningKey.objects.filter(pk=signing_key.pk, encrypted_rsa_private_key="").update(
        rsa_public_jwk=rsa_jwk, encrypted_rsa_private_key=rsa_private)
    signing_key.refresh_from_db(fields=["rsa_public_jwk", "encrypted_rsa_private_key"])
    forget_keys()
    return signing_key


@lru_cache(maxsize=32)
def _rsa_private_key(key_pk, token):
    return serialization.load_der_private_key(_decrypt(token), password=None)


def rsa_private_key_object(signing_key):
    return _rsa_private_key(signing_key.pk, ensure_rsa(signing_key).encrypted_rsa_private_key)


def ed25519_jwk(signing_key):
    """The Ed25519 public key as a JWK (RFC 8037)."""
    raw = multibase.decode_ed25519_public_key(signing_key.public_key_multibase)
    return {"kty": "OKP", "crv": "Ed25519", "x": _b64url(raw)}


_active_keys = {}


def active_key(issuer, cached=False):
    """The key new credentials are signed with (created on first use).

    With ``cached`` (the status list, read on every verification) the answer is kept for
    ``KEY_CACHE_SECONDS`` in this process; a rotation here forgets it at once. Credentials are
    always signed with the key the database names active now.
    """
    found = _active_keys.get(issuer.pk) if cached else None
    if found is not None and found[1] > time.monotonic():
        return found[0]
    key = issuer.keys.filter(retired_at__isnull=True, compromised_at__isnull=True).order_by("-created", "-id").first()
    key = key or create_key(issuer)
    _active_keys[issuer.pk] = (key, time.monotonic() + KEY_CACHE_SECONDS)
    return key


@transaction.atomic
def rotate(issuer, compromised=False):
    """Start signing with a new key. The old key stays published unless it is compromised."""
    Issuer.objects.select_for_update().get(pk=issuer.pk)
    now = timezone.now()
    update = {"retired_at": now}
    if compromised:
        update["compromised_at"] = now
    issuer.keys.filter(retired_at__isnull=True).update(**update)
    forget_keys()
    return create_key(issuer)


def withdraw(signing_key):
    """Mark a key compromised: it leaves the DID document and what it signed stops verifying."""
    SigningKey.objects.filter(pk=signing_key.pk).update(compromised_at=timezone.now(),
                                                       retired_at=signing_key.retired_at or timezone.now())
    forget_keys()


def published_keys(issuer):
    return list(issuer.keys.filter(compromised_at__isnull=True).order_by("created", "id"))


KEY_CACHE_SECONDS = 30
_found_keys = {}

# Each key is published three times: as a Multikey (``#<key_id>``, for Data Integrity proofs) and
# as two JsonWebKey verification methods for VC-JWTs: Ed25519 (``#<key_id>-jwk``, EdDSA) and its
# RSA twin (``#<key_id>-rs256``, RS256).
MULTIKEY, ED25519_JWK, RSA_JWK = "Multikey", "ed25519-jwk", "rsa-jwk"
SUFFIXES = {"-jwk": ED25519_JWK, "-rs256": RSA_JWK}


def method_id(signing_key, kind=MULTIKEY):
    suffix = {suffix_kind: suffix for suffix, suffix_kind in SUFFIXES.items()}.get(kind, "")
    return signing_key.verification_method + suffix


def _lookup(domain, key_id):
    return (SigningKey.objects.select_related("issuer")
            .filter(issuer__domain=domain, key_id=key_id, compromised_at__isnull=True).first())


def find_method(verification_method):
    """``(key, kind)`` of the published verification method a URL names, or ``(None, None)``.

    Answers are kept for ``KEY_CACHE_SECONDS`` in this process (verification is read-heavy); a key
    marked compromised stops verifying in other processes within that time, here at once.
    """
    if not isinstance(verification_method, str):
        return None, None
    cached = _found_keys.get(verification_method)
    if cached is not None and cached[1] > time.monotonic():
        return cached[0]
    did, _sep, fragment = verification_method.partition("#")
    if not did.startswith("did:web:") or not fragment:
        return None, None
    host, _sep, path = did[len("did:web:"):].partition(":")
    if path not in ("", ":".join(DID_PATH)):  # host-based, or path-based under /fd/badges/
        return None, None
    domain = host.replace("%3A", ":")
    found = (None, None)
    key = _lookup(domain, fragment)
    if key is not None:
        found = (key, MULTIKEY)
    else:
        for suffix, kind in SUFFIXES.items():
            if fragment.endswith(suffix) and (key := _lookup(domain, fragment[:-len(suffix)])) is not None:
                if kind != RSA_JWK or key.rsa_public_jwk:
                    found = (key, kind)
                break
    if len(_found_keys) > 1000:
        _found_keys.clear()
    _found_keys[verification_method] = (found, time.monotonic() + KEY_CACHE_SECONDS)
    return found


def find_key(verification_method):
    """The published Multikey a verification method URL names (Data Integrity proofs), or ``None``."""
    key, kind = find_method(verification_method)
    return key if kind == MULTIKEY else None


def forget_keys():
    _found_keys.clear()
    _active_keys.clear()


def verification_methods(key):
    """The key's published verification methods: the Multikey, then its JsonWebKey forms."""
    methods = [{"id": method_id(key), "type": "Multikey", "controller": key.issuer.did,
                "publicKeyMultibase": key.public_key_multibase},
               {"id": method_id(key, ED25519_JWK), "type": "JsonWebKey", "controller": key.issuer.did,
                "publicKeyJwk": ed25519_jwk(key)}]
    if key.rsa_public_jwk:
        methods.append({"id": method_id(key, RSA_JWK), "type": "JsonWebKey", "controller": key.issuer.did,
                        "publicKeyJwk": dict(key.rsa_public_jwk)})
    return methods


def did_document(issuer):
    """The DID document (public keys only) at ``/.well-known/did.json`` or, path-based, ``/fd/badges/did.json``."""
    methods = [method for key in published_keys(issuer) for method in verification_methods(key)]
    ids = [method["id"] for method in methods]
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": issuer.did,
        "verificationMethod": methods,
        "assertionMethod": ids,
        "authentication": [method["id"] for method in methods if method["type"] == "Multikey"],
    }


def controller_document(key, kind=MULTIKEY):
    """A verification method as a stand-alone document (what a verifier dereferences)."""
    method = next(method for method in verification_methods(key) if method["id"] == method_id(key, kind))
    return {"@context": [DID_V1, MULTIKEY_V1], **method}

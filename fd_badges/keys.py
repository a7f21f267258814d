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
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import multibase
from .linked_data.contexts import DID_V1, MULTIKEY_V1
from .models import DID_PATH, Issuer, SigningKey

_RAW = serialization.Encoding.Raw


class IssuerKeyError(LookupError):
    """No usable key (the issuer has none, or the key cannot be decrypted with this secret)."""


def _secret():
    secret = getattr(settings, "FD_BADGES_KEY_ENCRYPTION_SECRET", None) or settings.SECRET_KEY
    return secret.encode("utf-8") if isinstance(secret, str) else secret


@lru_cache(maxsize=8)
def _fernet(secret):
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"fd_badges.keys",
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


def create_key(issuer, key_id=None):
    private = Ed25519PrivateKey.generate()
    raw_public = private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    raw_private = private.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    key_id = key_id or "key-" + timezone.now().strftime("%Y%m%d") + "-" + secrets.token_hex(4)
    return SigningKey.objects.create(
        issuer=issuer, key_id=key_id,
        public_key_multibase=multibase.encode_ed25519_public_key(raw_public),
        encrypted_private_key=encrypt_private_key(raw_private),
    )


def active_key(issuer):
    """The key new credentials are signed with (created on first use)."""
    key = issuer.keys.filter(retired_at__isnull=True, compromised_at__isnull=True).order_by("-created", "-id").first()
    return key or create_key(issuer)


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


def find_key(verification_method):
    """The published key a verification method URL names, or ``None``.

    Answers are kept for ``KEY_CACHE_SECONDS`` in this process (verification is read-heavy); a key
    marked compromised stops verifying in other processes within that time, here at once.
    """
    if not isinstance(verification_method, str):
        return None
    cached = _found_keys.get(verification_method)
    if cached is not None and cached[1] > time.monotonic():
        return cached[0]
    did, _sep, key_id = verification_method.partition("#")
    if not did.startswith("did:web:") or not key_id:
        return None
    host, _sep, path = did[len("did:web:"):].partition(":")
    if path not in ("", ":".join(DID_PATH)):  # host-based, or path-based under /fd/badges/
        return None
    domain = host.replace("%3A", ":")
    key = (SigningKey.objects.select_related("issuer")
           .filter(issuer__domain=domain, key_id=key_id, compromised_at__isnull=True).first())
    if len(_found_keys) > 1000:
        _found_keys.clear()
    _found_keys[verification_method] = (key, time.monotonic() + KEY_CACHE_SECONDS)
    return key


def forget_keys():
    _found_keys.clear()


def did_document(issuer):
    """The DID document served at ``/.well-known/did.json`` or, path-based, ``/fd/badges/did.json``."""
    methods = [
        {
            "id": key.verification_method,
            "type": "Multikey",
            "controller": issuer.did,
            "publicKeyMultibase": key.public_key_multibase,
        }
        for key in published_keys(issuer)
    ]
    ids = [method["id"] for method in methods]
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": issuer.did,
        "verificationMethod": methods,
        "assertionMethod": ids,
        "authentication": ids,
    }


def controller_document(key):
    """A verification method as a stand-alone document (what a verifier dereferences)."""
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": key.verification_method,
        "type": "Multikey",
        "controller": key.issuer.did,
        "publicKeyMultibase": key.public_key_multibase,
    }

"""Verify a credential (JSON with a Data Integrity proof, or VC-JWT) and say exactly why not."""
import hashlib
import json
from collections import OrderedDict
from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _

from .credentials import data_integrity, status_list, vc_jwt
from .credentials.linked_data.context_loader import UnknownContextError
from .credentials.linked_data.rdf import UnsafeDocumentError
from .credentials.linked_data.rdfc import CanonicalizationError

MESSAGES = {
    "verified": _("Verified: this badge was issued by the issuer named in it, is unchanged, valid and not revoked."),
    "malformed": _("This is not a credential we can read (neither JSON nor a JSON Web Token)."),
    "not_a_credential": _("This is not an Open Badges credential (it lacks the credential types)."),
    "no_proof": _("The credential is not signed."),
    "proof_unsupported": _("The credential is signed with a method we do not support."),
    "proof_purpose": _("The credential's signature was not made to assert a credential."),
    "unknown_key": _("The credential was signed with a key this issuer does not publish (unknown or withdrawn key)."),
    "wrong_issuer": _("The credential was signed with a key of another issuer than the one named in it."),
    "tampered": _("The content does not match the signature: the credential was altered after it was issued."),
    "invalid_jsonld": _("The credential contains data that its contexts do not define."),
    "expired": _("The credential has expired."),
    "not_yet_valid": _("The credential is not valid yet."),
    "revoked": _("The issuer has revoked this credential."),
    "status_unavailable": _("The revocation status of this credential could not be checked."),
}


class VerificationFailure(Exception):
    def __init__(self, code, detail=""):
        super().__init__(detail or code)
        self.code = code
        self.detail = detail


def _parse_time(text, field):
    try:
        return datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        raise VerificationFailure("not_a_credential", f"{field} is not a date-time: {text!r}") from None


def _check_shape(credential):
    """The credential's parts we read must have the types the data model gives them."""
    types = credential.get("type")
    types = types if isinstance(types, list) else [types]
    if not all(isinstance(name, str) for name in types):
        raise VerificationFailure("not_a_credential", "type must be a string or a list of strings")
    if "VerifiableCredential" not in types or not ({"OpenBadgeCredential", "AchievementCredential"} & set(types)):
        raise VerificationFailure("not_a_credential", f"type is {credential.get('type')!r}")
    context = credential.get("@context")
    if not isinstance(context, list) or not context or not all(isinstance(item, str | dict) for item in context):
        raise VerificationFailure("not_a_credential", "@context must be a list of context URLs")
    if vc_jwt.issuer_id(credential) is None:
        raise VerificationFailure("not_a_credential", "issuer must be a URL or a profile with an id")
    for field in ("id", "name", "validFrom", "validUntil"):
        if field in credential and not isinstance(credential[field], str):
            raise VerificationFailure("not_a_credential", f"{field} must be a string")
    if not isinstance(credential.get("credentialSubject"), dict | list):
        raise VerificationFailure("not_a_credential", "credentialSubject must be an object")


def _check_issuer(credential, key):
    """The key that signed must be one the credential's own issuer publishes."""
    if key.issuer.did != vc_jwt.issuer_id(credential):
        raise VerificationFailure("wrong_issuer",
                                  f"signed by {key.issuer.did}, issuer is {vc_jwt.issuer_id(credential)!r}")


def _check_dates(credential, now):
    valid_from = credential.get("validFrom")
    if valid_from and _parse_time(valid_from, "validFrom") > now:
        raise VerificationFailure("not_yet_valid", f"validFrom {valid_from}")
    valid_until = credential.get("validUntil")
    if valid_until and _parse_time(valid_until, "validUntil") < now:
        raise VerificationFailure("expired", f"validUntil {valid_until}")


@lru_cache(maxsize=256)
def _status_list_number(path):
    """The list number of a status list path of ours, or ``None`` (the URL configuration is fixed)."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return int(match.kwargs["list_number"]) if match.view_name == "fd_badges:status_list" else None


def _local_status_list(url, signer):
    """The status list at ``url``, which must be one the signing issuer publishes (no query)."""
    parts = urlsplit(url)
    if parts.netloc != signer.domain:
        raise VerificationFailure("status_unavailable", f"status list {url} is not published here")
    list_number = _status_list_number(parts.path)
    if list_number is None:
        raise VerificationFailure("status_unavailable", f"no status list at {url}")
    return status_list.status_list_credential(signer, list_number)


_verified_lists = OrderedDict()


def _verified_bits(listing):
    """A status list's bits, its proof verified once per distinct signed content.

    Lists are re-read for every credential; the key is a digest of the whole signed document, so a
    list with any other content (a new revocation, a new signature) is verified again.
    """
    digest = hashlib.sha256(json.dumps(listing, sort_keys=True, separators=(",", ":")).encode("utf-8")).digest()
    bits = _verified_lists.get(digest)
    if bits is None:
        data_integrity.verify(listing)
        bits = status_list.decode(listing["credentialSubject"]["encodedList"])
        _verified_lists[digest] = bits
        while len(_verified_lists) > 64:
            _verified_lists.popitem(last=False)
    return bits


def _check_status(credential, signer):
    entries = credential.get("credentialStatus")
    if entries is None:
        return
    for entry in entries if isinstance(entries, list) else [entries]:
        if not isinstance(entry, dict) or entry.get("type") != "BitstringStatusListEntry":
            raise VerificationFailure("status_unavailable", "unsupported credentialStatus")
        if entry.get("statusPurpose") != status_list.PURPOSE:
            continue
        listing = _local_status_list(str(entry.get("statusListCredential", "")), signer)
        try:
            bits = _verified_bits(listing)
            revoked = status_list.bit(bits, int(entry.get("statusListIndex")))
        except (data_integrity.ProofError, status_list.StatusListError, ValueError, TypeError) as error:
            raise VerificationFailure("status_unavailable", str(error)) from None
        if revoked:
            raise VerificationFailure("revoked", entry.get("id", ""))


def verify(payload, now=None):
    """Return a dict: ``verified`` (bool), ``code``, ``message`` and what was found."""
    now = now or datetime.now(UTC)
    result = {"verified": False, "format": "jwt" if isinstance(payload, str) else "json"}
    try:
        if isinstance(payload, str):
            try:
                credential, key = vc_jwt.decode(payload.strip())
            except vc_jwt.JwtError as error:
                raise VerificationFailure(error.code, str(error)) from None
        elif isinstance(payload, dict):
            credential = payload
            _check_shape(credential)
            try:
                key = data_integrity.verify(credential)
            except data_integrity.ProofError as error:
                raise VerificationFailure(error.code, str(error)) from None
        else:
            raise VerificationFailure("malformed", "expected a JSON object or a JWT")
        _check_shape(credential)
        _check_issuer(credential, key)
        result.update(credential_id=credential.get("id"), issuer=key.issuer.did, key=key.verification_method,
                      name=credential.get("name"))
        _check_dates(credential, now)
        _check_status(credential, key.issuer)
    except VerificationFailure as failure:
        result.update(code=failure.code, message=str(MESSAGES[failure.code]), detail=failure.detail)
        return result
    except (UnsafeDocumentError, UnknownContextError, CanonicalizationError) as error:
        result.update(code="invalid_jsonld", message=str(MESSAGES["invalid_jsonld"]), detail=str(error))
        return result
    except (TypeError, AttributeError, KeyError, RecursionError) as error:  # a part of the wrong JSON type
        result.update(code="not_a_credential", message=str(MESSAGES["not_a_credential"]), detail=repr(error)[:200])
        return result
    result.update(verified=True, code="verified", message=str(MESSAGES["verified"]), detail="")
    return result

"""Bitstring Status List v1.0: one revocation bit per award, published as a signed credential.

Award ``pk`` N sits in list ``N // LIST_SIZE`` at index ``N % LIST_SIZE`` (no allocation table, no
race). Index 0 is the most significant bit of the first byte, as the specification says.
"""
import base64
import gzip

from django.core.cache import cache
from django.utils import timezone

from ..urls_helpers import absolute
from . import data_integrity, keys
from .linked_data.context_loader import CREDENTIALS_V2

LIST_SIZE = 131072  # 16 KB, the specification's minimum for herd privacy
PURPOSE = "revocation"


class StatusListError(ValueError):
    pass


def position(award_pk):
    return award_pk // LIST_SIZE, award_pk % LIST_SIZE


def list_url(issuer, list_number):
    return absolute(issuer, "fd_badges:status_list", list_number=list_number)


def status_entry(award, urls=None):
    """The award's ``credentialStatus``; ``urls`` (a dict) keeps list URLs already made for a batch."""
    list_number, index = position(award.pk)
    issuer = award.badge_class.issuer
    urls = {} if urls is None else urls
    if ("status_list", issuer.pk, list_number) not in urls:
        urls["status_list", issuer.pk, list_number] = list_url(issuer, list_number)
    url = urls["status_list", issuer.pk, list_number]
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": PURPOSE,
        "statusListIndex": str(index),
        "statusListCredential": url,
    }


def encode(revoked_indexes, size=LIST_SIZE):
    bits = bytearray(size // 8)
    for index in revoked_indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def decode(encoded_list):
    if not isinstance(encoded_list, str) or not encoded_list.startswith("u"):
        raise StatusListError("The status list is not base64url multibase.")
    text = encoded_list[1:]
    try:
        return gzip.decompress(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (ValueError, OSError, EOFError) as error:
        raise StatusListError(f"The status list cannot be decoded: {error}") from None


def bit(bitstring, index):
    if index < 0 or index // 8 >= len(bitstring):
        raise StatusListError("The status index is outside the status list.")
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))


def _cache_key(issuer, list_number, signing_key):
    return f"fd_badges:status:{issuer.pk}:{list_number}:{signing_key.key_id}"


def forget(issuer, list_number):
    keys.forget_keys()
    cache.delete(_cache_key(issuer, list_number, keys.active_key(issuer)))


def status_list_credential(issuer, list_number):
    """The signed BitstringStatusListCredential for one list (cached until the next revocation)."""
    signing_key = keys.active_key(issuer, cached=True)
    key = _cache_key(issuer, list_number, signing_key)
    found = cache.get(key)
    if found is not None:
        return found
    from ..models import Award

    first = list_number * LIST_SIZE
    revoked = (Award.objects.filter(badge_class__issuer=issuer, pk__gte=first, pk__lt=first + LIST_SIZE,
                                    revoked_at__isnull=False).values_list("pk", flat=True))
    url = list_url(issuer, list_number)
    now = timezone.now()
    document = {
        "@context": [CREDENTIALS_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer.did,
        "validFrom": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encode(pk - first for pk in revoked),
        },
    }
    signed = data_integrity.sign(document, signing_key, now)
    cache.set(key, signed, 300)
    return signed

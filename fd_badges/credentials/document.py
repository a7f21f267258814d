"""Build an Open Badges 3.0 ``OpenBadgeCredential`` for an award (1EdTech OB 3.0.3)."""
import copy
import hashlib
import secrets

from django.conf import settings
from django.utils import translation

from ..urls_helpers import absolute
from .linked_data.context_loader import CREDENTIALS_V2, OB_V3
from .status_list import status_entry

ESCO_DIGCOMP = "http://data.europa.eu/esco/concept-scheme/digcomp"


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def issuer_profile(issuer):
    profile = {"id": issuer.did, "type": ["Profile"], "name": issuer.name, "url": issuer.url}
    if issuer.email:
        profile["email"] = issuer.email
    if issuer.description:
        profile["description"] = issuer.description
    return profile


def image_url(badge_class):
    return absolute(badge_class.issuer, "fd_badges:class_image", slug=badge_class.slug)


def achievement(badge_class):
    issuer = badge_class.issuer
    page = absolute(issuer, "fd_badges:class_page", slug=badge_class.slug)
    data = {
        "id": page,
        "type": ["Achievement"],
        "achievementType": "Badge",
        "name": badge_class.name,
        "description": badge_class.description,
        "criteria": {"id": page, "narrative": badge_class.criteria},
        "image": {"id": image_url(badge_class), "type": "Image", "caption": badge_class.image_alt},
        "inLanguage": translation.get_language() or settings.LANGUAGE_CODE,
        "creator": issuer_profile(issuer),
    }
    alignments = []
    for item in badge_class.digcomp_alignment or []:
        code = str(item.get("code", "")).strip()
        if not code:
            continue
        alignments.append({
            "type": ["Alignment"],
            "targetName": item.get("name") or f"DigComp {code}",
            "targetUrl": ESCO_DIGCOMP,
            "targetFramework": "DigComp 2.2 (ESCO)",
            "targetCode": code,
        })
    if alignments:
        data["alignment"] = alignments
    return data


def identity(email, salt):
    digest = hashlib.sha256((email.strip().lower() + salt).encode("utf-8")).hexdigest()
    return {"type": "IdentityObject", "identityHash": "sha256$" + digest, "identityType": "emailAddress",
            "hashed": True, "salt": salt}


def unsigned_credential(award, language=None, parts=None):
    """The credential document of ``award`` before signing.

    ``parts``, a dict the caller keeps for one batch of awards, holds what awards of the same class
    share (the achievement, the issuer's profile, the status list's URL), so it is built once a batch.
    """
    badge_class = award.badge_class
    language = language or settings.LANGUAGE_CODE
    parts = {} if parts is None else parts
    with translation.override(language):
        key = ("achievement", badge_class.pk, language)
        if key not in parts:
            parts[key] = (achievement(badge_class), issuer_profile(badge_class.issuer))
        shared_achievement, profile = parts[key]
        subject = {"type": ["AchievementSubject"], "achievement": copy.deepcopy(shared_achievement)}
        if award.user.email:
            subject["identifier"] = [identity(award.user.email, secrets.token_hex(8))]
        credential = {
            "@context": [CREDENTIALS_V2, OB_V3],
            "id": f"urn:uuid:{award.uuid}",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": badge_class.name,
            "issuer": dict(profile),
            "validFrom": iso(award.awarded_at),
            "credentialSubject": subject,
            "credentialStatus": status_entry(award, parts),
        }
        if award.expires_at:
            credential["validUntil"] = iso(award.expires_at)
        evidence = [dict(item, type=["Evidence"]) for item in (award.evidence or []) if isinstance(item, dict)]
        if award.narrative:
            evidence.append({"type": ["Evidence"], "narrative": award.narrative})
        if evidence:
            credential["evidence"] = evidence
    return credential

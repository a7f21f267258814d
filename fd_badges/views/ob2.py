"""Open Badges 2.0 hosted verification: Issuer, BadgeClass and Assertion JSON-LD at their URLs."""
import hashlib

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from ..credentials import baking
from ..credentials.document import image_url, iso
from ..models import Award, BadgeClass, Issuer
from ..urls_helpers import absolute
from .common import json_ld

OB2_CONTEXT = "https://w3id.org/openbadges/v2"


def issuer_document(issuer):
    document = {"@context": OB2_CONTEXT, "type": "Issuer",
                "id": absolute(issuer, "fd_badges:ob2_issuer", pk=issuer.pk),
                "name": issuer.name, "url": issuer.url}
    if issuer.email:
        document["email"] = issuer.email
    if issuer.description:
        document["description"] = issuer.description
    return document


def badge_class_document(badge_class):
    issuer = badge_class.issuer
    document = {
        "@context": OB2_CONTEXT, "type": "BadgeClass",
        "id": absolute(issuer, "fd_badges:ob2_class", slug=badge_class.slug),
        "name": badge_class.name, "description": badge_class.description,
        "image": image_url(badge_class),
        "criteria": {"id": absolute(issuer, "fd_badges:class_page", slug=badge_class.slug),
                     "narrative": badge_class.criteria},
        "issuer": absolute(issuer, "fd_badges:ob2_issuer", pk=issuer.pk),
    }
    alignment = [{"targetName": item.get("name") or item.get("code"), "targetCode": item.get("code"),
                  "targetFramework": "DigComp 2.2", "targetUrl": "http://data.europa.eu/esco/concept-scheme/digcomp"}
                 for item in badge_class.digcomp_alignment or [] if item.get("code")]
    if alignment:
        document["alignment"] = alignment
    return document


def assertion_document(award):
    issuer = award.badge_class.issuer
    salt = award.uuid.hex[:16]
    email = (award.user.email if award.user else "") or ""
    document = {
        "@context": OB2_CONTEXT, "type": "Assertion",
        "id": absolute(issuer, "fd_badges:ob2_assertion", uuid=award.uuid),
        "recipient": {"type": "email", "hashed": True, "salt": salt,
                      "identity": "sha256$" + hashlib.sha256((email.lower() + salt).encode()).hexdigest()},
        "badge": absolute(issuer, "fd_badges:ob2_class", slug=award.badge_class.slug),
        "issuedOn": iso(award.awarded_at),
        "verification": {"type": "hosted"},
    }
    if award.expires_at:
        document["expires"] = iso(award.expires_at)
    if award.narrative:
        document["narrative"] = award.narrative
    return document


@require_GET
def issuer(request, pk):
    return json_ld(issuer_document(get_object_or_404(Issuer, pk=pk)))


@require_GET
def badge_class(request, slug):
    return json_ld(badge_class_document(get_object_or_404(BadgeClass.objects.select_related("issuer"), slug=slug)))


@require_GET
def assertion(request, uuid):
    award = get_object_or_404(Award.objects.select_related("badge_class__issuer", "user"), uuid=uuid)
    if award.is_revoked:
        return json_ld({"@context": OB2_CONTEXT, "id": absolute(award.badge_class.issuer, "fd_badges:ob2_assertion",
                                                               uuid=award.uuid),
                        "revoked": True, "revocationReason": award.revocation_reason}, status=410)
    return json_ld(assertion_document(award))


@require_GET
def baked_assertion(request, uuid, fmt):
    """The badge image baked for OB 2.0 backpacks: the hosted assertion's URL in the image."""
    award = get_object_or_404(Award.objects.select_related("badge_class__issuer"), uuid=uuid)
    if award.is_revoked:
        return json_ld({"revoked": True, "revocationReason": award.revocation_reason}, status=410)
    url = absolute(award.badge_class.issuer, "fd_badges:ob2_assertion", uuid=award.uuid)
    if fmt not in ("png", "svg"):
        return json_ld({"error": "unknown_format", "message": "Choose png or svg."}, status=404)
    png = baking.badge_png(award.badge_class)
    if fmt == "png":
        body, content_type = baking.bake_png(png, url, keyword=baking.OB2_PNG_KEYWORD), "image/png"
    else:
        body = baking.bake_svg(png, url, award.badge_class.image_alt, version=2, verify_url=url)
        content_type = "image/svg+xml"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="badge-{award.badge_class.slug}-ob2.{fmt}"'
    return response

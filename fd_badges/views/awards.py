"""The public page of an award, its downloads, the learner's own list, and revocation by staff."""
import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import awarding, sharing
from ..credentials import baking, keys, vc_jwt
from ..models import Award
from ..urls_helpers import absolute
from .common import json_error

FORMATS = {"json", "jwt", "png", "svg"}


def _award(uuid):
    return get_object_or_404(Award.objects.select_related("badge_class__issuer", "user"), uuid=uuid)


def linkedin_url(award):
    credential = award.credential or {}
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": award.badge_class.name,
        "organizationName": award.badge_class.issuer.name,
        "issueYear": award.awarded_at.year,
        "issueMonth": award.awarded_at.month,
        "certUrl": absolute(award.badge_class.issuer, "fd_badges:award_page", uuid=award.uuid),
        "certId": credential.get("id", str(award.uuid)),
    }
    if award.expires_at:
        params.update(expirationYear=award.expires_at.year, expirationMonth=award.expires_at.month)
    return "https://www.linkedin.com/profile/add?" + urlencode(params)


@require_GET
def award_page(request, uuid):
    award = _award(uuid)
    badge = award.badge_class
    page_url = absolute(badge.issuer, "fd_badges:award_page", uuid=award.uuid)
    context = {
        "award": award, "badge": badge, "issuer": badge.issuer, "page_url": page_url,
        "qr_svg": sharing.qr_svg(page_url, _("QR code of the address of this page")),
        "mailto_url": sharing.mailto_url(badge.name, badge.issuer.name, page_url),
        "credential_json": json.dumps(award.credential or {}, ensure_ascii=False, indent=2),
        "linkedin_url": linkedin_url(award),
        "formats": ["json", "jwt", "png", "svg"],
        "is_owner": request.user.is_authenticated and request.user.pk == award.user_id,
        "is_staff": request.user.is_authenticated and request.user.is_staff,
    }
    return render(request, "fd_badges/award_page.html", context, status=410 if award.is_revoked else 200)


class KeyWithdrawn(LookupError):
    """The key that signed the credential was withdrawn: only a deliberate reissue makes a new one."""


def export(award, fmt, algorithm=vc_jwt.EDDSA):
    """``(bytes_or_text, content_type)`` of the award's credential in ``fmt`` (json, jwt, png, svg).

    A JWT is signed with the same key as the credential's proof, never with another one: if that key
    was withdrawn (compromised), :class:`KeyWithdrawn` is raised.
    """
    credential = award.credential
    if fmt == "json":
        return json.dumps(credential, ensure_ascii=False, indent=2), "application/vc+ld+json"
    if fmt == "jwt":
        signing_key = keys.find_key(credential["proof"]["verificationMethod"])
        if signing_key is None:
            raise KeyWithdrawn(credential["proof"]["verificationMethod"])
        return vc_jwt.encode(credential, signing_key, algorithm), "application/vc+jwt"
    png = baking.badge_png(award.badge_class)
    if fmt == "png":
        return baking.bake_png(png, baking.credential_json(credential)), "image/png"
    return baking.bake_svg(png, baking.credential_json(credential), award.badge_class.image_alt), "image/svg+xml"


@require_GET
def award_download(request, uuid, fmt):
    if fmt not in FORMATS:
        return json_error(404, _("Unknown format: choose json, jwt, png or svg."), "unknown_format")
    award = _award(uuid)
    if award.is_revoked:
        return json_error(410, _("This badge has been revoked."), "revoked")
    if not award.credential:
        return json_error(409, _("This badge is still being signed: try again in a moment."), "not_signed")
    algorithm = request.GET.get("alg", vc_jwt.EDDSA)
    if algorithm not in vc_jwt.ALGORITHMS:
        return json_error(400, _("Unknown signing algorithm: choose RS256 or EdDSA."), "unknown_algorithm")
    try:
        body, content_type = export(award, fmt, algorithm)
    except KeyWithdrawn:
        return json_error(410, _("The key that signed this badge was withdrawn: the badge no longer verifies "
                                 "until the issuer reissues it."), "key_withdrawn")
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="badge-{award.badge_class.slug}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@login_required
@require_GET
def my_badges(request):
    awards = Award.objects.filter(user=request.user).select_related("badge_class__issuer")
    return render(request, "fd_badges/my_badges.html", {"awards": awards})


@login_required
@require_POST
def revoke_award(request, uuid):
    if not request.user.is_staff:
        return json_error(403, _("Only staff can revoke a badge."), "forbidden")
    award = _award(uuid)
    reason = (request.POST.get("reason") or "").strip()
    if not reason:
        return json_error(400, _("Give a reason for the revocation."), "reason_required")
    awarding.revoke(award, reason[:1000], by=request.user)
    return redirect(reverse("fd_badges:award_page", kwargs={"uuid": award.uuid}))

"""Public views: DID document, key documents, status lists, badge class pages, verification."""
import base64

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from fd_core import safe_json

from .. import badge_design
from ..credentials import baking, keys, status_list
from ..models import BadgeClass, Issuer
from ..verification import verify as verify_credential
from .common import issuer_for_host, json_error, json_ld


@require_GET
def did_json(request):
    """The host-based DID document (``/.well-known/did.json``); 404 when the DID is path-based."""
    if getattr(settings, "FD_BADGES_DID_PATH_BASED", False):
        raise Http404
    return _did_document(request)


@require_GET
def did_json_path_based(request):
    """The path-based DID document (``/fd/badges/did.json`` for did:web:<host>:fd:badges)."""
    if not getattr(settings, "FD_BADGES_DID_PATH_BASED", False):
        raise Http404
    return _did_document(request)


def _did_document(request):
    issuer = issuer_for_host(request)
    if issuer is None:
        return json_error(404, _("No badge issuer is configured for this site."), "no_issuer")
    response = json_ld(keys.did_document(issuer), content_type="application/did+ld+json")
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def key_document(request, pk, key_id):
    issuer = get_object_or_404(Issuer, pk=pk)
    key, kind = keys.find_method(f"{issuer.did}#{key_id}")
    if key is None:
        return json_error(404, _("This key is unknown or has been withdrawn."), "unknown_key")
    response = json_ld(keys.controller_document(key, kind))
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def status_list_view(request, list_number):
    issuer = issuer_for_host(request)
    if issuer is None:
        raise Http404
    response = json_ld(status_list.status_list_credential(issuer, list_number), content_type="application/vc+ld+json")
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def class_page(request, slug):
    badge_class = get_object_or_404(BadgeClass.objects.select_related("issuer"), slug=slug)
    return render(request, "fd_badges/class_page.html", {"badge": badge_class})


@require_GET
def class_image(request, slug):
    badge_class = get_object_or_404(BadgeClass, slug=slug)
    response = HttpResponse(baking.badge_png(badge_class), content_type="image/png")
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_GET
def class_image_svg(request, slug):
    """The designed image as SVG; a class with its own uploaded image sends that one (PNG) instead."""
    badge_class = get_object_or_404(BadgeClass, slug=slug)
    if badge_class.image:
        return class_image(request, slug)
    svg = badge_design.design_svg(badge_class, badge_class.image_alt or badge_class.name)
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=3600"
    return response


def _read_payload(request):
    """The credential the person sent: JSON, a JWT, or a baked PNG/SVG file. Raises ValueError."""
    upload = request.FILES.get("file")
    if upload is not None:
        data = upload.read()
        if data.startswith(b"\x89PNG"):
            return _parse_text(baking.unbake_png(data))
        text = data.decode("utf-8", errors="replace")
        if "<svg" in text[:2000]:
            return _parse_text(baking.unbake_svg(text))
        return _parse_text(text)
    if request.content_type in ("application/json", "application/ld+json", "application/vc+ld+json", "text/plain"):
        text = request.body.decode("utf-8", errors="replace")
    else:
        text = request.POST.get("credential", "")
    return _parse_text(text)


def _parse_text(text):
    text = (text or "").strip()
    if not text:
        raise ValueError(_("Paste a credential (JSON or JWT) or choose a badge file."))
    if text.startswith("{"):
        # Depth and size limits (fd_core.safe_json): a deeply nested body is a 400, not a RecursionError.
        document = safe_json.loads(text, max_bytes=settings.FD_BADGES_MAX_VERIFY_BYTES)
        if isinstance(document, dict) and isinstance(document.get("credential"), dict | str) \
                and "@context" not in document:
            return document["credential"]
        return document
    if text.count(".") == 2 and " " not in text:
        _check_jwt_nesting(text)
        return text
    raise ValueError(_("This is neither a JSON credential nor a JSON Web Token."))


def _check_jwt_nesting(token):
    """A JWT's header and payload are JSON too: refuse them nested too deeply before a decoder sees them."""
    for segment in token.split(".")[:2]:
        try:
            text = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)).decode("utf-8", errors="replace")
        except ValueError:
            continue  # not base64: the verifier says the token is malformed
        safe_json.check_depth(text)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def verify(request):
    """Anyone can POST a credential and learn whether it verifies, or exactly why not."""
    wants_json = "application/json" in request.headers.get("Accept", "") or request.content_type in (
        "application/json", "application/ld+json", "application/vc+ld+json", "text/plain")
    if request.method == "GET":
        return render(request, "fd_badges/verify.html", {})
    limit = settings.FD_BADGES_MAX_VERIFY_BYTES
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    message, status, result = None, 200, None
    if length > limit:
        message, status = _("The file is too large: at most %(size)d KB are accepted.") % {"size": limit // 1024}, 413
    else:
        try:
            payload = _read_payload(request)
            result = verify_credential(payload)
        except RequestDataTooBig:
            message, status = _("The file is too large: at most %(size)d KB are accepted.") % {
                "size": limit // 1024}, 413
        except UnicodeDecodeError:
            message, status = _("This file is not text, a PNG or an SVG badge image."), 400
        except (ValueError, baking.BakingError) as error:
            message, status = str(error), 400
    if wants_json:
        if result is None:
            return json_error(status, message, "too_large" if status == 413 else "bad_request")
        return json_ld(result, status=_status_of(result), content_type="application/json")
    status = status if result is None else _status_of(result)
    return render(request, "fd_badges/verify.html", {"result": result, "error": message}, status=status)


BAD_INPUT = {"malformed", "not_a_credential", "unknown_key", "invalid_jsonld", "no_proof", "proof_unsupported",
             "proof_purpose"}


def _status_of(result):
    """A credential that is not one (or names a key we never published) is bad input: 422.
    A real credential that fails (tampered, expired, revoked) is a valid answer: 200."""
    return 422 if result["code"] in BAD_INPUT else 200


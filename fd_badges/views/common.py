"""Helpers shared by the views: JSON errors people can read, and the issuer of the current host."""
from django.http import JsonResponse

from ..models import Issuer


def json_error(status, message, code="bad_request"):
    return JsonResponse({"error": code, "message": str(message)}, status=status,
                        json_dumps_params={"ensure_ascii": False})


def json_ld(document, status=200, content_type="application/ld+json"):
    return JsonResponse(document, status=status, content_type=content_type, safe=False,
                        json_dumps_params={"ensure_ascii": False, "indent": 2})


def issuer_for_host(request):
    host = request.get_host()
    return Issuer.objects.filter(domain=host).first() or (
        Issuer.objects.order_by("pk").first() if Issuer.objects.count() == 1 else None)

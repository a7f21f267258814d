"""How a person shares an award: the page's address, its QR code as inline SVG, an e-mail and LinkedIn."""
import segno
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _


def qr_svg(url, title):
    """An ``<svg>`` element of the QR code of ``url``; ``title`` is its accessible name."""
    qr = segno.make(url, error="m")
    svg = qr.svg_inline(scale=4, dark="#000", light="#fff", title=title, svgclass="fd-qr", lineclass=None)
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308  (segno escapes the title)


def mailto_url(badge_name, issuer_name, page_url):
    """A ``mailto:`` link with a subject and a body that say what the badge is and where to see it."""
    subject = _("My badge: %(badge)s") % {"badge": badge_name}
    body = _("I earned the badge \"%(badge)s\" from %(issuer)s. You can see and check it here: %(url)s") % {
        "badge": badge_name, "issuer": issuer_name, "url": page_url}
    return "mailto:?" + urlencode({"subject": subject, "body": body}).replace("+", "%20")

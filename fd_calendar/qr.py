"""The check-in QR code as inline SVG (segno: pure Python, no image library needed)."""

import segno
from django.utils.safestring import mark_safe


def qr_svg(url, title):
    """An ``<svg>`` element for the page; ``title`` is its accessible name."""
    qr = segno.make(url, error="m")
    svg = qr.svg_inline(scale=6, dark="#000", light="#fff", title=title, svgclass="fd-qr", lineclass=None)
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308  (segno escapes the title)

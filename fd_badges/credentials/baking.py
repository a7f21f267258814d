"""Baked badge images: the credential embedded in the PNG or SVG badge image (OB 3.0 and 2.0 baking)."""
import base64
import io
import json
from xml.sax.saxutils import escape, quoteattr

from django.utils.translation import gettext as _
from PIL import Image, PngImagePlugin

OB3_PNG_KEYWORD = "openbadgecredential"
OB2_PNG_KEYWORD = "openbadges"
OB3_SVG_NS = "https://purl.imsglobal.org/ob/v3p0"
OB2_SVG_NS = "http://openbadges.org"
SIZE = 400


class BakingError(ValueError):
    """A badge file we cannot read; its message is for the person who sent it (localised, plain words)."""


def default_image(badge_class):
    """The designed image (name, symbol of its DigComp area or course, level) when no image was uploaded."""
    from ..badge_design import design_png

    return design_png(badge_class)


def badge_png(badge_class):
    if badge_class.image:
        with badge_class.image.open("rb") as handle:
            data = handle.read()
        with Image.open(io.BytesIO(data)) as image:
            if image.format == "PNG":
                return data
            buffer = io.BytesIO()
            image.convert("RGBA").save(buffer, format="PNG")
            return buffer.getvalue()
    return default_image(badge_class)


def bake_png(png_bytes, payload, keyword=OB3_PNG_KEYWORD):
    """Return the PNG with ``payload`` (JSON text, JWT or URL) in an iTXt chunk ``keyword``."""
    with Image.open(io.BytesIO(png_bytes)) as image:
        info = PngImagePlugin.PngInfo()
        for key, value in image.text.items() if hasattr(image, "text") else ():
            if key not in (OB3_PNG_KEYWORD, OB2_PNG_KEYWORD):
                info.add_text(key, value)
        info.add_itxt(keyword, payload, zip=False)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


def unbake_png(png_bytes, keyword=OB3_PNG_KEYWORD):
    try:
        with Image.open(io.BytesIO(png_bytes)) as image:
            image.load()
            value = getattr(image, "text", {}).get(keyword)
    except (OSError, SyntaxError, ValueError):
        raise BakingError(_("This file is not a PNG image that can be opened: it may be damaged or cut short. "
                            "Download the badge image again and choose that file.")) from None
    if value is None:
        raise BakingError(_("This PNG image has no badge inside. Choose the image you downloaded from the "
                            "badge page, or paste the credential."))
    return str(value)


def bake_svg(png_bytes, payload, alt_text, version=3, verify_url=None):
    """An SVG badge: the image, its text alternative and the credential in the OB namespace."""
    picture = base64.b64encode(png_bytes).decode("ascii")
    if version == 3:
        namespace, element = OB3_SVG_NS, f"<openbadges:credential><![CDATA[{_cdata(payload)}]]></openbadges:credential>"
    else:
        namespace = OB2_SVG_NS
        element = (f"<openbadges:assertion verify={quoteattr(verify_url or '')}>"
                   f"<![CDATA[{_cdata(payload)}]]></openbadges:assertion>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="{namespace}" '
        f'xmlns:xlink="http://www.w3.org/1999/xlink" width="{SIZE}" height="{SIZE}" '
        f'viewBox="0 0 {SIZE} {SIZE}" role="img" aria-labelledby="title">\n'
        f"<title id=\"title\">{escape(alt_text)}</title>\n{element}\n"
        f'<image width="{SIZE}" height="{SIZE}" xlink:href="data:image/png;base64,{picture}"/>\n</svg>\n'
    )


def _cdata(text):
    return text.replace("]]>", "]]]]><![CDATA[>")


def unbake_svg(svg_text, version=3):
    import xml.etree.ElementTree as ElementTree  # noqa: S405 - parsing our own or user SVG, no DTDs

    if "<!DOCTYPE" in svg_text or "<!ENTITY" in svg_text:
        raise BakingError(_("This SVG image contains parts that are not accepted for safety. Choose the SVG "
                            "image you downloaded from the badge page."))
    try:
        root = ElementTree.fromstring(svg_text)  # noqa: S314
    except ElementTree.ParseError:
        raise BakingError(_("This file is not an SVG image that can be opened: it may be damaged or cut short. "
                            "Download the badge image again and choose that file.")) from None
    tag = f"{{{OB3_SVG_NS}}}credential" if version == 3 else f"{{{OB2_SVG_NS}}}assertion"
    found = root.find(tag)
    if found is None or not (found.text or "").strip():
        raise BakingError(_("This SVG image has no badge inside. Choose the image you downloaded from the "
                            "badge page, or paste the credential."))
    return found.text.strip()


def credential_json(credential):
    return json.dumps(credential, ensure_ascii=False, separators=(",", ":"))

"""The designed default image of a badge class, made from its data: its name, a symbol for its DigComp
area (or a book for a course), its level. The same design as SVG (for the page) and PNG (for baking)."""
import hashlib
import io
import textwrap
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont

SIZE = 400
# DigComp 2.2 areas: 1 information and data, 2 communication, 3 content creation, 4 safety, 5 problem solving.
AREA_COLOURS = {"1": (0, 94, 163), "2": (0, 121, 107), "3": (142, 36, 170), "4": (183, 28, 28), "5": (191, 81, 0)}


def area_of(badge_class):
    """"1".."5" from the first DigComp competence code, or "" for a course badge."""
    for item in badge_class.digcomp_alignment or []:
        code = str(item.get("code", "")) if isinstance(item, dict) else ""
        if code[:1] in AREA_COLOURS:
            return code[:1]
    return ""


def level_of(badge_class):
    for item in badge_class.digcomp_alignment or []:
        if isinstance(item, dict) and str(item.get("level", "")).isdigit():
            return int(item["level"])
    return 0


def colour_of(badge_class):
    area = area_of(badge_class)
    if area:
        return AREA_COLOURS[area]
    digest = hashlib.sha256(badge_class.slug.encode("utf-8")).digest()
    return (20 + digest[0] % 90, 50 + digest[1] % 80, 90 + digest[2] % 90)


def title_lines(name, width=16, most=3):
    lines = textwrap.wrap(name, width=width) or [""]
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1][: width - 1] + "…"
    return lines


# Each symbol: shapes in a 100x100 box centred at (200, 130): ("circle", cx, cy, r), ("line", x1, y1, x2, y2),
# ("poly", [x, y, ...]); drawn in white.
SYMBOLS = {
    "1": [("circle", 42, 42, 26), ("line", 61, 61, 88, 88)],  # a magnifier: searching data
    "2": [("poly", [8, 14, 92, 14, 92, 66, 40, 66, 20, 88, 24, 66, 8, 66])],  # a speech bubble
    "3": [("poly", [70, 8, 92, 30, 34, 88, 8, 92, 12, 66])],  # a pencil
    "4": [("poly", [50, 6, 90, 20, 86, 56, 50, 94, 14, 56, 10, 20])],  # a shield
    "5": [("circle", 50, 50, 30), ("line", 50, 4, 50, 96), ("line", 4, 50, 96, 50)],  # a cog-like wheel
    "": [("poly", [8, 16, 48, 24, 48, 90, 8, 82]), ("poly", [92, 16, 52, 24, 52, 90, 92, 82])],  # an open book
}


def _place(x, y):
    return 150 + x, 75 + y


def design_svg(badge_class, title):
    """An SVG document; ``title`` is its text alternative."""
    red, green, blue = colour_of(badge_class)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" viewBox="0 0 {SIZE} {SIZE}" '
        f'role="img" aria-labelledby="badge-title"><title id="badge-title">{escape(title)}</title>',
        f'<circle cx="200" cy="200" r="192" fill="rgb({red},{green},{blue})" stroke="#fff" stroke-width="10"/>',
        '<circle cx="200" cy="200" r="170" fill="none" stroke="#fff" stroke-width="3"/>',
        '<g fill="none" stroke="#fff" stroke-width="8" stroke-linejoin="round" stroke-linecap="round">',
    ]
    for shape in SYMBOLS[area_of(badge_class)]:
        if shape[0] == "circle":
            x, y = _place(shape[1], shape[2])
            parts.append(f'<circle cx="{x}" cy="{y}" r="{shape[3]}"/>')
        elif shape[0] == "line":
            (x1, y1), (x2, y2) = _place(shape[1], shape[2]), _place(shape[3], shape[4])
            parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>')
        else:
            points = " ".join(f"{150 + x},{75 + y}" for x, y in zip(shape[1][::2], shape[1][1::2], strict=True))
            parts.append(f'<polygon points="{points}"/>')
    parts.append("</g>")
    for index, line in enumerate(title_lines(badge_class.name)):
        parts.append(f'<text x="200" y="{232 + index * 34}" text-anchor="middle" fill="#fff" '
                     f'font-family="sans-serif" font-size="30" font-weight="bold">{escape(line)}</text>')
    level = level_of(badge_class)
    for index in range(level):
        x = 200 + (index - (level - 1) / 2) * 22
        parts.append(f'<circle cx="{x:g}" cy="345" r="7" fill="#fff"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def design_png(badge_class):
    colour = colour_of(badge_class)
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, SIZE - 8, SIZE - 8), fill=colour, outline=(255, 255, 255), width=10)
    draw.ellipse((30, 30, SIZE - 30, SIZE - 30), outline=(255, 255, 255), width=3)
    white = (255, 255, 255)
    for shape in SYMBOLS[area_of(badge_class)]:
        if shape[0] == "circle":
            x, y = _place(shape[1], shape[2])
            draw.ellipse((x - shape[3], y - shape[3], x + shape[3], y + shape[3]), outline=white, width=8)
        elif shape[0] == "line":
            draw.line((*_place(shape[1], shape[2]), *_place(shape[3], shape[4])), fill=white, width=8)
        else:
            points = [_place(x, y) for x, y in zip(shape[1][::2], shape[1][1::2], strict=True)]
            draw.polygon(points, outline=white, width=8)
    font = ImageFont.load_default(size=30)
    for index, line in enumerate(title_lines(badge_class.name)):
        draw.text((200, 222 + index * 34), line, fill=white, font=font, anchor="mm")
    level = level_of(badge_class)
    for index in range(level):
        x = 200 + (index - (level - 1) / 2) * 22
        draw.ellipse((x - 7, 338, x + 7, 352), fill=white)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()

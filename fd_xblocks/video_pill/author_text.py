"""Author text written as plain text: paragraphs and links, without markup.

A blank line starts a new paragraph, a single line break stays a line break, and a web address
becomes a link (Django's ``urlize``, the same one the template filter uses). The result is
sanitised by ``fd_core.sanitize.clean_html`` as any author HTML is.

Stored text is HTML. The editor shows it as plain text when writing that text back gives the
same HTML; otherwise (bold, lists, a link on other words) it shows the HTML, so that nothing an
author wrote is lost by opening and saving the editor.
"""
import re

import lxml.html
from django.utils.html import linebreaks, urlize

from fd_core.sanitize import clean_html

TEXT, HTML = "text", "html"
FORMATS = (TEXT, HTML)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# urlize links e-mail addresses too; the sanitiser drops their mailto: address, leaving an empty <a>.
LINK_WITHOUT_ADDRESS = re.compile(r'<a rel="noopener noreferrer">([^<]*)</a>')
BETWEEN_PARAGRAPHS = re.compile(r"</p>\s+<p>")
BLOCK_TAG = re.compile(r"<\s*(p|ul|ol|li|h3|h4|blockquote)\b", re.IGNORECASE)


def unix_line_ends(text):
    """``text`` with its line ends as browsers send them (CR LF) or as any client may (CR) made LF."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n")


def text_to_html(text):
    """Plain text -> sanitised HTML: one <p> per paragraph, <br> per line break, addresses as links."""
    text = unix_line_ends(text).strip()
    if not text:
        return ""
    paragraphs = ["\n".join(line.strip() for line in part.strip().split("\n"))
                  for part in PARAGRAPH_BREAK.split(text) if part.strip()]
    html = clean_html(linebreaks(urlize("\n\n".join(paragraphs), autoescape=True)))
    return BETWEEN_PARAGRAPHS.sub("</p><p>", LINK_WITHOUT_ADDRESS.sub(r"\1", html))


def _same_html(html):
    return BETWEEN_PARAGRAPHS.sub("</p><p>", clean_html(html).strip())


def _element_text(element):
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "br" else child.text_content())
        parts.append(child.tail or "")
    return "".join(parts)


def html_to_text(html):
    """HTML -> the plain text that writes it back, or None when plain text cannot hold it."""
    html = (html or "").strip()
    if not html:
        return ""
    try:
        fragments = lxml.html.fragments_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    paragraphs = []
    for fragment in fragments:
        if isinstance(fragment, str):
            paragraphs.append(fragment)
        elif fragment.tag == "p":
            paragraphs.append(_element_text(fragment))
        else:
            return None
        if fragment is not fragments[-1] and not isinstance(fragment, str) and (fragment.tail or "").strip():
            return None
    text = "\n\n".join(part.strip() for part in paragraphs if part.strip())
    written = _same_html(text_to_html(text))
    # Text stored without a paragraph around it reads the same once the editor wraps it in one.
    same = {_same_html(html)} | (set() if BLOCK_TAG.search(html) else {_same_html(f"<p>{html}</p>")})
    return text if written in same else None


def for_editor(html):
    """Stored HTML -> (the text the editor shows, its format)."""
    text = html_to_text(html)
    return (html or "", HTML) if text is None else (text, TEXT)


def from_editor(value, fmt):
    """What the editor posted -> the HTML to validate and store (``clean_html`` runs on it later)."""
    return value if fmt == HTML else text_to_html(value)

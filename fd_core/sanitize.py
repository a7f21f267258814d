"""Cleaning author text and checking URLs before they reach a page."""
from urllib.parse import urlsplit

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h3", "h4", "i", "li", "ol", "p",
    "span", "strong", "sub", "sup", "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "lang"}, "abbr": {"title"}, "span": {"lang"}, "p": {"lang"}}
URL_SCHEMES = {"http", "https"}


def clean_html(text):
    """Keep harmless formatting of author text and drop everything that could run script."""
    return nh3.clean(
        text or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def is_http_url(value, allow_relative=False):
    """True for an absolute http(s) URL with a host (or a site-relative path if allowed)."""
    if not isinstance(value, str) or not value.strip() or any(ch.isspace() for ch in value.strip()):
        return False
    parts = urlsplit(value.strip())
    if parts.scheme in URL_SCHEMES and parts.netloc:
        return True
    return allow_relative and not parts.scheme and not parts.netloc and value.startswith("/")

"""Template filters of fd_classroom."""

from django import template
from django.utils.safestring import mark_safe

from fd_core.sanitize import clean_html

register = template.Library()


@register.filter
def sanitised(value):
    """Author HTML from the tour snapshot, sanitised again with nh3 as it is rendered."""
    return mark_safe(clean_html(value if isinstance(value, str) else ""))  # noqa: S308  (nh3 output)


@register.filter
def letter(index):
    """0 -> A, 1 -> B, ... (option labels)."""
    return chr(ord("A") + int(index)) if 0 <= int(index) < 26 else str(index + 1)

"""Dates as people write them: "2 dicembre 2026" in Italian, "2 December 2026" in English.

Django's Italian catalogue capitalises month names in both the "F" and "E" formats ("2 Dicembre 2026"),
while Italian writes months in lower case; its DATE_FORMAT ("d F Y") also pads the day ("02").
"""
import datetime

from django import template
from django.utils import formats, timezone
from django.utils.translation import get_language

register = template.Library()


def long_date(value):
    """The day without padding, the month in words, the year; lower-case month in Italian."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    text = formats.date_format(value, "j E Y")
    return text.lower() if (get_language() or "").startswith("it") else text


register.filter("long_date", long_date)

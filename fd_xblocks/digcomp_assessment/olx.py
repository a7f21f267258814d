"""OLX import of the DigComp block: every attribute is read and checked before anything is stored.

::

    <fd_digcomp_assessment display_name="..." form="short|full" areas='["2", "4"]'
                           cohort="Oblate autunno" grade_mode="none|participation|score" weight="1.0"/>

``areas`` is a JSON list of area numbers (``[]``: all five). The values are then checked by the
same rules as the Studio editor's (``validate_field_data``); a broken attribute is refused with a
message that names it, never a parser's traceback.
"""
import json

from django.utils.translation import gettext as _

OWN_ATTRIBUTES = ("display_name", "form", "areas", "cohort", "grade_mode", "weight")


class OlxValueError(ValueError):
    """An attribute of the block's OLX that cannot be imported; the message says which and why."""


def _areas(text):
    try:
        value = json.loads(text) if text.strip() else []
    except ValueError:
        value = None
    if not isinstance(value, list) or not all(isinstance(a, str | int) and not isinstance(a, bool) for a in value):
        raise OlxValueError(_('The OLX attribute areas must be a JSON list of area numbers, such as ["2", "4"].'))
    return [str(a) for a in value]


def _weight(text):
    try:
        return float(text)
    except ValueError:
        raise OlxValueError(_("The OLX attribute weight must be a number from 0 to 100.")) from None


def parse_olx_values(attributes):
    """The block's own field values from its OLX attributes (only those present)."""
    values = {}
    for name in OWN_ATTRIBUTES:
        if name not in attributes:
            continue
        text = attributes[name]
        if name == "areas":
            values[name] = _areas(text)
        elif name == "weight":
            values[name] = _weight(text)
        else:
            values[name] = text
    return values

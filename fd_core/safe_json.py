"""Parse JSON from a request with limits, so that no body can crash a handler or an API.

Python's decoder recurses once per nesting level: ``{"a":{"a":...}}`` 50,000 deep ends in a
``RecursionError`` (a 500) instead of a clear 400. :func:`loads` measures the nesting first, in
one pass without recursion, and refuses a body that is too deep or too large with
:class:`JsonInputError` (a ``ValueError``), whose message is a translatable text for a person.

Every JSON entry point of the suite goes through here: the XBlocks' handlers
(:mod:`fd_core.xblock_json`), the REST APIs (:class:`fd_core.rest.SafeJSONParser`) and the badge
verification page.
"""
import json
import re

from .i18n import gettext as _

# Real requests of the suite nest at most ~6 levels (a credential with its proof); 64 is generous.
MAX_DEPTH = 64
# Handlers get small bodies (a progress report, the Studio editor with its caption files).
MAX_BYTES = 2_621_440

# What changes the nesting: brackets, and the quotes (with escapes) that open and close strings.
# One linear pass, whatever the input (a string-matching regex would backtrack on "\"\"\"...).
_TOKENS = re.compile(r'\\.|["\[\]{}]', re.DOTALL)


class JsonInputError(ValueError):
    """The body is not JSON we accept; ``str(error)`` says why, in the active language."""


def nesting_depth(text, limit=None):
    """The deepest nesting of ``[``/``{`` in JSON ``text`` (stops counting once past ``limit``)."""
    depth = deepest = 0
    in_string = False
    for match in _TOKENS.finditer(text):
        mark = match.group()
        if mark == '"':
            in_string = not in_string
        elif in_string or len(mark) == 2:
            continue
        elif mark in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if limit is not None and deepest > limit:
                    return deepest
        elif mark in "]}":
            depth -= 1
    return deepest


def loads(data, max_depth=MAX_DEPTH, max_bytes=MAX_BYTES):
    """``json.loads`` that raises :class:`JsonInputError` for bad, too deep or too large input.

    ``data`` may be ``bytes`` (decoded as UTF-8) or ``str``. Constants such as ``NaN`` and
    ``Infinity`` are refused: they are not JSON and no field of ours takes them.
    """
    if isinstance(data, bytes | bytearray):
        if len(data) > max_bytes:
            raise JsonInputError(too_large_message(max_bytes))
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise JsonInputError(_("The request body is not valid UTF-8 text.")) from None
    elif len(data) > max_bytes:
        raise JsonInputError(too_large_message(max_bytes))
    check_depth(data, max_depth)
    try:
        return json.loads(data, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise JsonInputError(_("The request body is not valid JSON (line %(line)s, column %(col)s).")
                             % {"line": error.lineno, "col": error.colno}) from None
    except RecursionError:  # pragma: no cover - the depth check comes first; kept as a last guard
        raise JsonInputError(_("The JSON is nested too deeply (at most %(depth)d levels).")
                             % {"depth": max_depth}) from None


def check_depth(text, max_depth=MAX_DEPTH):
    """Raise :class:`JsonInputError` if JSON ``text`` nests deeper than ``max_depth``."""
    if nesting_depth(text, max_depth) > max_depth:
        raise JsonInputError(_("The JSON is nested too deeply (at most %(depth)d levels).") % {"depth": max_depth})


def too_large_message(max_bytes):
    return _("The request body is too large (at most %(size)d KB).") % {"size": max_bytes // 1024}


def _refuse_constant(name):
    raise JsonInputError(_("%(name)s is not a JSON number.") % {"name": name})

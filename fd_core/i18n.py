"""fd_core's own messages, translated from ``fd_core/locale`` in the active Django language.

fd_core is plumbing, not a Django app, so Django does not find its catalogue by itself: it is read
here with :mod:`gettext`, and any message it lacks falls back to Django's catalogues.
"""
import gettext as gettext_module
from functools import lru_cache
from pathlib import Path

from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


@lru_cache(maxsize=16)
def _catalogue(language):
    try:
        return gettext_module.translation("django", localedir=str(LOCALE_DIR), languages=[language])
    except OSError:
        return None


def gettext(message):
    language = (translation.get_language() or "it").split("-")[0]
    catalogue = _catalogue(language)
    if catalogue is not None:
        translated = catalogue.gettext(message)
        if translated != message:
            return translated
    return translation.gettext(message)

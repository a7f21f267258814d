"""The XBlock services the LMS gives a block, built on Django and edx-completion."""
import gettext
import hashlib
import hmac
from functools import lru_cache
from importlib import resources

import django.utils.translation
from django.conf import settings
from xblock.reference.user_service import UserService, XBlockUser

from .models import AnonymousUserId


@lru_cache(maxsize=64)
def _block_catalogue(package, language):
    """The block package's own ``translations/<lang>/LC_MESSAGES/text.mo``, found as the LMS finds it."""
    try:
        localedir = resources.files(package) / "translations"
    except (ModuleNotFoundError, TypeError):
        return None
    try:
        return gettext.translation("text", localedir=str(localedir), languages=[language])
    except OSError:
        return None


class I18nService:
    """The LMS's ``ModuleI18nService``: a ``translator`` and ``strftime``, nothing else.

    The translator is the block package's own catalogue for the current language when it has
    one, else ``django.utils.translation``. Every other attribute is read from the translator
    (``ugettext`` is ``gettext``), so a name the translator lacks raises ``AttributeError`` as
    in the LMS: a catalogue has ``gettext``, ``ngettext``, ``pgettext``, ``npgettext`` but no
    ``get_language`` (use ``django.utils.translation.get_language()``).
    """

    def __init__(self, block=None):
        self.translator = django.utils.translation
        if block is not None:
            cls = getattr(block, "unmixed_class", type(block))
            language = django.utils.translation.get_language() or settings.LANGUAGE_CODE
            catalogue = _block_catalogue(cls.__module__.split(".")[0], django.utils.translation.to_locale(language))
            if catalogue is not None:
                self.translator = catalogue

    def __getattr__(self, name):
        if name == "translator":  # not set yet (during unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.translator, "gettext" if name == "ugettext" else name)

    def strftime(self, value, fmt):
        """A date in the current language's format (the LMS's ``strftime_localized``, for its formats)."""
        from django.utils import dateformat

        formats = {"SHORT_DATE": "SHORT_DATE_FORMAT", "LONG_DATE": "DATE_FORMAT",
                   "DATE_TIME": "DATETIME_FORMAT", "TIME": "TIME_FORMAT"}
        if fmt in formats:
            from django.utils.formats import get_format

            return dateformat.format(value, get_format(formats[fmt]))
        return value.strftime(fmt)


def anonymous_id_for(user, course_key):
    """A stable per-course anonymous id for a user (stored so that it can be resolved back)."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{user.pk}:{course_key}".encode(), hashlib.sha256
    ).hexdigest()[:32]
    AnonymousUserId.objects.get_or_create(anonymous_user_id=digest, defaults={"user": user, "course_key": course_key})
    return digest


class DjangoUserService(UserService):
    """The current Django user, with the ``edx-platform.*`` attributes that the LMS provides."""

    def __init__(self, user, course_key, is_staff=False, **kwargs):
        self._django_user = user
        self._course_key = course_key
        authenticated = bool(user is not None and user.is_authenticated)
        xblock_user = XBlockUser(
            is_current_user=True,
            emails=[user.email] if authenticated and user.email else [],
            full_name=(user.get_full_name() or user.username) if authenticated else None,
        )
        language = django.utils.translation.get_language() or settings.LANGUAGE_CODE
        xblock_user.opt_attrs.update({
            "edx-platform.is_authenticated": authenticated,
            "edx-platform.user_id": user.pk if authenticated else None,
            "edx-platform.username": user.username if authenticated else None,
            "edx-platform.user_is_staff": bool(is_staff),
            "edx-platform.user_role": "staff" if is_staff else "student",
            "edx-platform.anonymous_user_id": anonymous_id_for(user, course_key) if authenticated else None,
            "edx-platform.user_preferences": {"pref-lang": language},
        })
        super().__init__(user=xblock_user, **kwargs)

    def get_current_user(self):
        return self._user

    def get_anonymous_user_id(self, username, course_id):
        row = AnonymousUserId.objects.filter(user__username=username, course_key=course_id).first()
        return row.anonymous_user_id if row else None

    def get_user_by_anonymous_id(self, uid=None):
        row = AnonymousUserId.objects.select_related("user").filter(anonymous_user_id=uid).first()
        return row.user if row else None

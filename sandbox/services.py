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
    """Translate with the block's own catalogue first, then Django's (the LMS's XBlockI18nService)."""

    def __init__(self, block=None):
        cls = getattr(block, "unmixed_class", type(block)) if block is not None else None
        self._package = cls.__module__.split(".")[0] if cls is not None else None
        self._catalogues = {}

    def _catalogue(self):
        if not self._package:
            return None
        language = django.utils.translation.get_language() or settings.LANGUAGE_CODE
        if language not in self._catalogues:
            self._catalogues[language] = _block_catalogue(self._package, language)
        return self._catalogues[language]

    def gettext(self, message):
        catalogue = self._catalogue()
        if catalogue is not None:
            translated = catalogue.gettext(message)
            if translated != message:
                return translated
        return django.utils.translation.gettext(message)

    def ngettext(self, singular, plural, number):
        catalogue = self._catalogue()
        if catalogue is not None:
            translated = catalogue.ngettext(singular, plural, number)
            if translated not in (singular, plural):
                return translated
        return django.utils.translation.ngettext(singular, plural, number)

    def pgettext(self, context, message):
        catalogue = self._catalogue()
        if catalogue is not None:
            translated = catalogue.pgettext(context, message)
            if translated != message:
                return translated
        return django.utils.translation.pgettext(context, message)

    ugettext = gettext
    ungettext = ngettext

    def __getattr__(self, name):
        # As the LMS's service: anything else is the block catalogue's (a GNUTranslations), so
        # xblock.utils' {% trans %} can merge the block's strings into Django's catalogue.
        if name.startswith("__") or name in ("_package", "_catalogues"):
            raise AttributeError(name)
        catalogue = self._catalogue()
        if catalogue is None:
            raise AttributeError(name)
        return getattr(catalogue, name)

    def get_language(self):
        return django.utils.translation.get_language()

    def get_language_bidi(self):
        return django.utils.translation.get_language_bidi()

    def strftime(self, value, fmt):
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

"""Settings shared by the sandbox's demo and test sites.

Plugin apps are never listed here: they are found through their ``lms.djangoapp`` entry points
and configured by edx-django-utils, exactly as the LMS does it.
"""
import sys
from importlib.util import find_spec
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from edx_django_utils.plugins import get_plugin_apps

PROJECT_TYPE = "lms.djangoapp"
BASE_DIR = Path(__file__).resolve().parent.parent

# edx-completion's plugin config names an LMS grades signal; outside the LMS, the sandbox offers it.
if find_spec("lms") is None:
    sys.path.append(str(BASE_DIR / "lms_shim"))
REPO_DIR = BASE_DIR.parent
VAR_DIR = REPO_DIR / "var"

SECRET_KEY = "sandbox-only-secret-key-not-for-production"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver", "[::1]"]
SITE_ROOT_URL = "http://127.0.0.1:8000"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "waffle",
    "eventtracking.django.apps.EventTrackingConfig",
    "workbench",
    "sandbox",
]
# edx-completion registers itself as an LMS plugin app too: it arrives through its entry point.
INSTALLED_APPS += [app for app in get_plugin_apps(PROJECT_TYPE) if app not in INSTALLED_APPS]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Compressed pages, scripts and captions, as the LMS behind its web server sends them.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # As in the LMS: the current request for code that runs without it (a block's form token).
    "crum.CurrentRequestUserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "sandbox.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sandbox.context_processors.theme",
            ],
        },
    },
]
# The theme's stylesheets (URLs), linked after the sandbox's own on every page, as an Open edX
# theme's CSS would be: a stylesheet that sets Paragon's CSS variables restyles every page and block.
SANDBOX_THEME_STYLESHEETS = []
WSGI_APPLICATION = "sandbox.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"  # as in edx-platform

LANGUAGE_CODE = "it"
LANGUAGES = [("it", _("Italian")), ("en", _("English"))]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Rome"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEFAULT_FROM_EMAIL = "Firenze Digitale <noreply@firenzedigitale.example>"
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {"TITLE": "Firenze Digitale for Open edX", "VERSION": "0.1.0"}

EVENT_TRACKING_ENABLED = True
EVENT_TRACKING_BACKENDS = {"tracking_log": {"ENGINE": "sandbox.tracking.TrackingLogBackend", "OPTIONS": {}}}

# The XBlock workbench's runtime is the base of ours; it reads this dictionary.
WORKBENCH = {"reset_state_on_restart": False, "services": {}}
XBLOCK_SETTINGS = {}

# Where edx-platform-only hooks are answered (see fd_core.platform).
FD_PLATFORM_BACKEND = "sandbox.platform"
FD_COURSE_CONTENT_DIR = REPO_DIR / "course_content"

CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULE = {}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}


def finish(settings_module_name, settings_type):
    """Let every plugin app add its settings, as the LMS does after its own settings."""
    from edx_django_utils.plugins import add_plugins

    add_plugins(settings_module_name, PROJECT_TYPE, settings_type)

"""Build the ``plugin_app`` dictionary that edx-django-utils reads from an AppConfig.

The LMS and Studio discover our apps through the ``lms.djangoapp`` and ``cms.djangoapp``
entry points and read this dictionary for URLs, settings and signal receivers.
"""

LMS = "lms.djangoapp"
CMS = "cms.djangoapp"
SETTINGS_TYPES = ("common", "production", "devstack", "test")


def plugin_app_config(namespace, url_prefix, receivers=(), projects=(LMS, CMS), urls_module="urls"):
    """Return a ``plugin_app`` dict.

    The app's ``urls_module`` is mounted under ``/<url_prefix>/``; with ``url_prefix=""`` it is
    mounted at the site root (edx-django-utils then matches it with the regex ``^``), so an app
    can serve a fixed address such as ``/.well-known/did.json`` without an edit to the LMS's URLs.

    ``receivers`` is a sequence of ``(receiver_func_name, signal_path)`` pairs, looked up in the
    app's ``receivers`` module. Settings come from ``settings/<type>.py`` of the app, each with a
    ``plugin_settings(settings)`` function.
    """
    url_config = {
        project: {"namespace": namespace, "regex": rf"^{url_prefix}/" if url_prefix else r"^",
                  "relative_path": urls_module}
        for project in projects
    }
    settings_config = {
        project: {kind: {"relative_path": f"settings.{kind}"} for kind in SETTINGS_TYPES}
        for project in projects
    }
    signals_config = {
        project: {
            "relative_path": "receivers",
            "receivers": [
                {
                    "receiver_func_name": func_name,
                    "signal_path": signal_path,
                    "dispatch_uid": f"{namespace}.{func_name}",
                }
                for func_name, signal_path in receivers
            ],
        }
        for project in projects
    }
    return {"url_config": url_config, "settings_config": settings_config, "signals_config": signals_config}


def apply_defaults(settings, defaults):
    """Set each default on the settings module unless the operator already set it."""
    for name, value in defaults.items():
        if not hasattr(settings, name):
            setattr(settings, name, value)


def apply_env_tokens(settings, names):
    """In production the LMS reads its YAML into ``ENV_TOKENS``; let it override our settings."""
    tokens = getattr(settings, "ENV_TOKENS", None) or {}
    for name in names:
        if name in tokens:
            setattr(settings, name, tokens[name])

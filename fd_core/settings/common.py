"""fd_core's settings: the shared page needs ``fd_base_template`` in every Django template context."""

CONTEXT_PROCESSOR = "fd_core.context_processors.platform_page"


def plugin_settings(settings):
    """Add the context processor to each Django template engine of the LMS or Studio (once)."""
    for engine in getattr(settings, "TEMPLATES", []):
        if engine.get("BACKEND") != "django.template.backends.django.DjangoTemplates":
            continue
        processors = engine.setdefault("OPTIONS", {}).setdefault("context_processors", [])
        if CONTEXT_PROCESSOR not in processors:
            processors.append(CONTEXT_PROCESSOR)

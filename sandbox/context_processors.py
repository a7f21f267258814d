"""What the sandbox's header page needs in every template context."""
from django.conf import settings


def theme(request):
    """The theme's stylesheets (``SANDBOX_THEME_STYLESHEETS``), as an Open edX theme adds its own CSS."""
    return {"sandbox_theme_stylesheets": list(getattr(settings, "SANDBOX_THEME_STYLESHEETS", []))}

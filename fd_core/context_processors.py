"""Template context that every page of the suite needs, whatever app renders it."""
from fd_core.platform import platform


def platform_page(request):
    """``fd_base_template``: the platform's base page, which ``fd_core/page.html`` extends.

    In the LMS that is edx-platform's own Django base template (its header, footer and theme); in
    the sandbox, the sandbox's one header.
    """
    return {"fd_base_template": platform().base_template()}

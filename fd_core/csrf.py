"""Plain HTML forms inside an XBlock's view: the CSRF token, and the page a form may return to.

A block renders without the request, yet a form that posts to a handler must carry the token
the LMS checks for signed-in users. edx-platform and the sandbox both run django-crum's
``CurrentRequestUserMiddleware`` (django-crum comes with edx-django-utils), so the current request,
and with it Django's own token, is reachable here. Outside a request (a task, a test rendering a
block directly) there is no token to give: the form then only works with the block's script.
"""
from urllib.parse import urlsplit

from crum import get_current_request
from django.middleware.csrf import get_token


def form_token():
    request = get_current_request()
    return get_token(request) if request is not None else ""


def same_site_path(url, host=""):
    """``url``'s path and query when it points at this site (``host``, or any host when not given
    and ``url`` has none): where a form may send the learner back to; otherwise ""."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("", "http", "https") or "\\" in (url or ""):
        return ""
    if parts.netloc and (not host or parts.netloc != host):
        return ""
    if not parts.path.startswith("/") or parts.path.startswith("//"):
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "")
GRADE_MODES = ("none", "participation", "score")

"""The CSRF token for a plain HTML form inside an XBlock's view.

A block renders without the request, yet a form that posts to a handler must carry the token
the LMS checks for signed-in users. edx-platform and the sandbox both run django-crum's
``CurrentRequestUserMiddleware`` (django-crum comes with edx-django-utils), so the current request,
and with it Django's own token, is reachable here. Outside a request (a task, a test rendering a
block directly) there is no token to give: the form then only works with the block's script.
"""
from crum import get_current_request
from django.middleware.csrf import get_token


def form_token():
    request = get_current_request()
    return get_token(request) if request is not None else ""

"""A Django test client that passes CSRF the way the blocks' JavaScript does.

The sandbox's handler route checks CSRF for a signed-in user even when Django's test client
asks to skip it (as the LMS's ``handle_xblock_callback`` checks it for every session), so a
test client must hold a ``csrftoken`` cookie and send it back in the ``X-CSRFToken`` header,
as ``digcomp_assessment.js`` and ``video_pill.js`` do. Use ``Client()`` (plain Django) to test
that a request without the token is refused.
"""
from django.conf import settings
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.test import Client
from django.utils.crypto import get_random_string


class CsrfClient(Client):
    """Cookie ``csrftoken`` and header ``X-CSRFToken`` on every request; kept across logout."""

    def __init__(self, **defaults):
        self.csrf_token = get_random_string(CSRF_SECRET_LENGTH, allowed_chars=CSRF_ALLOWED_CHARS)
        super().__init__(HTTP_X_CSRFTOKEN=self.csrf_token, **defaults)
        self._set_csrf_cookie()

    def _set_csrf_cookie(self):
        self.cookies[settings.CSRF_COOKIE_NAME] = self.csrf_token

    def logout(self):
        super().logout()
        self._set_csrf_cookie()

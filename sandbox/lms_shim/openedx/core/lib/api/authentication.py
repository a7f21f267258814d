"""OAuth bearer tokens: the sandbox issues none, so this authentication never succeeds."""
from rest_framework.authentication import BaseAuthentication


class BearerAuthenticationAllowInactiveUser(BaseAuthentication):
    def authenticate(self, request):
        return None

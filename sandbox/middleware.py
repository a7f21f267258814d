"""The sandbox speaks the site's language (Italian) until a visitor picks another one."""


class SiteLanguageByDefaultMiddleware:
    """Ignore the browser's ``Accept-Language``: the language cookie (the header's switch) decides.

    Placed before Django's ``LocaleMiddleware``, which then falls back to ``LANGUAGE_CODE``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)

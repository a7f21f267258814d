"""The fixed lists a calendar session is described with: its kind, topics and access needs."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    WEBINAR = "webinar", _("Online webinar")
    IN_PERSON = "in_person", _("In person")
    POINT = "point", _("At a facilitation point")
    BUS = "bus", _("On the mobile library bus")


class Topic(models.TextChoices):
    SPID = "spid", _("SPID")
    CIE = "cie", _("CIE (electronic identity card)")
    PAGOPA = "pagopa", _("pagoPA")
    APP_IO = "app_io", _("App IO")
    HEALTH_RECORD = "health_record", _("Health record (Fascicolo sanitario)")
    EMAIL = "email", _("E-mail")
    ONLINE_SAFETY = "online_safety", _("Online safety")
    OPEN_DATA = "open_data", _("Open data")


class Access(models.TextChoices):
    STEP_FREE = "step_free", _("Step-free access")
    INDUCTION_LOOP = "induction_loop", _("Induction loop")
    SIGN_LANGUAGE = "sign_language", _("Sign-language interpreting")


def parse_list(value, choices):
    """A comma-separated stored list back to the values still known to ``choices`` (in their order)."""
    given = {item.strip() for item in (value or "").split(",")}
    return [code for code in choices.values if code in given]


def labels(codes, choices):
    names = dict(choices.choices)
    return [names[code] for code in codes if code in names]

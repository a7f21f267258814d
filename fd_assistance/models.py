"""One-to-one help at facilitation points: opening hours, closures, help desks and bookings.

The facilitation points themselves live in fd_progress (they are counted there); the models here
name them by string, ``"fd_progress.FacilitationPoint"``, and never import fd_progress's models.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

POINT = "fd_progress.FacilitationPoint"


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class HelpDesk(models.Model):
    """How a point offers one-to-one help: its slot length and the facilitators who work there.

    A point without a help desk row uses ``FD_ASSISTANCE_SLOT_MINUTES`` and is open to every
    facilitator.

    .. pii: links facilitators (user ids) to the points where they work
    .. pii_types: id
    .. pii_retirement: local_api
    """

    point = models.OneToOneField(POINT, verbose_name=_("facilitation point"), on_delete=models.CASCADE,
                                 related_name="help_desk")
    slot_minutes = models.PositiveSmallIntegerField(
        _("minutes per slot"), null=True, blank=True, validators=[MinValueValidator(10), MaxValueValidator(240)],
        help_text=_("Empty: the site's default (FD_ASSISTANCE_SLOT_MINUTES)."),
    )
    facilitators = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("facilitators"), blank=True,
                                          related_name="+")

    class Meta:
        verbose_name = _("help desk")
        verbose_name_plural = _("help desks")

    def __str__(self):
        return str(self.point)


class OpeningHours(models.Model):
    """One range of a point's weekly opening hours (a day may have several).

    .. no_pii:
    """

    point = models.ForeignKey(POINT, verbose_name=_("facilitation point"), on_delete=models.CASCADE,
                              related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day of the week"), choices=Weekday.choices)
    start = models.TimeField(_("opens at"))
    end = models.TimeField(_("closes at"))

    class Meta:
        ordering = ["point", "weekday", "start"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.start:%H:%M}-{self.end:%H:%M}"

    def clean(self):
        if self.start is not None and self.end is not None and self.start >= self.end:
            raise ValidationError({"end": _("The closing time must come after the opening time.")})


class Closure(models.Model):
    """Days a point is closed (holidays, a move), from ``first_day`` to ``last_day`` included.

    .. no_pii:
    """

    point = models.ForeignKey(POINT, verbose_name=_("facilitation point"), on_delete=models.CASCADE,
                              related_name="closures")
    first_day = models.DateField(_("first day closed"))
    last_day = models.DateField(_("last day closed"))
    reason = models.CharField(_("reason"), max_length=150, blank=True)

    class Meta:
        ordering = ["point", "first_day"]
        verbose_name = _("closure")
        verbose_name_plural = _("closures")

    def __str__(self):
        return f"{self.point} {self.first_day}–{self.last_day}"

    def clean(self):
        if self.first_day and self.last_day and self.first_day > self.last_day:
            raise ValidationError({"last_day": _("The last day cannot come before the first day.")})


class Topic(models.TextChoices):
    SPID = "spid", _("SPID (digital identity)")
    CIE = "cie", _("CIE (electronic identity card)")
    PAGOPA = "pagopa", _("pagoPA (paying the public administration)")
    APP_IO = "app_io", _("App IO")
    HEALTH_RECORD = "health_record", _("Electronic health record")
    EMAIL = "email", _("E-mail")
    ONLINE_SAFETY = "online_safety", _("Online safety")
    OPEN_DATA = "open_data", _("Open data")
    OTHER = "other", _("Something else")


def new_cancel_token():
    return secrets.token_urlsafe(32)


class Booking(models.Model):
    """A citizen's slot of one-to-one help at a point: a signed-in user or a guest.

    ``active_slot`` equals ``start`` while the booking holds its slot and is NULL once cancelled:
    the unique (point, active_slot) gives each slot to one booking (MariaDB has no partial
    indexes; its unique indexes allow many NULLs).

    .. pii: a signed-in person's user id, or a guest's first name, phone number and/or e-mail;
       the free text of what they need help with; the facilitator who marked it done
    .. pii_types: id, name, phone_number, email_address, other
    .. pii_retirement: local_api, retained
    """

    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        CANCELLED = "cancelled", _("Cancelled")
        DONE = "done", _("Done")
        NO_SHOW = "no_show", _("Did not come")

    # CASCADE, not PROTECT: fd_progress decides alone whether a point may go (its assistance logs,
    # which hold the hours of bookings done, protect it); the bookings of a point that goes, go too.
    point = models.ForeignKey(POINT, verbose_name=_("facilitation point"), on_delete=models.CASCADE,
                              related_name="bookings")
    start = models.DateTimeField(_("starts at"), db_index=True)
    end = models.DateTimeField(_("ends at"))
    active_slot = models.DateTimeField(null=True, blank=True, editable=False)
    topic = models.CharField(_("help with"), max_length=16, choices=Topic.choices)
    details = models.CharField(_("in a few words"), max_length=200, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+")
    first_name = models.CharField(_("first name"), max_length=60, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), max_length=190, blank=True)
    consent = models.BooleanField(_("consent to keep the contact"), default=False)
    guest_erased_at = models.DateTimeField(null=True, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.BOOKED,
                              db_index=True)
    minutes_spent = models.PositiveSmallIntegerField(_("minutes spent"), null=True, blank=True)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", editable=False)
    cancel_token = models.CharField(max_length=64, unique=True, default=new_cancel_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start", "id"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        permissions = [("facilitate", _("Can see a point's agenda and mark bookings done"))]
        constraints = [
            models.UniqueConstraint(fields=["point", "active_slot"], name="fd_assistance_slot_once"),
        ]

    def __str__(self):
        return f"{self.point_id} {timezone.localtime(self.start):%Y-%m-%d %H:%M} ({self.status})"

    def save(self, *args, **kwargs):
        self.active_slot = self.start if self.status != self.Status.CANCELLED else None
        super().save(*args, **kwargs)

    @property
    def is_guest(self):
        return self.user_id is None

    @property
    def person_name(self):
        if self.user_id:
            return self.user.get_full_name() or self.user.get_username()
        return self.first_name

    @property
    def contact(self):
        return "" if self.user_id else (self.phone or self.email)

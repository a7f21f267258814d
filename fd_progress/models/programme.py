"""What happens outside the LMS: facilitation points, training sessions, one-to-one help."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def source_field(help_text):
    """Which other app's record this row was made from, unique, so that recording it again is a no-op."""
    return models.CharField(
        _("recorded from"), max_length=64, null=True, blank=True, unique=True, editable=False, help_text=help_text)


class FacilitationPoint(models.Model):
    """A place where facilitators help citizens one to one (a library, a district office, a bus).

    .. no_pii:
    """

    name = models.CharField(_("name"), max_length=150, unique=True)
    district = models.CharField(_("district"), max_length=100, blank=True, db_index=True)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    weekly_hours = models.DecimalField(
        _("weekly hours of one-to-one help"),
        max_digits=5,
        decimal_places=1,
        default=24,
        validators=[MinValueValidator(0), MaxValueValidator(168)],
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("facilitation point")
        verbose_name_plural = _("facilitation points")

    def __str__(self):
        return self.name


class TrainingSession(models.Model):
    """A training session ("uscita"): online, in person or a webinar, with its attendance.

    .. no_pii:
    """

    class Kind(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("In person")
        WEBINAR = "webinar", _("Webinar")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    date = models.DateField(_("date"), db_index=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    partner = models.CharField(_("partner"), max_length=100, blank=True)
    district = models.CharField(_("district"), max_length=100, blank=True)
    school = models.CharField(_("school"), max_length=100, blank=True)
    facilitation_point = models.ForeignKey(
        FacilitationPoint,
        verbose_name=_("facilitation point"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    head_count = models.PositiveIntegerField(
        _("people without an account"),
        default=0,
        help_text=_("People who attended without an account, counted by the facilitator."),
    )
    source = source_field(_("Set when the session comes from another app, e.g. a class tour of the city tour."))

    class Meta:
        ordering = ["-date", "id"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")

    def __str__(self):
        return f"{self.date} {self.title}"

    @property
    def effective_district(self):
        if self.district:
            return self.district
        return self.facilitation_point.district if self.facilitation_point_id else ""


class SessionAttendance(models.Model):
    """A registered user who attended a training session.

    .. pii: links a user to a session they attended
    .. pii_types: id
    .. pii_retirement: local_api
    """

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="attendances")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="fd_progress_attendance_once")
        ]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")

    def __str__(self):
        return f"{self.session_id}/{self.user_id}"


class AssistanceLog(models.Model):
    """Hours of one-to-one assistance given at a facilitation point on one day.

    .. no_pii:
    """

    facilitation_point = models.ForeignKey(
        FacilitationPoint,
        verbose_name=_("facilitation point"),
        on_delete=models.PROTECT,
        related_name="assistance",
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(24 * 7)],
    )
    people = models.PositiveIntegerField(_("people helped"), default=0)
    source = source_field(
        _("Set when the hours come from another app, e.g. a booking marked done at a facilitation point."))

    class Meta:
        ordering = ["-date", "id"]
        verbose_name = _("assistance log")
        verbose_name_plural = _("assistance logs")

    def __str__(self):
        return f"{self.facilitation_point} {self.date}: {self.hours} h"

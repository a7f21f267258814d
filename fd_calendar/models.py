"""Calendar sessions people can find and register for, their registrations and check-ins."""

import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import Access, Kind, Topic, parse_list


def _cancel_token():
    return secrets.token_urlsafe(24)


class CalendarSession(models.Model):
    """A training session of the public programme (a webinar, in person, at a point, on the bus).

    ``sequence`` grows on every edit (iCalendar SEQUENCE), so calendars update the event instead
    of adding a second one; a cancelled session stays in the feeds with STATUS:CANCELLED.

    .. no_pii:
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.IN_PERSON)
    topics = models.CharField(_("topics"), max_length=200, blank=True, help_text=_("Comma-separated codes."))
    district = models.CharField(_("district"), max_length=100, blank=True, db_index=True)
    access = models.CharField(_("access needs met"), max_length=100, blank=True,
                              help_text=_("Comma-separated codes."))
    facilitation_point = models.ForeignKey(
        "fd_progress.FacilitationPoint", verbose_name=_("facilitation point"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="calendar_sessions",
    )
    place = models.CharField(_("place"), max_length=200, blank=True, help_text=_("Address or room."))
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveIntegerField(_("seats"), default=20,
                                           validators=[MinValueValidator(1), MaxValueValidator(1000)])
    what_to_bring = models.TextField(_("what to bring"), blank=True)
    webinar_url = models.URLField(_("webinar link"), blank=True,
                                  help_text=_("Shown only to people registered for the session."))
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    cancelled = models.BooleanField(_("cancelled"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("calendar session")
        verbose_name_plural = _("calendar sessions")
        permissions = [("run_session", _("Can run a calendar session: check-in code and head count"))]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        edited = self.pk is not None
        if edited:  # in the database, so two edits at once both count
            self.sequence = models.F("sequence") + 1
        super().save(*args, **kwargs)
        if edited:
            self.refresh_from_db(fields=["sequence"])

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The session must end after it starts.")})
        if self.webinar_url and not self.webinar_url.lower().startswith(("https://", "http://")):
            raise ValidationError({"webinar_url": _("Only http(s) links are accepted.")})

    @property
    def topic_codes(self):
        return parse_list(self.topics, Topic)

    @property
    def access_codes(self):
        return parse_list(self.access, Access)


class Registration(models.Model):
    """A seat (or a place on the waiting list) for a signed-in user or a citizen without an account.

    A guest gives only a first name and a phone number or an e-mail address, with consent; guest
    registrations are erased ``FD_CALENDAR_GUEST_RETENTION_DAYS`` after the session ended.

    .. pii: the user, or a guest's first name, phone number and e-mail address
    .. pii_types: id, name, phone_number, email_address
    .. pii_retirement: local_api, retained
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    session = models.ForeignKey(CalendarSession, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+")
    guest_name = models.CharField(_("first name"), max_length=60, blank=True)
    guest_phone = models.CharField(_("phone"), max_length=20, blank=True)
    guest_email = models.EmailField(_("e-mail"), max_length=191, blank=True)
    consent = models.BooleanField(_("consent given"), default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CONFIRMED)
    # Confirmed registrations hold seat 1..capacity; the unique pair makes a seat go to one person.
    seat_number = models.PositiveIntegerField(null=True, blank=True)
    cancel_token = models.CharField(max_length=40, unique=True, default=_cancel_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    promotion_mailed_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["session", "seat_number"], name="fd_calendar_one_person_a_seat"),
            models.UniqueConstraint(fields=["session", "user"], name="fd_calendar_user_once_a_session"),
        ]

    def __str__(self):
        return f"{self.session_id}: {self.display_name} ({self.status})"

    @property
    def is_guest(self):
        return self.user_id is None

    @property
    def display_name(self):
        if self.user_id:
            return self.user.get_full_name() or self.user.get_username()
        return self.guest_name

    @property
    def email(self):
        return self.user.email if self.user_id else self.guest_email


class CheckIn(models.Model):
    """A registered person who checked in at a session (by the rotating code or the facilitator).

    .. pii: links a user to a session they attended
    .. pii_types: id
    .. pii_retirement: local_api
    """

    session = models.ForeignKey(CalendarSession, on_delete=models.CASCADE, related_name="check_ins")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    checked_in_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="fd_calendar_check_in_once")]

    def __str__(self):
        return f"{self.session_id}/{self.user_id}"


class HeadCount(models.Model):
    """People without an account the facilitator added to a session's head count.

    .. no_pii:
    """

    session = models.ForeignKey(CalendarSession, on_delete=models.CASCADE, related_name="head_counts")
    people = models.PositiveIntegerField(validators=[MinValueValidator(1), MaxValueValidator(500)])
    added_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.session_id}: +{self.people}"

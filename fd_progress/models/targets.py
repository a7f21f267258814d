"""Public targets of the programme, their milestones and their daily snapshots."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ..metrics import Metric, ScopeType


class Target(models.Model):
    """A promise such as "5,000 people reached by December" for one metric in one scope.

    .. no_pii:
    """

    title_it = models.CharField(_("title (Italian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    metric = models.CharField(_("metric"), max_length=32, choices=Metric.choices)
    scope_type = models.CharField(
        _("scope"), max_length=16, choices=ScopeType.choices, default=ScopeType.PROGRAMME
    )
    scope_value = models.CharField(
        _("scope value"),
        max_length=191,
        blank=True,
        help_text=_("Which organisation, course, partner, district, facilitation point or school."),
    )
    period_start = models.DateField(_("start of the period"))
    deadline = models.DateField(_("deadline"))
    goal = models.DecimalField(_("goal"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)])
    is_public = models.BooleanField(_("shown on the public page"), default=False)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self):
        return self.title

    @property
    def title(self):
        return self.title_en if (get_language() or "it").startswith("en") and self.title_en else self.title_it

    @property
    def scope_key(self):
        value = "" if self.scope_type == ScopeType.PROGRAMME else self.scope_value
        return (self.metric, self.scope_type, value)

    def clean(self):
        errors = {}
        if self.period_start and self.deadline and self.deadline <= self.period_start:
            errors["deadline"] = _("The deadline must come after the start of the period.")
        if self.scope_type != ScopeType.PROGRAMME and not (self.scope_value or "").strip():
            errors["scope_value"] = _("Say which %(scope)s this target is about.") % {
                "scope": ScopeType(self.scope_type).label.lower()
            }
        if errors:
            raise ValidationError(errors)


class Milestone(models.Model):
    """An intermediate value the target should reach by a date.

    .. no_pii:
    """

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("date"))
    value = models.DecimalField(
        _("value"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["target", "date"], name="fd_progress_milestone_once_a_day")
        ]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return f"{self.date}: {self.value}"


class TargetSnapshot(models.Model):
    """Where a target stood at the end of a day, with the forecast made that day.

    .. no_pii:
    """

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="snapshots")
    day = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=2)
    forecast = models.DecimalField(max_digits=14, decimal_places=2)
    status = models.CharField(max_length=16)

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["target", "day"], name="fd_progress_snapshot_once_a_day")
        ]

    def __str__(self):
        return f"{self.target_id} {self.day}: {self.value} ({self.status})"

"""Database models of fd_assessment: attempts and their answers, anonymous statistics counters,
and the catalogue of learning resources tagged with DigComp competences."""
from django.conf import settings
from django.db import models
from opaque_keys.edx.django.models import CourseKeyField, UsageKeyField


class Attempt(models.Model):
    """One person's questionnaire, frozen to the questionnaire version it started with.

    .. pii: the person's answers and results (self-assessed digital competences), linked to the user.
    .. pii_types: id, other
    .. pii_retirement: local_api
    """

    OPEN = "open"
    COMPLETED = "completed"
    STATUSES = [(OPEN, "open"), (COMPLETED, "completed")]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    course_key = CourseKeyField(max_length=255, null=True, blank=True)
    usage_key = UsageKeyField(max_length=255, null=True, blank=True)
    cohort = models.CharField(max_length=64, blank=True, default="")
    version = models.CharField(max_length=16)
    language = models.CharField(max_length=8)
    form = models.CharField(max_length=8)
    areas = models.CharField(max_length=16, blank=True, default="")
    status = models.CharField(max_length=12, choices=STATUSES, default=OPEN)
    started = models.DateTimeField(auto_now_add=True)
    completed = models.DateTimeField(null=True, blank=True)
    attempt_number = models.PositiveIntegerField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "status"], name="fd_assess_user_status")]
        ordering = ["-started", "-id"]

    def __str__(self):
        return f"Attempt {self.pk} ({self.status})"

    @property
    def area_list(self):
        return [area for area in self.areas.split(",") if area]


class Answer(models.Model):
    """An answer as the person gave it, saved at once so an attempt can be resumed.

    .. pii: the chosen option of one question, linked to a person through the attempt.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    item_id = models.CharField(max_length=48)
    value = models.CharField(max_length=8)
    answered = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["attempt", "item_id"], name="fd_assess_one_answer")]

    def __str__(self):
        return f"{self.item_id}={self.value}"


class LevelCounter(models.Model):
    """How many completed attempts reached each level, kept up to date when an attempt completes.

    ``dimension`` is a competence id ("4.2"), an area ("a4") or "all"; ``kind`` is "first" for a
    person's first attempt in that course (or on the standalone page) and "retake" for later ones.

    .. no_pii: anonymous counts only; they stay when a person is retired.
    """

    course = models.CharField(max_length=191, blank=True, default="")
    period = models.CharField(max_length=7)
    cohort = models.CharField(max_length=64, blank=True, default="")
    dimension = models.CharField(max_length=8)
    kind = models.CharField(max_length=8)
    level8 = models.PositiveSmallIntegerField()
    count = models.PositiveIntegerField(default=0)
    score_sum = models.FloatField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(
            fields=["course", "period", "cohort", "dimension", "kind", "level8"], name="fd_assess_level_cell")]

    def __str__(self):
        return f"{self.course or '-'} {self.period} {self.dimension} {self.kind} L{self.level8}: {self.count}"


class GrowthCounter(models.Model):
    """Sum of score changes between a person's first attempt and each retake, per dimension.

    .. no_pii: anonymous sums only; they stay when a person is retired.
    """

    course = models.CharField(max_length=191, blank=True, default="")
    period = models.CharField(max_length=7)
    cohort = models.CharField(max_length=64, blank=True, default="")
    dimension = models.CharField(max_length=8)
    count = models.PositiveIntegerField(default=0)
    delta_sum = models.FloatField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(
            fields=["course", "period", "cohort", "dimension"], name="fd_assess_growth_cell")]

    def __str__(self):
        return f"{self.course or '-'} {self.period} {self.dimension}: {self.count}"


class LearningResource(models.Model):
    """A published block (video pill, ...) that trains a DigComp competence, from XBLOCK_PUBLISHED.

    .. no_pii: course content only.
    """

    usage_key = UsageKeyField(max_length=191)
    course_key = CourseKeyField(max_length=191, db_index=True)
    competence_id = models.CharField(max_length=8, db_index=True)
    display_name = models.CharField(max_length=255)
    block_type = models.CharField(max_length=64)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["usage_key", "competence_id"], name="fd_assess_resource")]
        ordering = ["competence_id", "course_key", "display_name"]

    def __str__(self):
        return f"{self.competence_id}: {self.display_name}"

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


class StatsCell(models.Model):
    """Anonymous running totals of completed attempts for one group, updated when an attempt completes.

    A group is a course ("" for the standalone page), a month ("2026-11") and a cohort; "*" in any
    of the three is the total over all of them, so every statistics query reads a handful of rows
    whatever the number of attempts. ``kind`` is "first" (a person's first attempt in that place)
    or "retake". ``levels`` maps a dimension (competence "4.2", area "a4" or "all") to the counts of
    levels 1-8; ``score_sums`` to the sum of scores; ``growth`` (retakes) to ``[n, sum of score
    changes since the first attempt]``.

    .. no_pii: anonymous totals only; they stay when a person is retired.
    """

    ANY = "*"

    course = models.CharField(max_length=191, blank=True, default="")
    period = models.CharField(max_length=7)
    cohort = models.CharField(max_length=64, blank=True, default="")
    kind = models.CharField(max_length=8)
    attempts = models.PositiveIntegerField(default=0)
    levels = models.JSONField(default=dict)
    score_sums = models.JSONField(default=dict)
    growth = models.JSONField(default=dict)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["course", "period", "cohort", "kind"], name="fd_assess_cell")]

    def __str__(self):
        return f"{self.course or '-'} {self.period} {self.cohort or '-'} {self.kind}: {self.attempts}"


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

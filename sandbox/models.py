"""What the LMS keeps and the sandbox must keep too: learner state, courses, enrollments, grades."""
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from opaque_keys.edx.django.models import CourseKeyField, UsageKeyField


class XBlockFieldValue(models.Model):
    """One XBlock field value for one scope (the LMS's StudentModule and modulestore in one table).

    .. pii: learner state of XBlocks (answers, positions) when ``user_id`` is set
    .. pii_types: other
    .. pii_retirement: local_api
    """

    scope = models.CharField(max_length=32)
    block_scope_id = models.CharField(max_length=255)
    user_id = models.CharField(max_length=64, blank=True, default="")
    field_name = models.CharField(max_length=64)
    value = models.JSONField(null=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "block_scope_id", "user_id", "field_name"], name="sandbox_field_value_unique"
            )
        ]


class Course(models.Model):
    """A course read from OLX in ``course_content/``.

    .. no_pii:
    """

    course_key = CourseKeyField(max_length=190, unique=True)
    display_name = models.CharField(max_length=255)
    language = models.CharField(max_length=16, default="it")
    source_dir = models.CharField(max_length=255)
    pass_mark = models.FloatField(default=0.5)

    def __str__(self):
        return self.display_name


class CourseBlock(models.Model):
    """A block of a course's tree (course, chapter, sequential, vertical or a leaf XBlock).

    .. no_pii:
    """

    course = models.ForeignKey(Course, related_name="blocks", on_delete=models.CASCADE)
    usage_key = UsageKeyField(max_length=190, unique=True)
    block_type = models.CharField(max_length=64)
    display_name = models.CharField(max_length=255, blank=True)
    parent = models.ForeignKey("self", null=True, related_name="children", on_delete=models.CASCADE)
    position = models.PositiveIntegerField(default=0)
    has_score = models.BooleanField(default=False)
    weight = models.FloatField(default=1.0)

    class Meta:
        ordering = ["position"]


class CourseEnrollment(models.Model):
    """A learner's enrollment in a course.

    .. pii: who is enrolled where
    .. pii_types: id
    .. pii_retirement: local_api
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    course = models.ForeignKey(Course, on_delete=models.CASCADE)
    mode = models.CharField(max_length=32, default="audit")
    is_active = models.BooleanField(default=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="sandbox_enrollment_unique")]


class CourseAccessRole(models.Model):
    """Course staff roles (the LMS's ``student_courseaccessrole``).

    .. no_pii:
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    course_key = CourseKeyField(max_length=190)
    role = models.CharField(max_length=32, default="staff")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key", "role"], name="sandbox_access_role_unique")
        ]


class BlockScore(models.Model):
    """The latest score a block published for a learner.

    .. pii: a learner's scores
    .. pii_types: other
    .. pii_retirement: local_api
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    usage_key = UsageKeyField(max_length=190)
    course_key = CourseKeyField(max_length=190, db_index=True)
    earned = models.FloatField()
    possible = models.FloatField()
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "usage_key"], name="sandbox_block_score_unique")]


class CourseGrade(models.Model):
    """A learner's course grade, recomputed whenever a block score changes.

    .. pii: a learner's course grade
    .. pii_types: other
    .. pii_retirement: local_api
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    course = models.ForeignKey(Course, on_delete=models.CASCADE)
    percent = models.FloatField(default=0.0)
    passed = models.BooleanField(default=False)
    passed_at = models.DateTimeField(null=True, blank=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="sandbox_course_grade_unique")]


class AnonymousUserId(models.Model):
    """Per-course anonymous ids handed to XBlocks, as the LMS does.

    .. pii: maps an anonymous id to a user
    .. pii_types: id
    .. pii_retirement: local_api
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    anonymous_user_id = models.CharField(max_length=32, unique=True)
    course_key = CourseKeyField(max_length=190)


class TrackingLogEntry(models.Model):
    """Events that blocks publish, kept as the LMS's tracking log would.

    .. pii: the learner's interactions
    .. pii_types: other
    .. pii_retirement: local_api
    """

    name = models.CharField(max_length=128, db_index=True)
    event = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    usage_key = UsageKeyField(max_length=190, null=True)
    user_id = models.IntegerField(null=True, db_index=True)
    time = models.DateTimeField(auto_now_add=True)

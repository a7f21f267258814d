"""Schools, approved teachers, and the classes they lead with the pupils' nicknames and answers.

Nothing personal is stored about pupils: a pupil is a generated nickname and a random token
kept in a signed cookie on their device. A class and everything in it is deleted after
``FD_CLASSROOM_RETENTION_DAYS`` or when the teacher deletes it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class School(models.Model):
    """A school of the programme, chosen by the teacher when a class starts.

    .. no_pii:
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    code = models.CharField(_("school code"), max_length=20, blank=True, help_text=_("The ministry's school code."))
    district = models.CharField(_("district"), max_length=100, blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")

    def __str__(self):
        return self.name


class TeacherRole(models.Model):
    """A teacher approved by the programme's staff to lead class tours (without course staff rights).

    .. pii: links a user account to the teacher role and their school
    .. pii_types: id
    .. pii_retirement: local_api
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="fd_teacher_role", verbose_name=_("user")
    )
    school = models.ForeignKey(
        School, null=True, blank=True, on_delete=models.SET_NULL, related_name="teachers", verbose_name=_("school")
    )
    approved = models.BooleanField(_("approved"), default=True)
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        verbose_name = _("teacher")
        verbose_name_plural = _("teachers")

    def __str__(self):
        return str(self.user)


class ClassSession(models.Model):
    """One class tour: the tour's snapshot, the teacher's current scene, pointer and question.

    ``version`` grows with every change the pupils must see, so their screens poll it cheaply.

    .. pii: links the teacher's user id to a class they led (deleted with the class)
    .. pii_types: id
    .. pii_retirement: local_api
    """

    class Status(models.TextChoices):
        LIVE = "live", _("Live")
        ENDED = "ended", _("Ended")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(max_length=8, unique=True)
    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    course_key = models.CharField(max_length=191)
    usage_key = models.CharField(max_length=255)
    school = models.ForeignKey(School, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    tour = models.JSONField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.LIVE)
    version = models.PositiveIntegerField(default=1)
    scene_id = models.CharField(max_length=64, blank=True)
    pointed_id = models.CharField(max_length=64, blank=True)
    paused = models.BooleanField(default=False)
    question_id = models.CharField(max_length=130, blank=True)
    asked_ids = models.JSONField(default=list)
    created = models.DateTimeField(auto_now_add=True)
    code_expires_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    delete_after = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("class tour")
        verbose_name_plural = _("class tours")

    def __str__(self):
        return f"{self.code} ({self.get_status_display()})"

    @property
    def is_live(self):
        return self.status == self.Status.LIVE


class Pupil(models.Model):
    """A device in a class: a generated nickname and the hash of a random token. No personal data.

    .. no_pii:
    """

    session = models.ForeignKey(ClassSession, on_delete=models.CASCADE, related_name="pupils")
    nickname = models.CharField(max_length=40)
    token_hash = models.CharField(max_length=64)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "nickname"], name="fd_classroom_nickname_once_a_class"),
        ]

    def __str__(self):
        return self.nickname


class Answer(models.Model):
    """A pupil's answer to a question the teacher asked (the indices of the chosen options).

    .. no_pii:
    """

    session = models.ForeignKey(ClassSession, on_delete=models.CASCADE, related_name="answers")
    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(max_length=130)
    choices = models.JSONField()
    correct = models.BooleanField()
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pupil", "question_id"], name="fd_classroom_answer_once_a_question"),
        ]
        indexes = [models.Index(fields=["session", "question_id"], name="fd_classroom_answers_of_q")]

    def __str__(self):
        return f"{self.question_id}: {self.choices}"

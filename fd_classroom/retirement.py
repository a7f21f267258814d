"""User retirement of a teacher: the role and the classes they led go (the programme's counts stay)."""

from django.db import transaction

from .models import ClassSession, TeacherRole


def retire_teacher(user_id):
    """Delete the teacher role and every class of ``user_id``. Returns the number of rows deleted.

    Classes still live are deleted without being counted again: fd_progress counted those already
    ended, and keeps those figures without any link to the teacher.
    """
    with transaction.atomic():
        roles, _ = TeacherRole.objects.filter(user_id=user_id).delete()
        classes, _ = ClassSession.objects.filter(teacher_id=user_id).delete()
    return roles + classes

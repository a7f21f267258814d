"""Who may call a view: the class's teacher for teacher pages, the class's pupil for pupil endpoints."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from ..models import ClassSession


def teacher_of_class(view):
    """Anonymous people go to the login page; anyone but the class's teacher gets a 403."""

    @wraps(view)
    def wrapper(request, public_id, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            session = ClassSession.objects.select_related("school").get(public_id=public_id)
        except (ClassSession.DoesNotExist, ValidationError) as exc:
            raise Http404("No such class") from exc
        if session.teacher_id != request.user.pk:
            raise PermissionDenied
        return view(request, session, *args, **kwargs)

    return wrapper

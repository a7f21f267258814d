"""The door to the class mode: teachers start a class tour that ``fd_classroom`` runs.

``fd_classroom`` is optional: it is imported lazily through its ``api`` module only, and when it
is not installed the block simply offers no class mode.
"""
from django.contrib.auth import get_user_model
from webob import Response
from xblock.core import XBlock

from fd_core.xblock_json import json_response

from .errors import N_, TourInputError

STAFF_ROLES = ("staff", "instructor")


def classroom_api():
    try:
        from fd_classroom import api
    except ImportError:
        return None
    return api


class ClassModeMixin:
    """Who may lead a class, the "Start a class tour" form, and its handler."""

    def django_user(self):
        if not self._user_attr("edx-platform.is_authenticated", False):
            return None
        user_id = self._user_attr("edx-platform.user_id")
        return get_user_model().objects.filter(pk=user_id).first() if user_id else None

    def tour_course_key(self):
        return getattr(self.scope_ids.usage_id, "course_key", None)

    def is_course_staff(self, user):
        if self._user_attr("edx-platform.user_role") in STAFF_ROLES:
            return True
        from fd_core.platform import platform

        return bool(user is not None and platform().is_course_staff(user, self.tour_course_key()))

    def may_lead(self, api, user):
        """Course staff, or a teacher ``fd_classroom`` approved for this course."""
        if api is None or user is None or not self.scenes:
            return False
        return self.is_course_staff(user) or bool(api.can_lead(user, self.tour_course_key()))

    def class_mode_context(self):
        api = classroom_api()
        user = self.django_user()
        if not self.may_lead(api, user):
            return None
        return {"url": self.runtime.handler_url(self, "begin_class_tour"),
                "schools": [{"id": str(school["id"]), "name": school["name"]} for school in api.schools()]}

    @XBlock.handler
    def begin_class_tour(self, request, suffix=""):
        """Form POST (school_id) from a teacher: start a class session and go to its whiteboard page."""
        _ = self._gettext()
        wants_json = "application/json" in request.headers.get("Accept", "")
        try:
            if request.method != "POST":
                raise TourInputError(N_("Send this form with POST."), status=405)
            api = classroom_api()
            user = self.django_user()
            if user is None:
                raise TourInputError(N_("Please sign in to start a class tour."), status=403)
            if api is None:
                raise TourInputError(N_("The class mode is not installed on this site."), status=404)
            if not self.may_lead(api, user):
                raise TourInputError(N_("Only the course team and approved teachers can start a class tour."),
                                     status=403)
            raw = (request.POST.get("school_id") or "").strip()
            if raw and not (raw.isdigit() and len(raw) < 10):
                raise TourInputError(N_("Choose a school from the list."), "school_id")
            school_id = int(raw) if raw else None
            if school_id is not None and school_id not in {int(s["id"]) for s in api.schools()}:
                raise TourInputError(N_("Choose a school from the list."), "school_id")
            started = api.start_class(teacher=user, course_key=self.tour_course_key(),
                                      usage_key=self.scope_ids.usage_id,
                                      tour=self.student_view_data(), school_id=school_id)
        except TourInputError as error:
            if wants_json:
                return json_response({"error": error.translate(_), "field": error.field}, error.status)
            return self._page_error(error.status, error.translate(_), request)
        self.runtime.publish(self, "fd.city_tour.class.started", {"school_id": school_id})
        if wants_json:
            return json_response({"lead_url": started["lead_url"], "join_url": started["join_url"],
                                  "code": started["code"]})
        response = Response(status=303)
        response.location = started["lead_url"]
        return response

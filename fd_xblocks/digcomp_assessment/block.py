"""XBlock ``fd_digcomp_assessment``: the DigComp questionnaire inside a course.

It is a thin shell over ``fd_assessment.api``: questions, scoring, results and recommendations
come from the plugin app as data, and the block's HTML from the app's door for this block,
``fd_assessment.xblock_html`` (translated by the app's Django catalogue). The block's own Studio
labels and messages are in the ``fd_xblocks/translations`` catalogue the i18n service reads.
Completion is published on submit; a grade only if the author asks for one. Only
``fd_assessment.api``, ``.errors``, ``.signals`` and ``.xblock_html`` may be imported.
"""
from types import SimpleNamespace

from crum import get_current_request
from django.contrib.auth import get_user_model
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _
from web_fragments.fragment import Fragment
from webob import Response
from xblock.core import XBlock
from xblock.exceptions import JsonHandlerError
from xblock.fields import Float, List, Scope, String
from xblock.utils.studio_editable import FutureFields, StudioEditableXBlockMixin
from xblock.validation import Validation, ValidationMessage

from fd_core.csrf import form_token, same_site_path
from fd_core.xblock_auth import caller_is_course_staff, current_user_attrs
from fd_core.xblock_json import json_handler

from .olx import OWN_ATTRIBUTES, OlxValueError, parse_olx_values

AREAS = ("1", "2", "3", "4", "5")
GRADE_MODES = ("none", "participation", "score")


class StepError(Exception):
    """A step the learner cannot take now: the HTTP status and the message (already translated)."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status, self.message = status, message



def _area_values(block):
    from fd_assessment.api import framework

    return [{"display_name": f"{a['id']}. {a['title']['en']} / {a['title']['it']}", "value": a["id"]}
            for a in framework()["areas"]]


@XBlock.needs("user")
@XBlock.needs("i18n")
@XBlock.wants("completion")
class DigCompAssessmentBlock(StudioEditableXBlockMixin, XBlock):
    """A DigComp self-assessment (short or full form, optionally a few areas) inside a unit."""

    display_name = String(display_name=gettext_noop("Display name"), scope=Scope.settings,
                          default=gettext_noop("Digital competences self-assessment"))
    form = String(display_name=gettext_noop("Questionnaire"), scope=Scope.settings, default="short",
                  values=[{"display_name": gettext_noop("Short (about 20 questions)"), "value": "short"},
                          {"display_name": gettext_noop("Full (about 80 questions)"), "value": "full"}],
                  help=gettext_noop("The short form takes under 10 minutes."))
    areas = List(display_name=gettext_noop("Areas"), scope=Scope.settings, default=[],
                 list_style="set", list_values_provider=_area_values,
                 help=gettext_noop("Ask only about these DigComp areas; none ticked means all five."))
    cohort = String(display_name=gettext_noop("Cohort"), scope=Scope.settings, default="",
                    help=gettext_noop("Optional group name for the statistics, e.g. 'Oblate autumn 2026'."))
    grade_mode = String(display_name=gettext_noop("Grade"), scope=Scope.settings, default="none",
                        values=[{"display_name": gettext_noop("No grade"), "value": "none"},
                                {"display_name": gettext_noop("Full marks for completing it"),
                                 "value": "participation"},
                                {"display_name": gettext_noop("The overall score"), "value": "score"}])
    weight = Float(display_name=gettext_noop("Weight"), scope=Scope.settings, default=1.0,
                   values={"min": 0, "max": 100, "step": 1})
    attempt_id = String(scope=Scope.user_state, default="", help="The learner's current attempt in this block.")

    editable_fields = ("display_name", "form", "areas", "cohort", "grade_mode", "weight")
    has_custom_completion = True
    icon_class = "problem"

    @property
    def has_score(self):
        return self.grade_mode != "none"

    # --- who is looking -----------------------------------------------------------------
    def _django_user(self):
        attrs = current_user_attrs(self)  # {} when the runtime gives no user (a no-auth route)
        if not attrs.get("edx-platform.is_authenticated") or not attrs.get("edx-platform.user_id"):
            return None
        return get_user_model().objects.filter(pk=attrs["edx-platform.user_id"]).first()

    def _course_key(self):
        return getattr(self.scope_ids.usage_id, "course_key", None)

    def _attempt(self, user):
        from fd_assessment import api

        if not self.attempt_id:
            return None
        try:
            return api.get_attempt(self.attempt_id, user)
        except api.AttemptNotFound:
            return None

    # --- views -----------------------------------------------------------------------------
    def _anchor(self):
        return f"fd-assess-{self.scope_ids.usage_id.block_id}"

    def _post(self, back):
        """Where the block's plain forms post (its form handler) and the page they return to."""
        return {"action": self.runtime.handler_url(self, "form_post"), "back": back, "csrf_token": form_token()}

    def _inner_html(self, user, error=None, back=""):
        from fd_assessment import xblock_html

        attempt = self._attempt(user) if user is not None else None
        return xblock_html.body_html(attempt, signed_in=user is not None, form=self.form, error=error,
                                    post=self._post(back))

    def _title(self):
        """The author's title, or the default one in the learner's language."""
        if self.display_name == self.fields["display_name"].default:
            return self.runtime.service(self, "i18n").gettext(self.display_name)
        return self.display_name

    def student_view(self, context=None):
        from fd_assessment import xblock_html

        request = get_current_request()
        back = same_site_path(request.get_full_path()) if request is not None else ""
        fragment = Fragment(xblock_html.block_html(self._title(), self._inner_html(self._django_user(), back=back),
                                            anchor=self._anchor()))
        # Cached static resources: the assessment's one stylesheet (shared with its pages), the block's script.
        fragment.add_css_url(xblock_html.stylesheet_url())
        fragment.add_javascript_url(self.runtime.local_resource_url(self, "public/digcomp_assessment.js"))
        fragment.initialize_js("DigCompAssessmentBlock")
        return fragment

    def student_view_data(self, context=None):
        from fd_assessment.api import current_version

        return {"form": self.form, "areas": list(self.areas), "questionnaire_version": current_version(),
                "display_name": self._title()}

    # --- what the learner does (one place for the script's JSON and the plain forms) ---------
    def _require_user(self):
        user = self._django_user()
        if user is None:
            raise StepError(403, _("Please sign in to take the questionnaire."))
        return user

    def _open_attempt(self, user):
        attempt = self._attempt(user)
        if attempt is None:
            raise StepError(400, _("Start the questionnaire first."))
        return attempt

    def _begin(self, user):
        from fd_assessment import api

        attempt = self._attempt(user)
        if attempt is None or attempt.status == attempt.COMPLETED:
            try:
                attempt = api.start_attempt(user, form=self.form, areas=list(self.areas),
                                            language=get_language() or "it",
                                            course_key=self._course_key(), usage_key=self.scope_ids.usage_id,
                                            cohort=self.cohort)
            except api.AnswerError as error:
                raise StepError(400, str(error)) from error
            self.attempt_id = str(attempt.pk)

    def _answer(self, user, item_id, value, version):
        from fd_assessment import api

        attempt = self._open_attempt(user)
        if value is None:
            raise StepError(400, api.missing_answer_message())
        try:
            api.answer(attempt, item_id, value, version=version)
        except api.AnswerError as error:
            raise StepError(400, str(error)) from error

    def _submit(self, user):
        from fd_assessment import api

        attempt = self._open_attempt(user)
        try:
            api.submit_attempt(attempt)
        except api.AttemptClosed:
            pass
        except api.AnswerError as error:
            raise StepError(400, str(error)) from error
        self.runtime.publish(self, "completion", {"completion": 1.0})
        if self.grade_mode == "participation":
            self.runtime.publish(self, "grade", {"value": 1.0, "max_value": 1.0})
        elif self.grade_mode == "score":
            self.runtime.publish(self, "grade", {"value": round(attempt.result["overall"]["score"] / 100, 3),
                                                 "max_value": 1.0})
        self.runtime.publish(self, "fd.digcomp_assessment.submitted", {
            "attempt_id": attempt.pk, "overall_level8": attempt.result["overall"]["level8"]})

    def _restart(self, user):
        """Forget the finished attempt in this block so the learner can retake the questionnaire."""
        attempt = self._attempt(user)
        if attempt is not None and attempt.status == attempt.COMPLETED:
            self.attempt_id = ""

    # --- handlers: JSON for the script ------------------------------------------------------
    def _json_step(self, request_back, step, *args):
        user = self._require_json_user()
        try:
            step(user, *args)
        except StepError as error:
            raise JsonHandlerError(error.status, error.message) from error
        return {"html": self._inner_html(user, back=request_back)}

    def _require_json_user(self):
        try:
            return self._require_user()
        except StepError as error:
            raise JsonHandlerError(error.status, error.message) from error

    @json_handler
    def begin_attempt(self, data, suffix=""):
        """Start (or resume) the learner's attempt. Not ``start``: the LMS's release-date field has that name."""
        return self._json_step(self._json_back(), self._begin)

    @json_handler
    def answer(self, data, suffix=""):
        if not isinstance(data, dict):
            self._require_json_user()
            raise JsonHandlerError(400, _("Send the answer as a JSON object with item_id, value and version."))
        return self._json_step(self._json_back(), self._answer, data.get("item_id"), data.get("value"),
                               data.get("version"))

    @json_handler
    def submit(self, data, suffix=""):
        return self._json_step(self._json_back(), self._submit)

    @json_handler
    def restart(self, data, suffix=""):
        """Forget the finished attempt in this block so the learner can retake the questionnaire."""
        return self._json_step(self._json_back(), self._restart)

    @staticmethod
    def _json_back():
        """The page the script runs on (its fetch sends it as the referrer): the forms' way back."""
        request = get_current_request()
        return same_site_path(request.headers.get("Referer", ""), request.get_host()) if request is not None else ""

    # --- handler: plain form posts (no JavaScript) --------------------------------------------
    @XBlock.handler
    def form_post(self, request, suffix=""):
        """The block's forms without JavaScript: ``do`` is begin, answer, submit or restart.

        Done: 303 back to the lesson at the block. A problem: 4xx with the block and the message on
        a small page of its own (the answer stays chosen on the lesson's page, nothing is saved)."""
        from fd_assessment import xblock_html

        back = same_site_path(request.POST.get("back", ""), request.host) or same_site_path(
            request.referer or "", request.host)
        if request.method != "POST":
            return Response(_("Send this form with POST."), status=405, content_type="text/plain",
                            charset="utf-8")
        steps = {"begin": self._begin, "submit": self._submit, "restart": self._restart}
        action = request.POST.get("do", "")
        user, error = None, None
        try:
            user = self._require_user()
            if action == "answer":
                self._answer(user, request.POST.get("item_id", ""), request.POST.get("value"),
                             request.POST.get("version"))
            elif action in steps:
                steps[action](user)
            else:
                raise StepError(400, _("This form asks for an action the questionnaire does not know."))
        except StepError as problem:
            error = problem
        if error is None and back:
            return Response(status=303, location=f"{back}#{self._anchor()}")
        if user is None:
            body = xblock_html.body_html(None, signed_in=False)
        else:
            body = self._inner_html(user, error=error.message if error else None, back=back)
        html = xblock_html.page_html(self._title(), body, back=back)
        return Response(html, status=error.status if error else 200, content_type="text/html", charset="utf-8")

    # --- Studio ----------------------------------------------------------------------------
    @json_handler
    def submit_studio_edits(self, data, suffix=""):
        """Save the editor's values; wrong types or values get a 400 naming the field, nothing saved.

        Only the course team may: every handler is reachable on learner and no-auth routes."""
        if not caller_is_course_staff(self):
            raise JsonHandlerError(403, _("Only the course team can change this questionnaire."))
        if not isinstance(data, dict) or not isinstance(data.get("values"), dict):
            raise JsonHandlerError(400, _("Send the editor's values as a JSON object."))
        values = {}
        for name, raw in data["values"].items():
            if name not in self.editable_fields:
                continue
            try:
                values[name] = self.fields[name].from_json(raw)
            except (TypeError, ValueError) as error:
                raise JsonHandlerError(400, f"{name}: {error}") from error
        defaults = data.get("defaults", [])
        if not isinstance(defaults, list) or not all(isinstance(name, str) for name in defaults):
            raise JsonHandlerError(400, _("Send the fields to reset as a list of field names."))
        to_reset = [name for name in defaults if name in self.editable_fields
                    and name not in values and self.fields[name].is_set_on(self)]
        validation = Validation(self.scope_ids.usage_id)
        self.validate_field_data(validation, FutureFields(values, to_reset, self))
        if not validation:
            raise JsonHandlerError(400, validation.to_json())
        for name, value in values.items():
            setattr(self, name, value)
        for name in to_reset:
            self.fields[name].delete_from(self)
        return {"result": "success"}

    # --- OLX ---------------------------------------------------------------------------------
    @classmethod
    def parse_xml(cls, node, runtime, keys, *args, **kwargs):
        """Check the block's own attributes by the editor's rules before anything is stored."""
        values = parse_olx_values(node.attrib)
        defaults = {name: cls.fields[name].default for name in OWN_ATTRIBUTES}
        validation = Validation(keys.usage_id)
        cls.validate_field_data(None, validation, SimpleNamespace(**{**defaults, **values}))
        if not validation:
            raise OlxValueError(" ".join(str(message.text) for message in validation.messages))
        own = {name: node.attrib.pop(name) for name in list(node.attrib) if name in OWN_ATTRIBUTES}
        try:
            block = super().parse_xml(node, runtime, keys, *args, **kwargs)
        finally:
            node.attrib.update(own)
        for name, value in values.items():
            setattr(block, name, value)
        return block

    def validate_field_data(self, validation, data):
        def error(text):
            validation.add(ValidationMessage(ValidationMessage.ERROR, text))

        if not isinstance(data.display_name, str) or not data.display_name.strip() or len(data.display_name) > 200:
            error(_("The display name is required (at most 200 characters)."))
        if data.form not in ("short", "full"):
            error(_("The questionnaire must be 'short' or 'full'."))
        if not isinstance(data.areas, list) or any(not isinstance(a, str) or a not in AREAS for a in data.areas):
            error(_("Areas must be chosen among 1, 2, 3, 4 and 5."))
        if data.grade_mode not in GRADE_MODES:
            error(_("The grade must be 'none', 'participation' or 'score'."))
        if isinstance(data.weight, bool) or not isinstance(data.weight, int | float) or not 0 <= data.weight <= 100:
            error(_("The weight must be a number from 0 to 100."))
        cohort = data.cohort or ""
        if not isinstance(cohort, str) or len(cohort) > 64 or any(not (ch.isalnum() or ch in " -_.") for ch in cohort):
            error(_("A cohort name has at most 64 letters, digits, spaces, dots, dashes or underscores."))

    @staticmethod
    def workbench_scenarios():
        return [("DigComp self-assessment", "<fd_digcomp_assessment form='short'/>")]

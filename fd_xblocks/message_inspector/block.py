"""The "spot the scam" XBlock: a message drawn as a phone or mail client shows it, parts to mark.

The learner marks what looks suspicious and says what they would do; the server scores the marks
against the author's key (``message.score``), explains every sign, and publishes a grade and
completion through the runtime. Works with plain form posts; the script only makes it quicker.
"""
from django.utils.translation import gettext_noop as N_
from web_fragments.fragment import Fragment
from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, Integer, List, Scope, String

from fd_core.xblock_templates import TemplateLoader

from . import message as messages
from .handlers import LearnerHandlersMixin
from .olx import OlxMixin
from .studio import StudioMixin
from .view_model import message_view

loader = TemplateLoader(__name__)


@XBlock.needs("i18n")
@XBlock.wants("user", "completion")
class MessageInspectorBlock(LearnerHandlersMixin, StudioMixin, OlxMixin, XBlock):
    """A message to inspect: mark the warning signs, choose trust, ignore or report."""

    completion_mode = XBlockCompletionMode.COMPLETABLE
    has_custom_completion = True
    has_score = True
    icon_class = "problem"

    display_name = String(display_name=N_("Display name"), scope=Scope.settings, default=N_("Spot the scam"))
    message = Dict(display_name=N_("Message"), scope=Scope.content, default={},
                   help=N_("The message as it arrives, its parts and the answer key."))
    weight = Float(display_name=N_("Weight"), scope=Scope.settings, default=1.0)
    attempts_allowed = Integer(display_name=N_("Attempts allowed"), scope=Scope.settings, default=0,
                               help=N_("0 means the learner may try again as often as they like."))
    digcomp_competences = List(display_name=N_("DigComp competences"), scope=Scope.settings, default=[],
                               help=N_("DigComp ids this exercise trains, such as 4.2."))

    marked = List(scope=Scope.user_state, default=[])
    action = String(scope=Scope.user_state, default="")
    submitted = Boolean(scope=Scope.user_state, default=False)
    attempts = Integer(scope=Scope.user_state, default=0)
    best_score = Float(scope=Scope.user_state, default=0.0)

    def max_score(self):
        return 1.0

    # ------------------------------------------------------------------ helpers
    def _i18n(self):
        return self.runtime.service(self, "i18n")

    def _title(self):
        if self.display_name == self.fields["display_name"].default:
            return self._i18n().gettext(self.display_name)
        return self.display_name

    def can_try_again(self):
        return self.submitted and (not self.attempts_allowed or self.attempts < self.attempts_allowed)

    def result(self):
        if not self.submitted or not self.message:
            return None
        return messages.score(self.message, self.marked, self.action)

    def _render(self, template, context):
        return loader.render_django_template(template, context, i18n_service=self._i18n())

    def view_with_parts(self, view):
        """Draw each part once with its own small template (ResourceLoader has no include)."""
        from django.utils.safestring import mark_safe

        for parts in view["zones"].values():
            for part in parts:
                part["html"] = mark_safe(self._render("templates/part.html", {"part": part, "view": view}))  # noqa: S308
        return view

    def body_html(self, error=""):
        """The block's inner HTML (also what the handlers send back to the script)."""
        from fd_core.csrf import form_token

        return self._render("templates/student_view.html", {
            "title": self._title(),
            "view": self.view_with_parts(message_view(self.message, self.marked, self.action, self.result())),
            "submitted": self.submitted,
            "can_try_again": self.can_try_again(),
            "attempts_left": (self.attempts_allowed - self.attempts) if self.attempts_allowed else None,
            "form_url": self.runtime.handler_url(self, "inspect_form"),
            "csrf_token": form_token(),
            "error": error,
            "usage_id": str(self.scope_ids.usage_id),
        })

    # ------------------------------------------------------------------ views
    def student_view(self, context=None):
        fragment = Fragment(self.body_html() if self.message else self._render(
            "templates/empty.html", {"title": self._title()}))
        fragment.add_css_url(self.runtime.local_resource_url(self, "public/message_inspector.css"))
        fragment.add_javascript_url(self.runtime.local_resource_url(self, "public/message_inspector.js"))
        fragment.initialize_js("FdMessageInspector")
        return fragment

    def author_view(self, context=None):
        return self.student_view(context)

    def student_view_data(self, context=None):
        """For the mobile apps: the message as drawn, without the answer key."""
        message = self.message or {}
        return {
            "display_name": self._title(),
            "channel": message.get("channel", ""),
            "sender_name": message.get("sender_name", ""),
            "sender_address": message.get("sender_address", ""),
            "subject": message.get("subject", ""),
            "received": message.get("received", ""),
            "context": message.get("context", ""),
            "parts": [{"id": part["id"], "zone": part["zone"], "text": part["text"], "href": part["href"],
                       "markable": part["role"] != "plain"} for part in message.get("parts", [])],
            "actions": list(messages.ACTIONS),
            "weight": self.weight,
            "attempts_allowed": self.attempts_allowed,
        }

    @staticmethod
    def workbench_scenarios():
        return [("Spot the scam", "<fd_message_inspector/>")]

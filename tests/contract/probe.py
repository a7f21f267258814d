"""A small XBlock that uses the public XBlock API the way our blocks do, to test the sandbox runtime."""
from web_fragments.fragment import Fragment
from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock
from xblock.fields import Float, Integer, Scope, String


@XBlock.needs("i18n")
@XBlock.wants("user", "completion")
class ProbeBlock(XBlock):
    display_name = String(default="Probe", scope=Scope.settings)
    weight = Float(default=1.0, scope=Scope.settings)
    clicks = Integer(default=0, scope=Scope.user_state)
    has_score = True
    has_custom_completion = True
    completion_mode = XBlockCompletionMode.COMPLETABLE

    def student_view(self, context=None):
        _ = self.runtime.service(self, "i18n").gettext
        user = self.runtime.service(self, "user").get_current_user()
        name = user.opt_attrs.get("edx-platform.username")
        html = (f'<div class="probe"><p>{_("Previous")}</p><p class="who">{name}</p>'
                f'<img alt="" src="/static/pixel.png"><p class="clicks">{self.clicks}</p></div>')
        return Fragment(html)

    def studio_view(self, context=None):
        return Fragment(f'<form class="probe-editor"><label>Name <input value="{self.display_name}"></label></form>')

    @XBlock.json_handler
    def answer(self, data, suffix=""):
        self.clicks += 1
        score = data.get("score", 0)
        self.runtime.publish(self, "grade", {"value": score, "max_value": 1})
        self.runtime.publish(self, "completion", {"completion": 1.0})
        self.runtime.publish(self, "probe_answered", {"score": score})
        return {"clicks": self.clicks}

    @XBlock.json_handler
    def whoami(self, data, suffix=""):
        return who_is_calling(self)


class ScoredProblemBlock(XBlock):
    """A scored block without custom completion: the LMS completes it when it is scored."""

    has_score = True
    completion_mode = XBlockCompletionMode.COMPLETABLE

    def student_view(self, context=None):
        return Fragment('<div class="problem">?</div>')

    @XBlock.json_handler
    def submit(self, data, suffix=""):
        self.runtime.publish(self, "grade", {"value": 1, "max_value": 1})
        return {}


def who_is_calling(block):
    """What the block learns about its caller from the user service (used by ProbeBlock.whoami)."""
    service = block.runtime.service(block, "user")
    attrs = service.get_current_user().opt_attrs if service else {}
    return {"authenticated": bool(attrs.get("edx-platform.is_authenticated")),
            "username": attrs.get("edx-platform.username")}

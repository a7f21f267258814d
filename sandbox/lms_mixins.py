"""What the LMS mixes into every XBlock, so that a block meets the same names here as in Open edX.

The LMS builds every block class as ``<Block>WithMixins(Block, LmsBlockMixin, InheritanceMixin,
XModuleMixin, ...)``. The block comes first, so a block attribute named like a mixin field hides
the field: the LMS then reads a method where it expects a date (``start``) and cannot pickle it.
The sandbox mixes in the same names, taken from openedx/edx-platform (master, mid-2025):

- ``xmodule/modulestore/inheritance.py`` at 0600ce7d3c181c392294bfb54fdb92af224f1de9
  (``InheritableFieldsMixin`` / ``InheritanceMixin``): the inherited settings;
- ``xmodule/x_module.py`` at fd46956f39cef7f3830cc26b530795d1ad1cb477 (``XModuleMixin``);
- ``lms/djangoapps/lms_xblock/mixin.py`` at a673c7218978b1a282523f979a4873099eb14e2d (``LmsBlockMixin``).

Field types, scopes and defaults are the platform's (``start`` defaults to 2030-01-01 UTC, the
platform's ``DEFAULT_START_DATE``); the behaviour behind the methods is what the sandbox needs.
"""
import datetime
import re

from django.utils import timezone
from django.utils.html import escape
from web_fragments.fragment import Fragment
from xblock.core import XBlock, XBlockMixin
from xblock.exceptions import JsonHandlerError
from xblock.fields import Boolean, Dict, Float, Integer, JSONField, List, Scope, String

DEFAULT_START_DATE = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
TIMEDELTA = re.compile(r"((?P<days>\d+?) day(?:s?))?(\s)?((?P<hours>\d+?) hour(?:s?))?(\s)?"
                       r"((?P<minutes>\d+?) minute(?:s)?)?(\s)?((?P<seconds>\d+?) second(?:s)?)?$")


class Date(JSONField):
    """A timezone-aware datetime stored as an ISO 8601 string (the platform's ``xmodule.fields.Date``)."""

    def from_json(self, value):
        if value is None or value == "":
            return None
        if isinstance(value, datetime.datetime):
            result = value
        elif isinstance(value, int | float) and not isinstance(value, bool):
            return datetime.datetime.fromtimestamp(value / 1000, tz=datetime.UTC)
        elif isinstance(value, str):
            try:
                result = datetime.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            except ValueError as exc:
                raise TypeError(f"{value!r} is not a date (use 2026-09-01T00:00:00Z)") from exc
        else:
            raise TypeError(f"{value!r} is not a date")
        return result if result.tzinfo else result.replace(tzinfo=datetime.UTC)

    def to_json(self, value):
        if value is None:
            return None
        if isinstance(value, datetime.datetime):
            return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        raise TypeError(f"{value!r} is not a date")

    enforce_type = from_json


class Timedelta(JSONField):
    """A duration written like ``"2 days 4 hours"`` (the platform's ``xmodule.fields.Timedelta``)."""

    def from_json(self, value):
        if value is None or isinstance(value, datetime.timedelta):
            return value
        match = TIMEDELTA.match(str(value).strip())
        if not match:
            raise TypeError(f"{value!r} is not a duration like '2 days 4 hours'")
        return datetime.timedelta(**{k: int(v) for k, v in match.groupdict().items() if v})

    def to_json(self, value):
        if value is None:
            return None
        seconds = int(value.total_seconds())
        days, rest = divmod(seconds, 86400)
        hours, rest = divmod(rest, 3600)
        minutes, secs = divmod(rest, 60)
        parts = [(days, "days"), (hours, "hours"), (minutes, "minutes"), (secs, "seconds")]
        return " ".join(f"{n} {unit}" for n, unit in parts if n) or "0 seconds"


class InheritanceMixin(XBlockMixin):
    """The settings a block inherits from its course, section, subsection and unit."""

    graded = Boolean(scope=Scope.settings, default=False)
    start = Date(scope=Scope.settings, default=DEFAULT_START_DATE)
    due = Date(scope=Scope.settings)
    relative_weeks_due = Integer(scope=Scope.settings)
    visible_to_staff_only = Boolean(scope=Scope.settings, default=False)
    course_edit_method = String(scope=Scope.settings, default="Studio")
    giturl = String(scope=Scope.settings)
    xqa_key = String(scope=Scope.settings)
    graceperiod = Timedelta(scope=Scope.settings)
    group_access = Dict(scope=Scope.settings)
    showanswer = String(scope=Scope.settings, default="finished")
    show_correctness = String(scope=Scope.settings, default="always")
    rerandomize = String(scope=Scope.settings, default="never")
    days_early_for_beta = Float(scope=Scope.settings, default=None)
    static_asset_path = String(scope=Scope.settings, default="")
    use_latex_compiler = Boolean(scope=Scope.settings, default=False)
    max_attempts = Integer(scope=Scope.settings, values={"min": 0})
    matlab_api_key = String(scope=Scope.settings)
    user_partitions = List(scope=Scope.settings, default=[])
    video_speed_optimizations = Boolean(scope=Scope.settings, default=True)
    video_auto_advance = Boolean(scope=Scope.settings, default=False)
    video_bumper = Dict(scope=Scope.settings)
    show_reset_button = Boolean(scope=Scope.settings, default=False)
    edxnotes = Boolean(scope=Scope.settings, default=False)
    edxnotes_visibility = Boolean(scope=Scope.user_info, default=True)
    in_entrance_exam = Boolean(scope=Scope.settings, default=False)
    self_paced = Boolean(scope=Scope.settings, default=False)
    hide_from_toc = Boolean(scope=Scope.settings, default=False)

    @property
    def close_date(self):
        if self.graceperiod is not None and self.due:
            return self.due + self.graceperiod
        return self.due

    @property
    def course_end_date(self):
        return None

    def is_past_due(self):
        return self.close_date is not None and timezone.now() > self.close_date

    def has_deadline_passed(self):
        if self.self_paced or self.close_date is None:
            return False
        return self.is_past_due()


INHERITABLE_NAMES = frozenset(InheritanceMixin.fields)


class XModuleMixin(XBlockMixin):
    """The attributes the platform's ``XModuleMixin`` gives every block (``display_name`` and friends)."""

    display_name = String(scope=Scope.settings, default=None)
    has_score = False
    show_in_read_only_mode = False
    always_recalculate_grades = False
    icon_class = "other"

    @property
    def system(self):
        return self.runtime

    @property
    def location(self):
        return self.scope_ids.usage_id

    @property
    def course_id(self):
        return self.location.course_key

    @property
    def category(self):
        return self.scope_ids.block_type

    @property
    def url_name(self):
        return self.location.block_id

    @property
    def display_name_with_default(self):
        return self.display_name if self.display_name is not None else self.url_name.replace("_", " ")

    @property
    def display_name_with_default_escaped(self):
        return escape(self.display_name_with_default)

    @property
    def tooltip_title(self):
        return self.display_name_with_default

    @property
    def xblock_kvs(self):
        self.save()
        return self._field_data._kvs  # noqa: SLF001 (as the platform's own property reads it)

    @property
    def non_editable_metadata_fields(self):
        return [XBlock.tags, XBlock.name]

    @property
    def editable_metadata_fields(self):
        fields = getattr(self, "unmixed_class", type(self)).fields
        return {name: field for name, field in fields.items()
                if field not in self.non_editable_metadata_fields and field.scope in (Scope.settings, Scope.content)}

    def add_aside(self, aside):
        raise NotImplementedError("The sandbox has no XBlock asides.")

    def get_asides(self):
        return []

    def get_explicitly_set_fields_by_scope(self, scope=Scope.content):
        return {field.name: field.read_json(self) for field in self.fields.values()
                if field.scope == scope and field.is_set_on(self)}

    def has_children_at_depth(self, depth):
        if depth < 0:
            raise ValueError("negative depth argument is invalid")
        if depth == 0:
            return bool(self.get_children())
        return any(child.has_children_at_depth(depth - 1) for child in self.get_children())

    def get_content_titles(self):
        if self.has_children:
            return sum((child.get_content_titles() for child in self.get_children()), [])
        return [self.display_name_with_default_escaped]

    def get_required_block_descriptors(self):
        return []

    def get_child_by(self, selector):
        return next((child for child in self.get_children() if selector(child)), None)

    def get_icon_class(self):
        return self.icon_class

    def has_dynamic_children(self):
        return False

    def get_score(self):
        return None

    def max_score(self):
        return None

    def get_progress(self):
        return None

    def bind_for_student(self, xmodule_runtime, user_id, wrappers=None):
        raise NotImplementedError("The sandbox builds one runtime per learner; blocks are never rebound.")

    def public_view(self, _context):
        text = (f"{self.display_name} is only accessible to enrolled learners. "
                "Sign in or register, and enroll in this course to view it.")
        return Fragment(f'<div class="page-banner"><div class="alert alert-warning">{escape(text)}</div></div>')


class LmsBlockMixin(XBlockMixin):
    """The fields and the ``publish_completion`` handler of the platform's ``LmsBlockMixin``."""

    hide_from_toc = Boolean(scope=Scope.settings, default=False)
    format = String(scope=Scope.settings)
    chrome = String(scope=Scope.settings, default=None)
    default_tab = String(scope=Scope.settings, default=None)
    source_file = String(scope=Scope.settings)
    visible_to_staff_only = Boolean(scope=Scope.settings, default=False)
    group_access = Dict(scope=Scope.settings, default={})
    user_partitions = List(scope=Scope.settings, default=[])

    @property
    def merged_group_access(self):
        return self.group_access or {}

    def _get_user_partition(self, user_partition_id):
        raise ValueError(f"could not find a UserPartition with ID [{user_partition_id}]")

    def _has_nonsensical_access_settings(self):
        return False

    @XBlock.json_handler
    def publish_completion(self, data, suffix=""):
        """Completion from the front end, for blocks completed by being viewed (as in the LMS)."""
        completion_service = self.runtime.service(self, "completion")
        if completion_service is None:
            raise JsonHandlerError(500, "No completion service found")
        if not completion_service.completion_tracking_enabled():
            raise JsonHandlerError(404, "Completion tracking is not enabled and API calls are unexpected")
        if not completion_service.can_mark_block_complete_on_view(self):
            raise JsonHandlerError(400, "Block not configured for completion on view.")
        self.runtime.publish(self, "completion", data)
        return {"result": "ok"}


LMS_MIXINS = (LmsBlockMixin, InheritanceMixin, XModuleMixin)


def mixin_names():
    """Every attribute name the LMS's mixins add to a block, by mixin: ``{mixin name: {attribute names}}``."""
    base = set(dir(XBlockMixin))
    return {mixin.__name__: {name for name in vars(mixin) if name not in base and not name.startswith("__")}
            for mixin in LMS_MIXINS}

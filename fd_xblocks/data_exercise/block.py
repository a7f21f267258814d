"""The data exercise XBlock: a question on a real dataset, graded from the data by the server."""
from django.utils.translation import get_language
from web_fragments.fragment import Fragment
from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, Integer, List, Scope, String

from fd_core.platform import platform
from fd_core.sanitize import clean_html
from fd_core.xblock_templates import TemplateLoader

from . import answers, explore, reading
from .errors import N_, DataInputError
from .learner import LearnerMixin
from .licences import LICENCES, attribution
from .olx import OlxMixin
from .spec import clean_spec, evaluate
from .studio import StudioMixin

LOADER = TemplateLoader(__name__)
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@XBlock.needs("i18n")
@XBlock.wants("user", "completion", "settings")
class DataExerciseBlock(LearnerMixin, StudioMixin, OlxMixin, XBlock):
    """Explore a dataset in an accessible table, then answer a question the server checks on the data."""

    completion_mode = XBlockCompletionMode.COMPLETABLE
    has_custom_completion = True
    has_score = True
    icon_class = "problem"
    block_settings_key = "fd_data_exercise"

    display_name = String(display_name=N_("Display name"), scope=Scope.settings, default=N_("Data exercise"))
    question = String(display_name=N_("Question"), scope=Scope.content, default="",
                      help=N_("Basic HTML; {name} is replaced by the learner's parameter."))
    dataset_path = String(display_name=N_("Dataset file"), scope=Scope.content, default="",
                          help=N_("A course file: /static/name.csv or /static/name.geojson."))
    dataset_title = String(display_name=N_("Dataset title"), scope=Scope.content, default="")
    dataset_publisher = String(display_name=N_("Publisher"), scope=Scope.content, default="")
    dataset_source_url = String(display_name=N_("Source page"), scope=Scope.content, default="")
    dataset_licence = String(display_name=N_("Licence"), scope=Scope.content, default="CC-BY-4.0")
    dataset_snapshot = String(display_name=N_("Snapshot date"), scope=Scope.content, default="")
    dataset_version = String(display_name=N_("Version"), scope=Scope.content, default="")
    dataset_notes = String(display_name=N_("Changes made"), scope=Scope.content, default="",
                           help=N_("What was changed from the publisher's file (an extract, a new column)."))
    spec = Dict(display_name=N_("Answer specification"), scope=Scope.content, default={})
    parameter = Dict(display_name=N_("Parameter"), scope=Scope.content, default={},
                     help=N_("{\"name\": \"provincia\", \"column\": \"provincia\"}: a value drawn per learner."))
    hints = List(display_name=N_("Hints"), scope=Scope.content, default=[])
    attempts_allowed = Integer(display_name=N_("Attempts allowed"), scope=Scope.settings, default=3,
                               help=N_("0 means no limit."))
    partial_tolerance = Float(display_name=N_("Partial credit within"), scope=Scope.settings, default=0.0,
                              help=N_("A relative distance, such as 0.05 for 5%: closer answers earn partial credit."))
    partial_credit = Float(display_name=N_("Partial credit"), scope=Scope.settings, default=0.5)
    weight = Float(display_name=N_("Weight"), scope=Scope.settings, default=1.0)
    answer_unit = String(display_name=N_("Unit of the answer"), scope=Scope.content, default="")

    attempts_used = Integer(scope=Scope.user_state, default=0)
    hints_revealed = Integer(scope=Scope.user_state, default=0)
    best_score = Float(scope=Scope.user_state, default=0.0)
    last_answer = String(scope=Scope.user_state, default="")
    last_verdict = String(scope=Scope.user_state, default="")
    solved = Boolean(scope=Scope.user_state, default=False)

    # ----------------------------------------------------------------- who and what
    def _gettext(self):
        service = self.runtime.service(self, "i18n")
        return getattr(service, "gettext", None) or service.ugettext

    def _user_attrs(self):
        service = self.runtime.service(self, "user")
        if service is None:
            return {}
        return getattr(service.get_current_user(), "opt_attrs", {}) or {}

    def is_signed_in(self):
        attrs = self._user_attrs()
        return bool(attrs.get("edx-platform.is_authenticated") and attrs.get("edx-platform.anonymous_user_id"))

    def is_course_staff(self):
        attrs = self._user_attrs()
        return bool(attrs.get("edx-platform.is_authenticated")
                    and attrs.get("edx-platform.user_role") in ("staff", "instructor"))

    def decimal_comma(self):
        return (get_language() or "it").split("-")[0] == "it"

    def max_score(self):
        return 1.0

    def max_dataset_bytes(self):
        settings = self.runtime.service(self, "settings")
        bucket = settings.get_settings_bucket(self) if settings else {}
        value = bucket.get("MAX_DATASET_BYTES", DEFAULT_MAX_BYTES)
        return value if isinstance(value, int) and value > 0 else DEFAULT_MAX_BYTES

    @property
    def asset_name(self):
        path = self.dataset_path or ""
        return path[len("/static/"):] if path.startswith("/static/") else path

    def dataset_bytes(self):
        if not self.asset_name:
            raise DataInputError(N_("This exercise has no dataset yet."), "dataset_path", status=404)
        try:
            data = platform().read_course_asset(self.scope_ids.usage_id.course_key, self.asset_name)
        except LookupError as exc:
            raise DataInputError(N_("The dataset file {name} is not among the course's files."), "dataset_path",
                                 status=404, name=self.asset_name) from exc
        if len(data) > self.max_dataset_bytes():
            raise DataInputError(N_("The dataset file is larger than the limit of {limit} MB."), "dataset_path",
                                 limit=self.max_dataset_bytes() // (1024 * 1024))
        return data

    def dataset(self):
        return reading.cached_dataset(self.dataset_bytes(), self.asset_name)

    def parameter_values(self, dataset):
        column = self.parameter.get("column")
        if not column or column not in dataset.columns:
            return []
        series = dataset.frame[column].dropna()
        values = series[series.astype(str).str.strip() != ""].unique().tolist()
        return sorted(values, key=lambda v: (str(type(v)), v))

    def learner_params(self, dataset):
        name = self.parameter.get("name")
        if not name:
            return {}
        anonymous = self._user_attrs().get("edx-platform.anonymous_user_id") or ""
        value = answers.choose_parameter(self.parameter_values(dataset), anonymous, str(self.scope_ids.usage_id))
        return {name: value} if value is not None else {}

    def checked_spec(self, dataset):
        return clean_spec(self.spec, dataset, self.parameter.get("name", ""))

    def expected(self, dataset, params):
        return evaluate(dataset, self.checked_spec(dataset), params)

    def question_html(self, params):
        html = clean_html(self.question or "")
        for name, value in params.items():
            shown = explore.format_cell(value, self.decimal_comma())
            html = html.replace("{" + name + "}", clean_html(shown))
        return html

    def hint_costs(self):
        return [float(hint.get("cost", 0)) for hint in self.hints]

    def attempts_left(self):
        if not self.attempts_allowed:
            return None
        return max(0, self.attempts_allowed - self.attempts_used)

    def finished(self):
        return self.solved or self.attempts_left() == 0

    def card(self):
        _ = self._gettext()
        licence = LICENCES.get(self.dataset_licence, {})
        return {
            "title": self.dataset_title or self.asset_name, "publisher": self.dataset_publisher,
            "source_url": self.dataset_source_url, "licence_id": self.dataset_licence,
            "licence_name": licence.get("name", self.dataset_licence), "licence_url": licence.get("url", ""),
            "licence_asks": _(licence["asks"]) if licence else "", "snapshot": self.dataset_snapshot,
            "version": self.dataset_version, "notes": self.dataset_notes,
            "attribution": attribution(self.dataset_title or self.asset_name, self.dataset_publisher,
                                       self.dataset_licence, self.dataset_snapshot, self.dataset_notes),
        }

    def render_template(self, name, context):
        return LOADER.render_django_template(f"templates/{name}", context,
                                             i18n_service=self.runtime.service(self, "i18n"))

    # ------------------------------------------------------------------- views
    @XBlock.supports("multi_device")
    def student_view(self, context=None):
        fragment = Fragment(self.render_template("exercise_body.html", self.page_context({}, in_page=True)))
        fragment.add_css_url(self.runtime.local_resource_url(self, "public/data_exercise.css"))
        fragment.add_javascript_url(self.runtime.local_resource_url(self, "public/data_exercise.js"))
        fragment.initialize_js("FdDataExercise")
        return fragment

    def author_view(self, context=None):
        fragment = self.student_view(context)
        fragment.add_content(self.render_template("author_summary.html", self.author_context()))
        return fragment

    def student_view_data(self, context=None):
        """For the mobile apps: the card, the question for this learner and the handlers to call."""
        data = {"display_name": self.display_name, "dataset": self.card(), "hints": len(self.hints),
                "attempts_allowed": self.attempts_allowed, "weight": self.weight,
                "table_url": self.runtime.handler_url(self, "table_rows"),
                "answer_url": self.runtime.handler_url(self, "check_answer"),
                "hint_url": self.runtime.handler_url(self, "reveal_hint"),
                "download_url": self.runtime.handler_url(self, "download")}
        try:
            data["question"] = self.question_html(self.learner_params(self.dataset()))
        except DataInputError:
            data["question"] = ""
        return data

    @staticmethod
    def workbench_scenarios():
        return [("Data exercise", "<fd_data_exercise/>")]

"""Studio: the editor, its validation, the save handler and the live preview of the expected answers.

Both handlers are for the course team only: learners and anonymous callers get 403 (the LMS exposes
every handler, Studio's too, on learner routes and on a route without authentication).
"""
import json
import re
from urllib.parse import urlparse

from web_fragments.fragment import Fragment
from xblock.core import XBlock

from fd_core.sanitize import clean_html

from . import explore, reading
from .errors import N_, DataInputError
from .licences import LICENCES
from .spec import clean_spec, evaluate
from .strings import template_strings

ASSET = re.compile(r"(?:/static/)?(?P<name>[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.(?:csv|tsv|txt|geojson|json))")
PARAMETER_NAME = re.compile(r"[a-z_][a-z0-9_]{0,30}")
MAX_PREVIEW = 200
TEXT_LIMITS = {"display_name": 200, "dataset_title": 300, "dataset_publisher": 300, "dataset_snapshot": 40,
               "dataset_version": 40, "dataset_notes": 1000, "answer_unit": 40}


def _text(data, name, required=False):
    value = data.get(name, "")
    if not isinstance(value, str) or len(value) > TEXT_LIMITS.get(name, 5000):
        raise DataInputError(N_("This field must be a text of at most {limit} characters."), name,
                             limit=TEXT_LIMITS.get(name, 5000))
    if required and not value.strip():
        raise DataInputError(N_("This field is required."), name)
    return value.strip()


def _number(data, name, low, high, whole=False):
    value = data.get(name)
    kinds = (int,) if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds) or not low <= value <= high:
        raise DataInputError(N_("Give a number from {low} to {high}."), name, low=low, high=high)
    return value


def clean_hints(raw):
    if not isinstance(raw, list) or len(raw) > 5:
        raise DataInputError(N_("Hints must be a list of at most 5."), "hints")
    hints = []
    for hint in raw:
        if not isinstance(hint, dict) or not isinstance(hint.get("text"), str) or not hint["text"].strip() \
                or len(hint["text"]) > 1000:
            raise DataInputError(N_("Each hint needs a text of at most 1000 characters."), "hints")
        cost = hint.get("cost", 0)
        if isinstance(cost, bool) or not isinstance(cost, (int, float)) or not 0 <= cost <= 1:
            raise DataInputError(N_("A hint's cost is a share of the score from 0 to 1, such as 0.25."), "hints")
        hints.append({"text": clean_html(hint["text"]), "cost": float(cost)})
    return hints


def clean_parameter(raw, dataset):
    if raw in (None, {}, ""):
        return {}
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) \
            or not PARAMETER_NAME.fullmatch(raw["name"]):
        raise DataInputError(N_("The parameter needs a name (lower-case letters, digits, _) and a column."),
                             "parameter")
    if raw.get("column") not in dataset.columns:
        raise DataInputError(N_("The column \"{column}\" is not in the file."), "parameter",
                             column=str(raw.get("column"))[:80])
    return {"name": raw["name"], "column": raw["column"]}


def clean_source_url(value):
    if not value:
        return ""
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise DataInputError(N_("The source page must be an http(s) address."), "dataset_source_url")
    return value


class StudioMixin:
    """``studio_view`` with its save and preview handlers."""

    def editor_values(self):
        return {"display_name": self.display_name, "question": self.question, "dataset_path": self.dataset_path,
                "dataset_title": self.dataset_title, "dataset_publisher": self.dataset_publisher,
                "dataset_source_url": self.dataset_source_url, "dataset_licence": self.dataset_licence,
                "dataset_snapshot": self.dataset_snapshot, "dataset_version": self.dataset_version,
                "dataset_notes": self.dataset_notes, "spec": self.spec, "parameter": self.parameter,
                "hints": self.hints, "attempts_allowed": self.attempts_allowed,
                "partial_tolerance": self.partial_tolerance, "partial_credit": self.partial_credit,
                "weight": self.weight, "answer_unit": self.answer_unit}

    def studio_view(self, context=None):
        values = self.editor_values()
        html = self.render_template("studio_view.html", {
            "values": values, "t": template_strings(self._gettext()),
            "licences": [{"id": key, "name": item["name"]} for key, item in LICENCES.items()],
            "spec_json": json.dumps(self.spec, ensure_ascii=False, indent=2),
            "parameter_json": json.dumps(self.parameter, ensure_ascii=False),
            "hints_json": json.dumps(self.hints, ensure_ascii=False, indent=2),
            "state_json": json.dumps({"saveUrl": self.runtime.handler_url(self, "studio_save"),
                                      "previewUrl": self.runtime.handler_url(self, "studio_preview")}),
        })
        fragment = Fragment(html)
        fragment.add_css_url(self.runtime.local_resource_url(self, "public/data_exercise.css"))
        fragment.add_javascript_url(self.runtime.local_resource_url(self, "public/studio_edit.js"))
        fragment.initialize_js("FdDataExerciseEditor")
        return fragment

    def author_context(self):
        _ = self._gettext()
        context = {"preview": [], "error": "", "reading": None, "t": template_strings(_)}
        try:
            dataset = self.dataset()
            context["reading"] = {"encoding": dataset.encoding, "delimiter": {"\t": "TAB"}.get(
                dataset.delimiter, dataset.delimiter), "rows": len(dataset.frame), "columns": len(dataset.columns)}
            context["reading_text"] = _("File read as {encoding}, columns separated by \"{delimiter}\": {rows} rows, "
                                        "{columns} columns.").format(**context["reading"])
            context["preview"] = self.preview_rows(dataset, self.checked_spec(dataset), self.parameter)
        except DataInputError as error:
            context["error"] = error.translate(_)
        return context

    def _require_staff(self):
        if not self.is_course_staff():
            raise DataInputError(N_("Only the course team can edit this exercise."), status=403)

    def load_candidate(self, data):
        """The dataset named in the editor's data (a course file), read and checked."""
        match = ASSET.fullmatch(_text(data, "dataset_path", required=True))
        if not match:
            raise DataInputError(N_("Name a course file ending in .csv, .tsv, .txt or .geojson, such as "
                                    "/static/comuni.csv."), "dataset_path")
        name = match["name"]
        saved = self.dataset_path
        self.dataset_path = f"/static/{name}"
        try:
            return f"/static/{name}", reading.cached_dataset(self.dataset_bytes(), name)
        finally:
            self.dataset_path = saved

    def preview_rows(self, dataset, spec, parameter):
        """The expected answer for each value the parameter can take (or the one answer)."""
        comma = self.decimal_comma()
        values = self.parameter_values(dataset) if parameter else [None]
        rows = []
        for value in values[:MAX_PREVIEW]:
            params = {parameter["name"]: value} if parameter else {}
            try:
                result = evaluate(dataset, spec, params)
                shown = result["value"] if result["kind"] == "text" else explore.format_cell(
                    round(result["value"], spec["decimals"]), comma)
                rows.append({"param": "" if value is None else explore.format_cell(value, comma),
                             "answer": shown, "rows": result["rows"], "problem": ""})
            except DataInputError as error:
                rows.append({"param": explore.format_cell(value, comma), "answer": "", "rows": 0,
                             "problem": error.translate(self._gettext())})
        return rows

    def clean_editor_data(self, data):
        path, dataset = self.load_candidate(data)
        licence = data.get("dataset_licence")
        if not isinstance(licence, str) or licence not in LICENCES:
            raise DataInputError(N_("Choose one of the licences in the list."), "dataset_licence")
        parameter = clean_parameter(data.get("parameter"), dataset)
        spec = clean_spec(data.get("spec"), dataset, parameter.get("name", ""))
        question = _text(data, "question", required=True)
        return dataset, {
            "display_name": _text(data, "display_name", required=True), "question": clean_html(question),
            "dataset_path": path, "dataset_title": _text(data, "dataset_title", required=True),
            "dataset_publisher": _text(data, "dataset_publisher", required=True),
            "dataset_source_url": clean_source_url(_text(data, "dataset_source_url")),
            "dataset_licence": licence, "dataset_snapshot": _text(data, "dataset_snapshot"),
            "dataset_version": _text(data, "dataset_version"), "dataset_notes": _text(data, "dataset_notes"),
            "spec": spec, "parameter": parameter, "hints": clean_hints(data.get("hints", [])),
            "attempts_allowed": _number(data, "attempts_allowed", 0, 100, whole=True),
            "partial_tolerance": float(_number(data, "partial_tolerance", 0, 1)),
            "partial_credit": float(_number(data, "partial_credit", 0, 1)),
            "weight": float(_number(data, "weight", 0, 100)), "answer_unit": _text(data, "answer_unit"),
        }

    def _studio_call(self, request, work):
        try:
            self._require_staff()
            return self._json_reply(work(self._json_body(request)))
        except DataInputError as error:
            return self._error_json(error)

    @staticmethod
    def _json_reply(body):
        from fd_core.xblock_json import json_response

        return json_response(body)

    @XBlock.handler
    def studio_save(self, request, suffix=""):
        def save(data):
            _dataset, values = self.clean_editor_data(data)
            for name, value in values.items():
                setattr(self, name, value)
            return {"result": "success"}
        return self._studio_call(request, save)

    @XBlock.handler
    def studio_preview(self, request, suffix=""):
        """Validate the editor's values and show the expected answer for every parameter value."""
        def preview(data):
            dataset, values = self.clean_editor_data(data)
            return {"reading": {"encoding": dataset.encoding, "delimiter": dataset.delimiter,
                                "rows": len(dataset.frame), "columns": dataset.columns,
                                "numeric": sorted(dataset.numeric)},
                    "answers": self.preview_rows(dataset, values["spec"], values["parameter"])}
        return self._studio_call(request, preview)

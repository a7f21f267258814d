"""The learner's handlers: the table (JSON and a page without JavaScript), answers, hints, download.

Every handler checks its caller: the LMS also exposes handlers on a route where the user is
anonymous, and the dataset and the grade belong to enrolled, signed-in learners.
"""
import json
from urllib.parse import urlencode

from webob import Response
from xblock.core import XBlock

from fd_core import safe_json
from fd_core.xblock_json import json_response

from . import answers, explore
from .errors import N_, DataInputError
from .spec import describe_filters
from .strings import template_strings

CONTENT_TYPES = {"csv": "text/csv", "tsv": "text/tab-separated-values", "txt": "text/plain",
                 "geojson": "application/geo+json", "json": "application/json"}


def _query_dict(request):
    return {key: request.GET.getall(key)[0] for key in request.GET.keys()}


class LearnerMixin:
    """Handlers and the context shared by the in-page view and the page without JavaScript."""

    # ----------------------------------------------------------------- shared context
    def table_context(self, dataset, query):
        result = explore.run_query(dataset, query)
        comma = self.decimal_comma()
        numeric = set(result["numeric"])
        direction = "ascending" if query["dir"] == "asc" else "descending"
        columns = [{"name": name, "numeric": name in numeric, "sort": direction if name == query["sort"] else "none"}
                   for name in result["columns"]]
        rows = [[{"text": explore.format_cell(value, comma), "numeric": col["numeric"]}
                 for value, col in zip(row, columns, strict=True)] for row in result["rows"]]
        return dict(result, columns=columns, rows=rows, first=result["start"] + 1 if result["total"] else 0,
                    last=result["start"] + len(rows))

    def page_context(self, raw_query, in_page=False, feedback=None, csrf_token=""):
        _ = self._gettext()
        context = {"uid": "fd-dx-" + str(self.scope_ids.usage_id.block_id), "display_name": self.display_name,
                   "t": template_strings(_),
                   "card": self.card(), "in_page": in_page, "feedback": feedback, "csrf_token": csrf_token,
                   "error": "", "hints": self.hints[:self.hints_revealed], "hints_total": len(self.hints),
                   "next_hint_cost": self._next_hint_cost(), "attempts_left": self.attempts_left(),
                   "attempts_allowed": self.attempts_allowed, "finished": self.finished(),
                   "last_answer": self.last_answer, "score_percent": int(round(self.best_score * 100)),
                   "answer_unit": self.answer_unit, "page_sizes": explore.PAGE_SIZES,
                   "explore_url": self.runtime.handler_url(self, "explore_page"),
                   "answer_page_url": self.runtime.handler_url(self, "answer_page"),
                   "download_url": self.runtime.handler_url(self, "download"),
                   "state_json": json.dumps({
                       "tableUrl": self.runtime.handler_url(self, "table_rows"),
                       "answerUrl": self.runtime.handler_url(self, "check_answer"),
                       "hintUrl": self.runtime.handler_url(self, "reveal_hint"),
                       "strings": {"error": _("Something went wrong: try again."),
                                   "rows": _("Rows {first}–{last} of {total}"), "none": _("No rows match."),
                                   "page": _("Page {page} of {pages}"), "previous": _("Previous page"),
                                   "next": _("Next page"), "attempts": _("Attempts left: {left}"),
                                   "score": _("Your score: {score}%"), "hint": _("Hint {number}:"),
                                   "hintButton": _("Show a hint (costs {cost}% of the score)"),
                                   "solution": _("The answer is {value}. It comes from {rows} rows, "
                                                 "the ones where:")}}).replace("<", "\\u003c")}
        try:
            dataset = self.dataset()
            query = explore.clean_query(dataset, raw_query)
            params = self.learner_params(dataset)
            context.update({"question": self.question_html(params), "table": self.table_context(dataset, query),
                            "query": query, "all_columns": dataset.columns,
                            "numeric_columns": sorted(dataset.numeric), "signed_in": self.is_signed_in()})
            if self.finished():
                context["solution"] = self.solution(dataset, params)
        except DataInputError as error:
            context["error"] = error.translate(_)
            context.setdefault("query", {})
        table = context.get("table")
        if table:
            context["status_text"] = _("Rows {first}–{last} of {total}").format(**table) if table["total"] \
                else _("No rows match.")
            context["page_text"] = _("Page {page} of {pages}").format(**table)
        if context["next_hint_cost"] is not None:
            context["hint_button_text"] = _("Show a hint (costs {cost}% of the score)").format(
                cost=context["next_hint_cost"])
        context["attempts_text"] = _("Attempts left: {left}").format(left=context["attempts_left"])
        context["score_text"] = _("Your score: {score}%").format(score=context["score_percent"])
        context["query_string"] = urlencode({k: v for k, v in (context.get("query") or {}).items()
                                             if v not in (None, "") and k not in ("page",)})
        return context

    def _next_hint_cost(self):
        if self.hints_revealed >= len(self.hints):
            return None
        return int(round(float(self.hints[self.hints_revealed].get("cost", 0)) * 100))

    def solution(self, dataset, params):
        _ = self._gettext()
        spec = self.checked_spec(dataset)
        expected = self.expected(dataset, params)
        value = expected["value"] if expected["kind"] == "text" else explore.format_cell(
            round(expected["value"], spec["decimals"]), self.decimal_comma())
        filters = describe_filters(spec, params, _) or [_("all the rows")]
        text = _("The answer is {value}. It comes from {rows} rows, the ones where:").format(
            value=value, rows=expected["rows"])
        return {"value": value, "filters": filters, "rows": expected["rows"], "operation": spec["operation"],
                "text": text,
                "column": spec.get("column", "")}

    # ----------------------------------------------------------------- checks
    def _require_learner(self):
        if not self.is_signed_in():
            raise DataInputError(N_("Sign in and enrol in the course to use this exercise."), status=403)

    def _error_json(self, error):
        return json_response({"error": error.translate(self._gettext()), "field": error.field}, error.status)

    def _json_body(self, request):
        if request.method != "POST":
            raise DataInputError(N_("Send this request with POST."), status=405)
        try:
            data = safe_json.loads(request.body)
        except safe_json.JsonInputError as exc:  # says why (too deep, too large, not JSON), translated
            raise DataInputError(str(exc)) from exc
        if not isinstance(data, dict):
            raise DataInputError(N_("The request body must be a JSON object."))
        return data

    # ----------------------------------------------------------------- table
    @XBlock.handler
    def table_rows(self, request, suffix=""):
        """GET with the table's query (sort, dir, column, value, min, max, q, group, agg, agg_column, page, size)."""
        try:
            self._require_learner()
            dataset = self.dataset()
            table = self.table_context(dataset, explore.clean_query(dataset, _query_dict(request)))
        except DataInputError as error:
            return self._error_json(error)
        self.runtime.publish(self, "fd.data_exercise.table.queried", {
            "id": str(self.scope_ids.usage_id), "total": table["total"], "page": table["page"]})
        return json_response(table)

    @XBlock.handler
    def explore_page(self, request, suffix=""):
        """The whole exercise as a page of its own, for browsers without JavaScript (forms sent with GET)."""
        if not self.is_signed_in():
            return Response(self._gettext()("Sign in and enrol in the course to use this exercise."), status=403,
                            content_type="text/plain", charset="utf-8")
        return self._page(_query_dict(request), None, request)

    def _page(self, raw_query, feedback, request, status=200):
        context = self.page_context(raw_query, feedback=feedback, csrf_token=request.cookies.get("csrftoken", ""))
        page = self.render_template("explore_page.html", {
            "body": self.render_template("exercise_body.html", context), "display_name": self.display_name,
            "lang": "it" if self.decimal_comma() else "en",
            "css_url": self.runtime.local_resource_url(self, "public/data_exercise.css")})
        return Response(page, status=status,
                        content_type="text/html", charset="utf-8")

    # ----------------------------------------------------------------- answers and hints
    def submit_answer(self, raw_answer):
        """Check one answer, keep it, publish the grade; return the feedback dict."""
        _ = self._gettext()
        self._require_learner()
        if self.finished():
            raise DataInputError(N_("You have no attempts left for this question."), "answer", status=409)
        answer = answers.clean_answer(raw_answer)
        dataset = self.dataset()
        params = self.learner_params(dataset)
        verdict = answers.judge(answer, self.expected(dataset, params), self.checked_spec(dataset),
                                self.partial_tolerance)
        score = answers.score_for(verdict, self.hints_revealed, self.hint_costs(), self.partial_credit)
        self.attempts_used += 1
        self.last_answer = answer
        self.last_verdict = verdict
        self.solved = self.solved or verdict == "correct"
        if score > self.best_score or self.attempts_used == 1:
            self.best_score = max(score, self.best_score)
            self.runtime.publish(self, "grade", {"value": self.best_score, "max_value": 1.0})
        if self.finished():
            self.runtime.publish(self, "completion", {"completion": 1.0})
        self.runtime.publish(self, "fd.data_exercise.answered", {
            "id": str(self.scope_ids.usage_id), "answer": answer, "verdict": verdict, "score": score,
            "attempt": self.attempts_used, "hints": self.hints_revealed,
            "params": {k: str(v) for k, v in params.items()}})
        messages = {"correct": _("Correct!"), "partial": _("Close: partial credit."), "wrong": _("Not quite.")}
        feedback = {"verdict": verdict, "message": messages[verdict], "score": score, "best_score": self.best_score,
                    "attempts_left": self.attempts_left(), "finished": self.finished()}
        if self.finished():
            feedback["solution"] = self.solution(dataset, params)
        return feedback

    @XBlock.handler
    def check_answer(self, request, suffix=""):
        try:
            return json_response(self.submit_answer(self._json_body(request).get("answer")))
        except DataInputError as error:
            return self._error_json(error)

    @XBlock.handler
    def answer_page(self, request, suffix=""):
        """The answer form of the page without JavaScript (a plain POST with the CSRF token)."""
        _ = self._gettext()
        if request.method != "POST":
            return Response(_("Send this request with POST."), status=405, content_type="text/plain", charset="utf-8")
        try:
            if request.POST.get("action") == "hint":
                self.take_hint()
                feedback = None
            else:
                feedback = self.submit_answer(request.POST.get("answer", ""))
        except DataInputError as error:
            if error.status == 403:
                return Response(error.translate(_), status=403, content_type="text/plain", charset="utf-8")
            feedback = {"verdict": "error", "message": error.translate(_)}
        return self._page({}, feedback, request)

    def take_hint(self):
        self._require_learner()
        if self.hints_revealed >= len(self.hints):
            raise DataInputError(N_("There are no more hints."), "hint", status=409)
        self.hints_revealed += 1
        hint = self.hints[self.hints_revealed - 1]
        self.runtime.publish(self, "fd.data_exercise.hint.shown", {
            "id": str(self.scope_ids.usage_id), "hint": self.hints_revealed, "cost": hint.get("cost", 0)})
        return hint

    @XBlock.handler
    def reveal_hint(self, request, suffix=""):
        try:
            self._json_body(request)
            hint = self.take_hint()
        except DataInputError as error:
            return self._error_json(error)
        return json_response({"text": hint["text"], "number": self.hints_revealed, "total": len(self.hints),
                              "next_cost": self._next_hint_cost()})

    # ----------------------------------------------------------------- download
    @XBlock.handler
    def download(self, request, suffix=""):
        """The dataset file as the publisher made it, to open in LibreOffice Calc or QGIS."""
        try:
            self._require_learner()
            data = self.dataset_bytes()
        except DataInputError as error:
            return Response(error.translate(self._gettext()), status=error.status, content_type="text/plain",
                            charset="utf-8")
        extension = self.asset_name.rpartition(".")[2].lower()
        response = Response(body=data, content_type=CONTENT_TYPES.get(extension, "application/octet-stream"))
        response.charset = None  # the file keeps the publisher's encoding (often Windows-1252): claim none
        response.content_disposition = f'attachment; filename="{self.asset_name.rpartition("/")[2]}"'
        return response

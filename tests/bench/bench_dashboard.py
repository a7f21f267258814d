"""The staff dashboard against a bare render of its own summary table, at a large event count.

50 targets (as in ``bench_progress``) and ``FD_BENCH_DASHBOARD_EVENTS`` events (default 20,000;
the issue's size is 1,000,000: ``FD_BENCH_DASHBOARD_EVENTS=1000000 make bench``) ingested in
batches. Then, taking turns:

- the page: ``GET /fd/progress/`` as staff (middleware, session, every target's section with its
  burn-up chart, the breakdowns), after one warm-up request (which draws and caches the charts);
- the baseline: reading the same targets' progress (``progress_of``) and rendering only the
  summary table template (``fd_progress/_summary.html``), no request around it.

A second row shows what the chart cache saves: the page with its charts drawn for every request
(the cache cleared before each) against the page with the charts cached.

The fd_progress tables of the bench database are emptied before and after.
"""
import os

from tests.bench import bench_progress as progress
from tests.bench.timing import best_of_each, human_seconds, ratio

EVENTS = int(os.environ.get("FD_BENCH_DASHBOARD_EVENTS", 20_000))


def run():
    progress._setup_django()
    from django.test.utils import override_settings

    progress._empty_tables()
    try:
        with override_settings(ALLOWED_HOSTS=["localhost", "testserver"], LANGUAGE_CODE="it"):
            return _run()
    finally:
        progress._empty_tables()


def _run():
    from django.core.cache import cache
    from django.template.loader import render_to_string

    from fd_progress.models import ActivityEvent, Target
    from fd_progress.series import progress_of

    progress.make_targets()
    progress.ingest_batched(progress.event_stream(EVENTS, seed=3))
    counted = ActivityEvent.objects.count()
    client = progress._staff_client()

    def page():
        response = client.get("/fd/progress/", HTTP_HOST="localhost")
        assert response.status_code == 200 and response.content.count(b"<svg") == progress.TARGETS
        return response

    def summary_table():
        items = progress_of(Target.objects.prefetch_related("milestones"))
        html = render_to_string("fd_progress/_summary.html", {"items": items})
        assert html.count("<tr>") == progress.TARGETS + 1
        return html

    def page_drawing_charts():
        cache.clear()
        return page()

    times = best_of_each({"page": page, "table": summary_table, "drawing": page_drawing_charts}, repeat=3, number=3)
    return [
        {"name": f"progress: dashboard page / bare render of its summary table, 50 targets, {EVENTS:,} events",
         "ratio": round(ratio(times["page"], times["table"]), 2), "goal": "<= 3",
         "detail": f"page {human_seconds(times['page'])} (charts cached), summary table alone "
                   f"{human_seconds(times['table'])} (progress_of + _summary.html); {counted:,} distinct events; "
                   f"opt-in size: FD_BENCH_DASHBOARD_EVENTS=1000000"},
        {"name": "progress: dashboard drawing every chart / with charts cached",
         "ratio": round(ratio(times["drawing"], times["page"]), 2), "goal": ">= 3",
         "detail": f"{human_seconds(times['drawing'])} with the chart cache cleared before each request, "
                   f"{human_seconds(times['page'])} with it"},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)

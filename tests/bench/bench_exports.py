"""Peak memory of the exports, and of a sandbox process serving a unit.

- targets CSV (``/fd/progress/targets.csv``) and JSON (the REST API's list of targets), both
  streamed: the peak Python memory (``tracemalloc``) while a staff request's whole body is read,
  with 1,000 and with ``FD_BENCH_EXPORT_ROWS`` targets (default 10,000, to keep ``make bench``
  short; the issue's size: ``FD_BENCH_EXPORT_ROWS=100000``); the ratio is large / small, so a
  flat (streamed) export scores 1, and one that holds every row about 10.
- the sandbox serving a unit: a fresh Python process (``sandbox.settings.test`` on the bench
  database) that imports the 5-block bench course of ``bench_sandbox`` and serves its unit page
  to a learner; its peak RSS (``resource.getrusage``) against the goal of 230 MB.

The assessment statistics CSV's row is in ``bench_assessment`` (it needs that module's attempts).
"""
import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from tests.bench.timing import human_bytes, peak_memory

REPO = Path(__file__).resolve().parents[2]
LARGE = int(os.environ.get("FD_BENCH_EXPORT_ROWS", 10_000))  # the size: 100000
SMALL = 1_000
RSS_GOAL_MB = 230

SERVE_UNIT = """
import os, resource, sys
sys.path.insert(0, {repo!r})
import django
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from sandbox.enrollment import enroll
from tests.bench.bench_sandbox import UNIT_ID, _bench_course
course = _bench_course()
user, _ = get_user_model().objects.get_or_create(username="bench-rss-learner")
enroll(user, course)
client = Client()
client.force_login(user)
url = reverse("sandbox:unit", kwargs={{"course_id": str(course.course_key), "usage_id": UNIT_ID}})
with override_settings(ALLOWED_HOSTS=["testserver"]):
    for _ in range(3):
        assert client.get(url).status_code == 200
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _targets(count):
    from django.utils import timezone

    from fd_progress.models import Target

    today = timezone.localdate()
    Target.objects.all().delete()
    Target.objects.bulk_create([
        Target(title_it=f"Obiettivo {n}", title_en=f"Target {n}", metric="enrolments", scope_type="programme",
               scope_value="", period_start=today - timedelta(days=6), deadline=today + timedelta(days=30),
               goal=100 + n)
        for n in range(count)
    ], batch_size=5000)


def _read_targets_csv(client, parse=False):
    response = client.get("/fd/progress/targets.csv", HTTP_HOST="localhost")
    assert response.status_code == 200
    return sum(chunk.count(b"\n") for chunk in response.streaming_content) - 1  # less the header


def _read_targets_json(client, parse=False):
    """Targets in the REST API's list, counted as the chunks arrive (one target a chunk, between "[" and "]"),
    or (``parse``) parsed whole to check that the streamed list is JSON with one item per target."""
    response = client.get("/fd/progress/api/targets/", HTTP_HOST="localhost", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    if not response.streaming:
        return len(json.loads(response.content))
    if parse:
        return len(json.loads(b"".join(response.streaming_content)))
    return sum(1 for chunk in response.streaming_content if chunk not in (b"[", b"]"))


def _target_export_rows():
    """Both target exports read whole at 1,000 and at ``LARGE`` targets (made once per size)."""
    from django.test.utils import override_settings

    from fd_progress.models import Target
    from tests.bench.bench_progress import _staff_client

    client = _staff_client()
    readers = {"CSV": _read_targets_csv, "JSON": _read_targets_json}
    peaks = {name: {} for name in readers}
    try:
        with override_settings(ALLOWED_HOSTS=["localhost", "testserver"]):
            for count in (SMALL, LARGE):
                _targets(count)
                for name, read in readers.items():
                    if count == SMALL:  # warm-up (imports, templates, query plans), the JSON parsed whole
                        assert read(client, parse=True) == SMALL, name
                    counted = []
                    peaks[name][count] = peak_memory(lambda: counted.append(read(client)))  # noqa: B023
                    assert counted == [count], (name, counted, count)
    finally:
        Target.objects.all().delete()
    where = {"CSV": "/fd/progress/targets.csv", "JSON": "the REST API's list, /fd/progress/api/targets/"}
    return [{"name": f"export: targets {name} peak memory, {LARGE:,} / {SMALL:,} targets",
             "ratio": round(peaks[name][LARGE] / peaks[name][SMALL], 2), "goal": "<= 1.2",
             "detail": f"tracemalloc peak {human_bytes(peaks[name][SMALL])} at {SMALL:,}, "
                       f"{human_bytes(peaks[name][LARGE])} at {LARGE:,} ({where[name]}: StreamingHttpResponse, "
                       "targets read 500 at a time); size: FD_BENCH_EXPORT_ROWS"}
            for name in readers]


def _sandbox_rss_row():
    env = dict(os.environ, DJANGO_SETTINGS_MODULE=os.environ.get("DJANGO_SETTINGS_MODULE", "sandbox.settings.test"))
    result = subprocess.run([sys.executable, "-c", SERVE_UNIT.format(repo=str(REPO))], env=env, cwd=REPO,
                            capture_output=True, text=True, check=True, timeout=600)
    peak_mb = int(result.stdout.strip().splitlines()[-1]) / 1024  # ru_maxrss is in KiB on Linux
    return {"name": "sandbox process serving a unit: peak RSS / 230 MB", "ratio": round(peak_mb / RSS_GOAL_MB, 2),
            "goal": "<= 1.0",
            "detail": f"peak RSS {peak_mb:.0f} MB (resource.getrusage in a fresh process: Django set up, the "
                      "5-block bench unit imported and served 3 times to a learner); goal 230 MB"}


def run():
    from tests.bench.bench_progress import _setup_django

    _setup_django()
    return [*_target_export_rows(), _sandbox_rss_row()]


if __name__ == "__main__":
    for row in run():
        print(row)

"""Class mode: the pupils' poll endpoint, alone and under a classroom load on MariaDB.

Rows:
- a pupil's poll (a full request through the middleware: signed cookie, one indexed query,
  ETag) over a bare JSON view served through the same stack (goal <= 2x); and the same for a
  poll answered 304 because nothing changed;
- 10 classes of 30 pupils polling every 2 s a live server (Django's threaded server, as
  ``runserver`` runs it, in its own
  process, on the bench MariaDB database) while each teacher moves the class on every 5 s
  through the server (a signed-in form post):
  the 95th-percentile latency over the poll interval (the detail gives p50/p95/max, requests
  and errors), and the errors (goal 0). ``FD_BENCH_CLASSROOM_SECONDS`` (default 20) bounds it.
"""
import os
import re
import socket
import subprocess
import sys
import threading
import time
import types
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.bench.timing import best_of_each, human_seconds, ratio

REPO = Path(__file__).resolve().parents[2]
CLASSES, PUPILS, INTERVAL = 10, 30, 2.0


def _tour():
    from tests.classroom.conftest import TOUR

    return TOUR


def _start_classes(count):
    from django.contrib.auth import get_user_model

    from fd_classroom import api
    from fd_classroom.models import ClassSession, TeacherRole
    from tests.classroom.conftest import COURSE_KEY, USAGE_KEY

    teacher, _ = get_user_model().objects.get_or_create(username="bench-teacher")
    TeacherRole.objects.get_or_create(user=teacher)
    codes = [api.start_class(teacher=teacher, course_key=COURSE_KEY, usage_key=USAGE_KEY, tour=_tour())["code"]
             for _ in range(count)]
    return [ClassSession.objects.get(code=code) for code in codes]


def _pupil_cookie(session):
    """A pupil of ``session`` and the signed cookie value its device would carry."""
    from fd_classroom.pupils import add_pupil, signed_value

    pupil, token = add_pupil(session)
    return signed_value(session.pk, pupil.pk, token)


def _bare_urlconf():
    from django.http import JsonResponse
    from django.urls import path

    from sandbox import urls

    def bare(request):
        return JsonResponse({"version": 1, "status": "live", "scene": "fibra", "pointed": "", "paused": False,
                             "question": ""})

    module = types.ModuleType("fd_bench_classroom_urls")
    # After the site's own routes, as a plugin's URL is: both requests pay the same URL resolving.
    module.urlpatterns = [*urls.urlpatterns, path("bench/bare.json", bare)]
    sys.modules[module.__name__] = module
    return module.__name__


def _single_rows():
    from django.test import Client, override_settings

    from fd_classroom.pupils import COOKIE

    session = _start_classes(1)[0]
    client = Client()
    client.cookies[COOKIE] = _pupil_cookie(session)
    client.cookies[COOKIE]["path"] = f"/fd/classroom/c/{session.code}/"
    poll_url = f"/fd/classroom/c/{session.code}/poll.json"
    with override_settings(ROOT_URLCONF=_bare_urlconf()):
        first = client.get(poll_url)
        if first.status_code != 200 or client.get("/bench/bare.json").status_code != 200:
            raise RuntimeError(f"poll answered {first.status_code}")
        etag = first["ETag"]
        times = best_of_each({
            "poll": lambda: client.get(poll_url),
            "poll_304": lambda: client.get(poll_url, HTTP_IF_NONE_MATCH=etag),
            "bare": lambda: client.get("/bench/bare.json"),
        }, repeat=7, number=50)
    poll, not_modified, bare = times["poll"], times["poll_304"], times["bare"]
    return [
        {"name": "classroom poll (200) / bare JSON view", "ratio": round(ratio(poll, bare), 2), "goal": "<= 2",
         "detail": f"poll {human_seconds(poll)}, bare {human_seconds(bare)} per request"},
        {"name": "classroom poll (304, unchanged) / bare JSON view", "ratio": round(ratio(not_modified, bare), 2),
         "goal": "<= 2", "detail": f"poll 304 {human_seconds(not_modified)}, bare {human_seconds(bare)}"},
    ]


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Django's threaded development server (what ``runserver`` runs), with a listen backlog a
# classroom's worth of devices needs (socketserver's default is 5).
SERVER = """
import sys
import django
django.setup()
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

class Server(ThreadedWSGIServer):
    request_queue_size = 512

class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass

server = Server(("127.0.0.1", int(sys.argv[1])), Quiet)
server.set_app(WSGIHandler())
server.serve_forever()
"""


def _serve(port):
    from django.conf import settings

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"],
           "FD_DB_NAME": settings.DATABASES["default"]["NAME"]}
    env.pop("FD_DB_USE_TEST_NAME", None)
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", SERVER, str(port)], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/fd/classroom/join/", timeout=2)  # noqa: S310
            return server
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    server.kill()
    raise RuntimeError("the bench server did not start")


class Pupil(threading.Thread):
    def __init__(self, url, cookie, stop_at, results):
        super().__init__(daemon=True)
        self.url, self.cookie, self.stop_at, self.results = url, cookie, stop_at, results
        self.etag = None

    def run(self):
        from fd_classroom.pupils import COOKIE

        time.sleep((hash(self.cookie) % 2000) / 1000)  # devices do not all poll in the same instant
        while time.monotonic() < self.stop_at:
            headers = {"Cookie": f"{COOKIE}={self.cookie}", "Accept": "application/json"}
            if self.etag:
                headers["If-None-Match"] = self.etag
            began = time.perf_counter()
            status = 0
            try:
                with urllib.request.urlopen(urllib.request.Request(self.url, headers=headers), timeout=10) as reply:  # noqa: S310
                    status = reply.status
                    self.etag = reply.headers.get("ETag") or self.etag
                    reply.read()
            except urllib.error.HTTPError as error:
                status = error.code
            except (urllib.error.URLError, OSError):
                status = -1
            self.results.append((time.perf_counter() - began, status))
            time.sleep(max(0.0, INTERVAL - (time.perf_counter() - began)))


class Teacher:
    """The teacher's whiteboard: moves the class on through the server, as a signed-in browser would."""

    def __init__(self, base, session):
        from django.conf import settings
        from django.contrib.auth import get_user_model
        from django.test import Client

        client = Client()
        client.force_login(get_user_model().objects.get(pk=session.teacher_id))
        self.cookies = {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}
        self.lead = f"{base}/fd/classroom/lead/{session.public_id}/"
        page = self._open(self.lead).decode()
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def _open(self, url, data=None):
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items()),
                   "Referer": self.lead}
        request = urllib.request.Request(url, data=data, headers=headers)
        with urllib.request.urlopen(request, timeout=30) as reply:  # noqa: S310
            for header in reply.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
            return reply.read()

    def go_to(self, scene_id):
        """Move the class on; False if the server did not answer."""
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": self.token, "action": "goto", "scene": scene_id})
        try:
            self._open(self.lead + "act", data.encode())
        except (urllib.error.URLError, OSError):
            return False
        return True


def _load_rows(seconds):
    sessions = _start_classes(CLASSES)
    cookies = [[_pupil_cookie(session) for _ in range(PUPILS)] for session in sessions]
    port = _free_port()
    server = _serve(port)
    results = []
    try:
        teachers = [Teacher(f"http://127.0.0.1:{port}", session) for session in sessions]
        stop_at = time.monotonic() + seconds
        threads = [Pupil(f"http://127.0.0.1:{port}/fd/classroom/c/{session.code}/poll.json", cookie, stop_at, results)
                   for session, group in zip(sessions, cookies, strict=True) for cookie in group]
        for thread in threads:
            thread.start()
        scenes = [scene["id"] for scene in _tour()["scenes"]]
        step = teacher_errors = 0
        while time.monotonic() < stop_at:
            time.sleep(5)
            step += 1
            for teacher in teachers:
                teacher_errors += not teacher.go_to(scenes[step % len(scenes)])
        for thread in threads:
            thread.join(timeout=15)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    latencies = sorted(latency for latency, _status in results)
    errors = teacher_errors + sum(1 for _latency, status in results if status not in (200, 304))
    changed = sum(1 for _latency, status in results if status == 200)
    p50 = latencies[len(latencies) // 2]
    p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
    detail = (f"{len(results)} polls in {seconds:.0f} s ({len(results) / seconds:.0f}/s, {changed} with news), "
              f"{errors} errors; "
              f"p50 {human_seconds(p50)}, p95 {human_seconds(p95)}, max {human_seconds(latencies[-1])}")
    return [
        {"name": f"{CLASSES} classes x {PUPILS} pupils polling every 2 s: p95 latency / poll interval",
         "ratio": round(p95 / INTERVAL, 3), "goal": "<= 0.5", "detail": detail},
        {"name": f"{CLASSES} classes x {PUPILS} pupils polling: errors", "ratio": errors, "goal": "== 0",
         "detail": detail},
    ]


def run():
    seconds = float(os.environ.get("FD_BENCH_CLASSROOM_SECONDS", "20"))
    return _single_rows() + _load_rows(seconds)

"""The city tour against xblock-sdk's blocks, measured in the same run.

- ``student_view`` render of the nine-stop "Firenze smart city" tour (every stop rendered as
  text, with forms) against an ``html_demo`` block holding a paragraph, in the sandbox runtime.
- the ``visit_scene`` JSON handler (saves the learner's state) against xblock-sdk's ``thumbs``
  ``vote`` handler in the same runtime.
- what the page carries: the block's own JavaScript and CSS, gzipped, and the viewer's files
  (Photo Sphere Viewer + three.js), gzipped, which are loaded only when a 360° stop is shown.
"""
import gzip
import json
import shutil
import tempfile
from pathlib import Path

from tests.bench.timing import best_of_each, human_bytes, human_seconds, ratio

REPO = Path(__file__).resolve().parents[2]
COURSE_DIR = REPO / "course_content" / "smart-city"
PUBLIC = REPO / "fd_xblocks" / "city_tour" / "public"


def _course():
    from sandbox.courses import import_course

    root = Path(tempfile.mkdtemp(prefix="fd-bench-tour-")) / "smart-city"
    shutil.copytree(COURSE_DIR, root)
    (root / "vertical" / "smart-city-tour-unit.xml").write_text(
        '<vertical display_name="Giro"><fd_city_tour url_name="firenze-smart-city"/><thumbs url_name="thumbs"/>'
        '<html_demo url_name="text"><p>Oggi facciamo un giro per Firenze.</p></html_demo></vertical>')
    return import_course(root)


def _request(payload):
    from webob import Request

    return Request.blank("/", method="POST", body=json.dumps(payload).encode(), content_type="application/json")


def run():
    from django.contrib.auth import get_user_model

    from sandbox.enrollment import enroll
    from sandbox.runtime import SandboxRuntime

    course = _course()
    user, _ = get_user_model().objects.get_or_create(username="bench-tour-learner")
    enroll(user, course)
    runtime = SandboxRuntime(user, course.course_key)
    key = course.course_key.make_usage_key
    tour = runtime.get_block(key("fd_city_tour", "firenze-smart-city"))
    html = runtime.get_block(key("html_demo", "text"))
    thumbs = runtime.get_block(key("thumbs", "thumbs"))

    views = best_of_each({"tour": lambda: runtime.render(tour, "student_view"),
                          "html": lambda: runtime.render(html, "student_view")}, repeat=8, number=5)
    assert runtime.handle(tour, "visit_scene", _request({"scene": "lampioni"})).status_code == 200
    handlers = best_of_each({"visit": lambda: runtime.handle(tour, "visit_scene", _request({"scene": "lampioni"})),
                             "vote": lambda: runtime.handle(thumbs, "vote", _request({"voteType": "up"}))},
                            repeat=5, number=30)
    own = sum(len(gzip.compress((PUBLIC / name).read_bytes(), 9)) for name in ("city_tour.js", "city_tour.css"))
    viewer = sum(len(gzip.compress(path.read_bytes(), 9)) for path in (PUBLIC / "vendor").glob("*.js"))
    return [
        {"name": "city tour student_view (9 stops) / html_demo student_view",
         "ratio": round(ratio(views["tour"], views["html"]), 2), "goal": "<= 40",
         "detail": f"tour {human_seconds(views['tour'])}, html_demo {human_seconds(views['html'])} per render; "
                   "the template is parsed once (fd_core.xblock_templates); what is left is rendering every "
                   "stop's markup (about 680 template variables a view) and class mode's course-staff checks"},
        {"name": "city tour visit_scene handler / thumbs vote handler",
         "ratio": round(ratio(handlers["visit"], handlers["vote"]), 2), "goal": "<= 2",
         "detail": f"visit_scene {human_seconds(handlers['visit'])}, vote {human_seconds(handlers['vote'])}"},
        {"name": "city tour viewer bytes (loaded on 360° stops only) / the block's own JS+CSS",
         "ratio": round(viewer / own, 1), "goal": "report",
         "detail": f"own {human_bytes(own)} gzipped on every page; viewer {human_bytes(viewer)} gzipped, "
                   f"only when a 360° stop is shown"},
    ]

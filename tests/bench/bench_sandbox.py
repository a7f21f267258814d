"""The sandbox's unit page against a bare Django render of the same page skeleton.

The candidate is a full request for a unit with five XBlocks (middleware, session, enrolment
check, course tree queries on the bench database, XBlock runtime, fragments, template); the
baseline renders the same template with the blocks' HTML already made. The ratio is what
the LMS stand-in costs on top of templating, so a slow query or runtime change shows up.
"""
import tempfile
from pathlib import Path

from tests.bench.timing import best_of_each, human_seconds, ratio

COURSE_XML = '<course url_name="2026" org="FirenzeDigitale" course="BENCH"/>'
COURSE_BODY = """<course display_name="Bench" language="it" start="2026-01-01T00:00:00Z">
  <chapter url_name="capitolo" display_name="Capitolo">
    <sequential url_name="sequenza" display_name="Sequenza">
      <vertical url_name="unita" display_name="Unità di prova">
        <html_demo url_name="testo-1"><p>Che cosa sono i <strong>dati aperti</strong>?</p></html_demo>
        <thumbs url_name="pollice-1"/>
        <html_demo url_name="testo-2"><p>Dove trovarli: il portale del Comune.</p></html_demo>
        <thumbs url_name="pollice-2"/>
        <html_demo url_name="testo-3"><p>Licenze: CC-BY 4.0 e IODL 2.0.</p></html_demo>
      </vertical>
    </sequential>
  </chapter>
</course>
"""
UNIT_ID = "block-v1:FirenzeDigitale+BENCH+2026+type@vertical+block@unita"


def _bench_course():
    from sandbox.courses import import_course

    root = Path(tempfile.mkdtemp(prefix="fd-bench-course-"))
    (root / "course").mkdir()
    (root / "course.xml").write_text(COURSE_XML, encoding="utf-8")
    (root / "course" / "2026.xml").write_text(COURSE_BODY, encoding="utf-8")
    return import_course(root)


def run():
    from django.contrib.auth import get_user_model
    from django.template.loader import render_to_string
    from django.test import Client, RequestFactory
    from django.urls import reverse

    from sandbox.enrollment import enroll
    from sandbox.models import CourseBlock
    from sandbox.rendering import render_blocks
    from sandbox.runtime import SandboxRuntime

    course = _bench_course()
    user, _ = get_user_model().objects.get_or_create(username="bench-learner")
    enroll(user, course)
    unit = CourseBlock.objects.get(usage_key=UNIT_ID)
    url = reverse("sandbox:unit", kwargs={"course_id": str(course.course_key), "usage_id": UNIT_ID})
    client = Client()
    client.force_login(user)
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"unit page answered {response.status_code}")

    runtime = SandboxRuntime(user, course.course_key)
    leaves = [leaf.usage_key for leaf in unit.children.order_by("position", "id")]
    bodies, head, foot = render_blocks(runtime, leaves, "student_view")
    request = RequestFactory().get(url)
    request.user = user
    context = {
        "course": course, "unit": unit, "bodies": bodies, "head_html": head, "foot_html": foot,
        "previous_unit": None, "next_unit": None, "student_id": user.pk, "is_staff": False,
    }

    times = best_of_each({
        "page": lambda: client.get(url),
        "template": lambda: render_to_string("sandbox/unit.html", context, request=request),
        "blocks": lambda: render_blocks(SandboxRuntime(user, course.course_key), leaves, "student_view"),
    }, repeat=7, number=10)
    page, template, blocks = times["page"], times["template"], times["blocks"]
    return [
        {
            "name": "sandbox unit page (5 blocks) / bare template render",
            "ratio": round(ratio(page, template), 2),
            "goal": "<= 40",
            "detail": f"page {human_seconds(page)}, template {human_seconds(template)}",
        },
        {
            "name": "XBlock runtime render of 5 blocks / bare template render",
            "ratio": round(ratio(blocks, template), 2),
            "goal": "<= 25",
            "detail": f"blocks {human_seconds(blocks)}, template {human_seconds(template)}",
        },
    ]

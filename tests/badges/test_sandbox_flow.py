"""Done when: in the sandbox a learner passes the demo course and, with no one acting, finds a signed
badge on their page; its exports verify independently; revoking it makes verification fail."""
import json
from unittest.mock import Mock

import pytest
import xblock.plugin
from django.core.management import call_command
from django.urls import reverse
from xblock.core import XBlock

from fd_badges.credentials import baking
from fd_badges.models import Award

from .interop_runner import public_documents, run_node

pytestmark = [pytest.mark.integration]

COURSE_XML = '<course url_name="2026" org="FirenzeDigitale" course="OD101"/>'
COURSE_BODY = """<course display_name="Open data" language="it" start="2026-01-01T00:00:00Z">
  <chapter url_name="c1" display_name="Capitolo"><sequential url_name="s1" display_name="Sequenza">
    <vertical url_name="v1" display_name="Verifica"><fd_contract_problem url_name="quiz"/></vertical>
  </sequential></chapter>
</course>"""


@pytest.fixture
def scored_course(tmp_path, monkeypatch, transactional_db):
    from sandbox.courses import import_course
    from tests.contract.probe import ScoredProblemBlock

    entry_point = Mock(dist=Mock(key="tests"), load=Mock(return_value=ScoredProblemBlock), group="xblock.v1")
    entry_point.name = "fd_contract_problem"
    extra = [*XBlock.extra_entry_points, ("fd_contract_problem", entry_point)]
    monkeypatch.setattr(XBlock, "extra_entry_points", extra)
    monkeypatch.setattr(xblock.plugin, "PLUGIN_CACHE", {})
    (tmp_path / "course").mkdir()
    (tmp_path / "course.xml").write_text(COURSE_XML, encoding="utf-8")
    (tmp_path / "course" / "2026.xml").write_text(COURSE_BODY, encoding="utf-8")
    return import_course(tmp_path)


def test_learner_passes_the_course_and_finds_a_signed_badge(scored_course, celery_worker, wait_for, client, learner,
                                                             staff):
    from sandbox.enrollment import enroll
    from sandbox.grades import record_score

    call_command("fd_badges_demo", "--domain", "testserver")
    enroll(learner, scored_course)
    record_score(learner, scored_course.course_key.make_usage_key("fd_contract_problem", "quiz"), 1, 1)

    def badges_signed():
        slugs = set(Award.objects.filter(user=learner, notified_at__isnull=False).values_list("badge_class__slug",
                                                                                               flat=True))
        return slugs if {"open-data-od101", "video-pills-od101"} <= slugs else None

    wait_for(badges_signed, timeout=60)
    client.force_login(learner)
    page = client.get(reverse("fd_badges:my_badges")).content.decode()
    assert "Open data: primi passi" in page and "Curioso dei dati" in page
    award = Award.objects.get(user=learner, badge_class__slug="open-data-od101")
    downloads = {fmt: client.get(reverse("fd_badges:award_download", kwargs={"uuid": award.uuid, "fmt": fmt}))
                 for fmt in ("json", "jwt", "png", "svg")}
    credentials = [json.loads(downloads["json"].content),
                   json.loads(baking.unbake_png(downloads["png"].content)),
                   json.loads(baking.unbake_svg(downloads["svg"].content.decode()))]
    documents = public_documents(award.badge_class.issuer, credentials)
    assert [r["verified"] for r in run_node({"mode": "verify", "credentials": credentials,
                                             "documents": documents})] == [True, True, True]
    assert run_node({"mode": "jwt", "jwts": [downloads["jwt"].content.decode()], "documents": documents})[0]["verified"]

    client.force_login(staff)
    client.post(reverse("fd_badges:revoke_award", kwargs={"uuid": award.uuid}), {"reason": "prova"})
    documents = public_documents(award.badge_class.issuer, credentials)
    after = run_node({"mode": "verify", "credentials": credentials[:1], "documents": documents})
    assert after[0]["verified"] is False and "revoked" in after[0]["errors"]

"""The staff dashboard, the CSV download, the public page and the open-data export."""
import csv
import io
import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from pyld import jsonld

from fd_progress import api, ingest
from fd_progress.models import FacilitationPoint, Target, TrainingSession

from .conftest import COURSE_KEY, drain, speak_english

pytestmark = pytest.mark.django_db


def reach(people, days_ago=0, course=str(COURSE_KEY)):
    for user_id in people:
        ingest.enrollment(user_id, course, timezone.now() - timedelta(days=days_ago))
    drain()


def test_the_dashboard_shows_each_target_with_an_accessible_burn_up_chart(staff_client, year_target):
    reach(range(1, 8), days_ago=3)
    html = speak_english(staff_client).get("/fd/progress/").content.decode()
    assert "5,000 people by December" in html
    svg = re.search(r"<svg [^>]*role=\"img\"[^>]*>.*?</svg>", html, re.S).group(0)
    assert f'aria-labelledby="chart-{year_target.pk}-title chart-{year_target.pk}-desc"' in svg
    assert "<title id=" in svg and "Value today: 7 of 5,000" in svg
    for series in ("Actual", "Goal", "Milestones", "Forecast"):
        assert series in svg
    assert "Chart data as a table" in html and "<caption>" in html
    assert "Behind" in html  # 7 people in 60 days will not make 5,000 in the 60 left


def test_the_dashboard_speaks_italian_by_default(staff_client, year_target):
    html = staff_client.get("/fd/progress/").content.decode()
    assert '<html lang="it">' in html
    assert "5.000 persone entro dicembre" in html
    assert "Obiettivi di partecipazione" in html


def test_breakdown_by_district_and_partner(staff_client, make_learner, today):
    point = FacilitationPoint.objects.create(name="Biblioteca Villa Bandini", district="Quartiere 3")
    session = TrainingSession.objects.create(title="IO", kind="in_person", date=today, partner="UICI",
                                             facilitation_point=point)
    api.record_attendance(session, [], head_count=21)
    drain()
    html = speak_english(staff_client).get("/fd/progress/?metric=attendances").content.decode()
    assert re.search(r"Quartiere 3</th><td class=\"num\">21", html)
    assert re.search(r"UICI</th><td class=\"num\">21", html)
    assert re.search(r"Biblioteca Villa Bandini</th><td class=\"num\">21", html)


def test_learners_and_anonymous_people_cannot_see_the_dashboard(client, make_learner):
    assert client.get("/fd/progress/").status_code == 302
    client.force_login(make_learner())
    assert client.get("/fd/progress/").status_code == 403
    assert client.get("/fd/progress/targets.csv").status_code == 403


def test_targets_csv(staff_client, year_target):
    reach(range(1, 4))
    response = staff_client.get("/fd/progress/targets.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert rows[0]["title_en"] == "5,000 people by December"
    assert float(rows[0]["value"]) == 3 and rows[0]["status"] == "behind"


def test_the_public_page_shows_only_public_targets_and_hides_small_groups(client, year_target, today):
    Target.objects.create(title_it="Interno", title_en="Internal", metric="enrolments",
                          period_start=year_target.period_start, deadline=year_target.deadline, goal=10)
    reach(range(1, 4))
    html = speak_english(client).get("/fd/progress/public/").content.decode()
    assert "5,000 people by December" in html and "Internal" not in html
    assert "Fewer than 5 people so far" in html and "<svg" not in html
    reach(range(4, 9))
    html = client.get("/fd/progress/public/").content.decode()
    assert "8 of 5,000" in html and "<svg" in html


def test_the_public_page_can_be_switched_off(client, settings):
    settings.FD_PROGRESS_PUBLIC_PAGE = False
    assert client.get("/fd/progress/public/").status_code == 404


def test_open_data_suppresses_groups_under_five(client):
    reach(range(1, 4), days_ago=2, course="course-v1:Cisco+CYB1+2026")
    reach(range(10, 30), days_ago=1)
    rows = list(csv.DictReader(io.StringIO(b"".join(client.get("/fd/progress/open-data/daily.csv")
                                                     .streaming_content).decode())))
    small = [r for r in rows if r["scope_value"] == "course-v1:Cisco+CYB1+2026" and r["metric"] == "people_reached"]
    assert small and all(r["value"] == "" for r in small)
    big = [r for r in rows if r["scope_type"] == "programme" and r["metric"] == "enrolments"
           and r["day"] == str(timezone.localdate() - timedelta(days=1))]
    assert big[0]["value"] == "20"
    data = client.get("/fd/progress/open-data/daily.json").json()
    assert data["licence"] == "https://creativecommons.org/licenses/by/4.0/"
    assert {"day", "metric", "scope_type", "scope_value", "value"} <= set(data["data"][0])
    assert any(item["value"] is None for item in data["data"])


def test_open_data_metadata_is_dcat_ap_it_json_ld(client):
    reach(range(1, 6), days_ago=9)
    response = client.get("/fd/progress/open-data/metadata.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    expanded = jsonld.expand(json.loads(response.content))[0]
    dct, dcat = "http://purl.org/dc/terms/", "http://www.w3.org/ns/dcat#"
    assert "http://dati.gov.it/onto/dcatapit#Dataset" in expanded["@type"]
    assert {t["@language"] for t in expanded[dct + "title"]} == {"it", "en"}
    assert expanded[dct + "description"]
    assert expanded[dct + "publisher"][0]["http://xmlns.com/foaf/0.1/name"][0]["@value"] == "Comune di Firenze"
    assert expanded[dct + "license"][0]["@id"] == "https://creativecommons.org/licenses/by/4.0/"
    assert expanded[dct + "accrualPeriodicity"][0]["@id"].endswith("/frequency/DAILY")
    period = expanded[dct + "temporal"][0]
    assert period[dcat + "startDate"][0]["@value"] == str(timezone.localdate() - timedelta(days=9))
    downloads = [d[dcat + "downloadURL"][0]["@id"] for d in expanded[dcat + "distribution"]]
    assert any(url.endswith("/fd/progress/open-data/daily.csv") for url in downloads)


def test_a_target_that_has_not_started_yet_is_shown_at_zero(staff_client, today):
    Target.objects.create(title_it="18.000 persone l'anno prossimo", title_en="18,000 people next year",
                          metric="people_reached", period_start=today + timedelta(days=30),
                          deadline=today + timedelta(days=395), goal=18000)
    html = speak_english(staff_client).get("/fd/progress/").content.decode()
    assert "18,000 people next year" in html and "Value today: 0 of 18,000" in html


def test_open_data_csv_never_carries_a_spreadsheet_formula(client, today):
    point = FacilitationPoint.objects.create(name="=HYPERLINK(\"http://x\")", district="Quartiere 5")
    session = TrainingSession.objects.create(title="IO", kind="in_person", date=today, facilitation_point=point)
    api.record_session(session)
    drain()
    body = b"".join(client.get("/fd/progress/open-data/daily.csv").streaming_content).decode()
    assert "'=HYPERLINK" in body and ",=HYPERLINK" not in body


def test_the_dashboard_and_the_open_data_never_read_raw_events(staff_client, year_target):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    reach(range(1, 20), days_ago=4)
    with CaptureQueriesContext(connection) as queries:
        for url in ("/fd/progress/", "/fd/progress/targets.csv", "/fd/progress/open-data/daily.json",
                    "/fd/progress/open-data/metadata.jsonld", "/fd/progress/api/targets/"):
            response = staff_client.get(url)
            assert response.status_code == 200
            b"".join(response.streaming_content) if response.streaming else response.content  # streamed: read it all
    assert queries.captured_queries
    assert not [q["sql"] for q in queries.captured_queries if "fd_progress_activityevent" in q["sql"]]
    assert not [q["sql"] for q in queries.captured_queries if "fd_progress_countedperson" in q["sql"]]

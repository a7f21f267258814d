"""Bulk award from CSV: broken and huge files get a clear 4xx, learners are matched in bulk, large
files run on the worker with progress the staff page shows."""
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fd_badges import bulk
from fd_badges.models import Award, BulkAwardJob


def _post(client, badge_class, text, **extra):
    return client.post(reverse("fd_badges:bulk_award", kwargs={"slug": badge_class.slug}),
                       {"csv_file": SimpleUploadedFile("people.csv", text.encode()), **extra},
                       HTTP_ACCEPT_LANGUAGE="en")


def test_a_field_longer_than_the_csv_limit_is_a_400_naming_the_line(client, staff, badge_class, learner):
    client.force_login(staff)
    response = _post(client, badge_class, "learner@example.org\n" + "x" * 200_000 + ",narrative\n")
    assert response.status_code == 400
    assert "Line 2 cannot be read as CSV" in response.content.decode()
    assert not Award.objects.exists()


def test_too_many_rows_are_refused_before_any_learner_is_looked_up(client, staff, badge_class):
    client.force_login(staff)
    text = "\n".join(f"nobody{n}@example.org" for n in range(bulk.MAX_ROWS + 1))
    with CaptureQueriesContext(connection) as queries:
        response = _post(client, badge_class, text)
    assert response.status_code == 400 and f"At most {bulk.MAX_ROWS} rows" in response.content.decode()
    assert not [q for q in queries.captured_queries if "auth_user" in q["sql"] and "username" in q["sql"]
                and "IN" in q["sql"]]


def test_unknown_learners_are_matched_in_bulk_not_one_query_a_row(db, django_user_model):
    known = [django_user_model.objects.create_user(f"citizen{n}", f"Citizen{n}@Example.org") for n in range(3)]
    text = "\n".join([f"nobody{n}@example.org" for n in range(3000)] + ["citizen0", "citizen1@example.org",
                                                                       "CITIZEN2@EXAMPLE.ORG", "citizen0"])
    with CaptureQueriesContext(connection) as queries:
        rows, problems = bulk.parse(text, "Open day")
    assert len(queries) <= 2 * 4  # two queries per chunk of 1,000 rows
    assert [user for user, _narrative in rows] == known
    assert len(problems) == 3000 and problems[0] == "Line 1: no learner nobody0@example.org."


def test_username_wins_over_another_users_email_as_before(db, django_user_model):
    first = django_user_model.objects.create_user("anna@example.org", "other@example.org")
    django_user_model.objects.create_user("anna", "anna@example.org")
    rows, _problems = bulk.parse("anna@example.org")
    assert rows[0][0] == first


def test_a_large_file_runs_on_the_worker_and_its_page_shows_progress(transactional_db, celery_worker, wait_for,
                                                                    client, staff, badge_class, settings):
    settings.FD_BADGES_BULK_INLINE_ROWS = 5
    people = [get_user_model().objects.create_user(f"citizen{n}", f"citizen{n}@example.org") for n in range(8)]
    text = "\n".join(["email,narrative"] + [f"{user.email}," for user in people]
                     + [f"ghost{n}@example.org" for n in range(4)])
    client.force_login(staff)
    page = _post(client, badge_class, text, narrative="Open day")
    assert page.status_code == 200
    html = page.content.decode()
    assert "The file is being read on the server" in html and "<progress" in html
    job = BulkAwardJob.objects.get(token=page.context["job"])
    assert job.rows == 12
    progress_url = reverse("fd_badges:bulk_progress", kwargs={"job": job.token})

    def finished():
        data = client.get(progress_url).json()
        return data if data["finished"] else None

    data = wait_for(finished, timeout=90, message="the bulk job signed and announced every award")
    assert (data["status"], data["done"], data["total"], data["processed"], data["skipped"]) == (
        "awarded", 8, 8, 12, 4)
    assert set(Award.objects.values_list("user__username", "narrative")) == {
        (user.username, "Open day") for user in people}
    reloaded = client.get(reverse("fd_badges:bulk_job", kwargs={"job": job.token}), HTTP_ACCEPT_LANGUAGE="en")
    text = reloaded.content.decode()
    assert "Badges saved: 8 new, 0 already held." in text and "ghost3@example.org" in text
    assert BulkAwardJob.objects.get(pk=job.pk).csv_text == ""


def test_a_job_queued_while_the_broker_was_down_is_run_by_the_sweep(transactional_db, client, staff, badge_class,
                                                                   settings, broker_down):
    from fd_badges import tasks

    settings.FD_BADGES_BULK_INLINE_ROWS = 1
    people = [get_user_model().objects.create_user(f"citizen{n}", f"citizen{n}@example.org") for n in range(3)]
    client.force_login(staff)
    page = _post(client, badge_class, "\n".join(user.email for user in people))
    assert "will be awarded automatically" in page.content.decode()
    assert BulkAwardJob.objects.get().status == BulkAwardJob.QUEUED
    broker_down()
    settings.CELERY_TASK_ALWAYS_EAGER = True
    tasks.sweep(0)
    job = BulkAwardJob.objects.get()
    assert job.status == BulkAwardJob.AWARDED and job.processed == 3
    assert Award.objects.filter(badge_class=badge_class).count() == 3


def test_unknown_job_is_a_json_404(client, staff, db):
    client.force_login(staff)
    response = client.get(reverse("fd_badges:bulk_progress", kwargs={"job": "nope"}))
    assert response.status_code == 404 and response.json()["error"] == "unknown_job"

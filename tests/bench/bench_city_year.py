"""A year of a city's programme (opt-in): ``FD_BENCH_CITY_LEARNERS=36540`` (Turin's target).

Every learner registers, enrols in one to three courses, completes pills, takes a DigComp
self-assessment; most pass a course. Their platform events are recorded as the receivers record
them (fd_progress events, fd_badges facts and pending evaluations, a few thousand learners a
transaction), and a real Celery worker (2 processes, MariaDB, Redis) counts them and awards,
signs and announces the badges, whose announcements fd_progress counts in turn. Reported: the
wall time until everything is counted and announced, events/s, awards/s against the signing rate
measured in this run, and the staff dashboard's time at the end, against a bare render of its page
frame (the login page) in the same process. Without the variable the module reports nothing.
"""
import os
import random
import statistics
import time
import uuid
from datetime import date, timedelta

CHUNK = 2000  # learners recorded in one transaction
START = date(2026, 1, 1)


def _setup(issuer):
    from opaque_keys.edx.keys import CourseKey

    from fd_badges.models import BadgeClass, BadgeRule

    courses = [CourseKey.from_string(f"course-v1:Torino+C{n:02d}+2026") for n in range(6)]
    classes = []
    for course in courses:
        badge, created = BadgeClass.objects.get_or_create(slug=f"city-{course.course}", defaults={
            "issuer": issuer, "name_it": f"Corso {course.course}", "name_en": f"Course {course.course}",
            "description_it": "d", "description_en": "d", "criteria_it": "c", "criteria_en": "c",
            "course_key": course})
        if created:
            BadgeRule.objects.create(badge_class=badge, kind=BadgeRule.COURSE_PASSED, course_key=course)
        classes.append(badge)
    digcomp, created = BadgeClass.objects.get_or_create(slug="city-digcomp-1", defaults={
        "issuer": issuer, "name_it": "Area 1, livello 3", "name_en": "Area 1, level 3", "description_it": "d",
        "description_en": "d", "criteria_it": "c", "criteria_en": "c"})
    if created:
        BadgeRule.objects.create(badge_class=digcomp, kind=BadgeRule.DIGCOMP_LEVEL, digcomp_target="1", level=3)
    return courses


def _year(users, courses, seed=7):
    """Per learner: (events, facts); the facts are what fd_badges' receivers record."""
    from fd_badges.models import LearnerFact
    from fd_progress import ingest
    from fd_progress.metrics import EventKind

    rng = random.Random(seed)
    for number, user in enumerate(users):
        day = START + timedelta(days=number * 365 // len(users))
        events = [ingest.build_event(EventKind.REGISTRATION, (user.pk,), day, user_id=user.pk)]
        facts = []
        for course in rng.sample(courses, rng.randint(1, 3)):
            key = str(course)
            events.append(ingest.build_event(EventKind.ENROLLMENT, (user.pk, key), day, user_id=user.pk,
                                             course_key=key))
            for pill in range(rng.randint(2, 6)):
                pill_day = day + timedelta(days=pill)
                events.append(ingest.build_event(EventKind.COMPLETION, (user.pk, f"{key}+pill{pill}"), pill_day,
                                                 user_id=user.pk, course_key=key))
            if rng.random() < 0.7:
                facts.append((LearnerFact.COURSE_PASSED, key, 1))
        level = rng.randint(1, 6)
        events.append(ingest.build_event(EventKind.ASSESSMENT, (f"city-{seed}-{user.pk}",), day, user_id=user.pk))
        facts.append((LearnerFact.DIGCOMP_AREA, "1", level))
        yield user, events, facts


def _record(batch):
    """One transaction for a chunk of learners, as their receivers would write it, then one
    ``evaluate_learner`` message for each ``FD_BADGES_BATCH_SIZE`` learners (each task also takes the
    others' pending evaluations) and one counting run."""
    from django.conf import settings
    from django.db import transaction

    from fd_badges.models import LearnerFact, PendingEvaluation
    from fd_badges.queueing import enqueue
    from fd_badges.tasks import evaluate_learner
    from fd_progress import ingest

    with transaction.atomic():
        ingest.save_events([event for _user, events, _facts in batch for event in events])
        LearnerFact.objects.bulk_create([LearnerFact(user=user, kind=kind, key=key, value=value)
                                         for user, _events, facts in batch for kind, key, value in facts],
                                        ignore_conflicts=True)
        PendingEvaluation.objects.bulk_create([PendingEvaluation(user=user, reason="city year")
                                               for user, _events, _facts in batch])
        first = [user.pk for user, _events, _facts in batch[::settings.FD_BADGES_BATCH_SIZE]]
        transaction.on_commit(lambda: [enqueue(evaluate_learner, user_id) for user_id in first])
    return sum(len(events) for _user, events, _facts in batch)


def _expected_awards(users):
    from fd_badges.models import LearnerFact

    passed = LearnerFact.objects.filter(user__in=users, kind=LearnerFact.COURSE_PASSED, value__gte=1).count()
    digcomp = LearnerFact.objects.filter(user__in=users, kind=LearnerFact.DIGCOMP_AREA, key="1",
                                         value__gte=3).count()
    return passed + digcomp


def _dashboard(client, repeat=3):
    def median(path):
        client.get(path, HTTP_HOST="localhost")
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(path, HTTP_HOST="localhost")
            timings.append(time.perf_counter() - started)
        return statistics.median(timings)

    return median("/fd/progress/"), median("/login/")


def run():
    learners = int(os.environ.get("FD_BENCH_CITY_LEARNERS", "0") or 0)
    if not learners:
        return []
    from celery import current_app
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import override_settings

    from fd_badges.models import Award, PendingEvaluation
    from fd_progress.models import ActivityEvent
    from tests.bench import bench_badges
    from tests.helpers.celery_worker import CeleryWorker, unique_queue_name

    issuer, _badge, _user = bench_badges._fixtures()
    _rows, sign_rate = bench_badges._signing_rows(issuer, bench_badges._credentials(_badge, _user))
    courses = _setup(issuer)
    run_id = uuid.uuid4().hex[:6]
    users_model = get_user_model()
    users_model.objects.bulk_create([users_model(username=f"city{run_id}-{n}", email=f"city{run_id}-{n}@example.org")
                                     for n in range(learners)], batch_size=5000)
    users = list(users_model.objects.filter(username__startswith=f"city{run_id}-").order_by("pk"))
    queue = unique_queue_name()
    worker = CeleryWorker(app=current_app, app_path="sandbox.celery:app", queue=queue,
                          db_name=settings.DATABASES["default"]["NAME"], settings_module=settings.SETTINGS_MODULE,
                          concurrency=2).start()
    eager, default_queue = current_app.conf.task_always_eager, current_app.conf.task_default_queue
    current_app.conf.task_always_eager, current_app.conf.task_default_queue = False, queue
    current_app.__dict__.pop("amqp", None)
    events = 0
    try:
        started = time.perf_counter()
        batch = []
        for item in _year(users, courses):
            batch.append(item)
            if len(batch) == CHUNK:
                events += _record(batch)
                batch = []
        if batch:
            events += _record(batch)
        recorded = time.perf_counter() - started
        expected = _expected_awards(users)
        deadline = time.monotonic() + 7200
        while time.monotonic() < deadline:
            done = Award.objects.filter(user__in=users, notified_at__isnull=False).count()
            if done >= expected and not PendingEvaluation.objects.exists() and \
                    not ActivityEvent.objects.filter(processed=False).exists():
                break
            time.sleep(1)
        wall = time.perf_counter() - started
    finally:
        current_app.conf.task_always_eager, current_app.conf.task_default_queue = eager, default_queue
        current_app.__dict__.pop("amqp", None)
        worker.stop()
    staff, _ = users_model.objects.get_or_create(username="bench-city-staff", defaults={"is_staff": True})
    client = Client()
    client.force_login(staff)
    with override_settings(ALLOWED_HOSTS=["localhost", "testserver"]):
        dashboard, bare = _dashboard(client)
    awards_rate = done / wall
    return [
        {"name": f"city year: {learners:,} learners, wall time (s) to count and award everything",
         "ratio": round(wall, 1), "goal": "<= 180",
         "detail": f"{events:,} events and {done:,}/{expected:,} badges; recorded in {recorded:.0f} s, counted, "
                   f"signed and announced by 2 worker processes by {wall:.0f} s"},
        {"name": "city year: events counted per second", "ratio": round(events / wall), "goal": ">= 10000",
         "detail": f"{events:,} events in {wall:.0f} s, end to end through the worker"},
        {"name": "city year: awards/s through the worker vs signatures/s in the same run",
         "ratio": awards_rate / sign_rate, "goal": ">= 0.1",
         "detail": f"{awards_rate:,.0f} awards/s vs {sign_rate:,.0f} eddsa-rdfc-2022 signatures/s"},
        {"name": "city year: staff dashboard at the end vs the bare login page", "ratio": dashboard / bare,
         "goal": "", "detail": f"median of 3: dashboard {dashboard * 1000:.0f} ms, login page {bare * 1000:.0f} ms"},
    ]

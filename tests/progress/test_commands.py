"""The demo command, the daily snapshot task and its Celery beat schedule."""
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from fd_progress.models import Target, TargetSnapshot, TrainingSession
from fd_progress.series import progress_of
from fd_progress.snapshots import take_snapshots

from .conftest import total

pytestmark = pytest.mark.django_db


def test_the_demo_makes_a_year_of_activity_behind_every_target(staff_client):
    call_command("fd_progress_demo", "--scale", "0.03", stdout=None)
    targets = list(Target.objects.prefetch_related("milestones"))
    assert len(targets) == 7
    assert {t.scope_value for t in targets} >= {"FirenzeDigitale", "Città di Torino"}
    assert TrainingSession.objects.count() >= 30
    for item in progress_of(targets):
        assert item.value > 0, item.target.title_en
        assert item.milestones
    assert total("assistance_hours", "organisation", "Città di Torino") > 1000
    today = timezone.localdate()
    assert TargetSnapshot.objects.count() == len([t for t in targets if t.period_start <= today <= t.deadline])
    html = staff_client.get("/fd/progress/").content.decode()
    assert html.count("<svg") == 7
    call_command("fd_progress_demo")  # a second run leaves the data alone
    assert Target.objects.count() == 7


def test_the_daily_snapshot_is_taken_once_a_day(year_target, today):
    assert take_snapshots(today) == 1
    assert take_snapshots(today) == 1
    snapshot = TargetSnapshot.objects.get()
    assert snapshot.day == today and snapshot.status == "behind" and snapshot.value == 0


def test_the_beat_schedule_reaches_the_celery_settings():
    schedule = settings.FD_PROGRESS_BEAT_SCHEDULE
    assert schedule["fd_progress.daily_snapshot"]["task"] == "fd_progress.tasks.daily_snapshot"
    assert schedule["fd_progress.sweep"]["task"] == "fd_progress.tasks.sweep_pending_events"
    assert "fd_progress.daily_snapshot" in settings.CELERY_BEAT_SCHEDULE


def _counters():
    from fd_progress.models import CountedPerson, DailyCount

    return (sorted(DailyCount.objects.exclude(value=0).values_list("metric", "scope_type", "scope_value", "day",
                                                                    "value")),
            sorted(CountedPerson.objects.values_list("metric", "scope_type", "scope_value", "user_id", "first_day")))


def test_the_demos_counts_equal_a_full_rebuild_and_the_live_batches():
    from fd_progress.counting import process_pending
    from fd_progress.models import ActivityEvent, CountedPerson, DailyCount
    from fd_progress.rebuild import rebuild

    call_command("fd_progress_demo", "--scale", "0.03", stdout=None)
    demo = _counters()
    assert demo[0] and demo[1]
    assert not ActivityEvent.objects.filter(processed=False).exists()
    events = ActivityEvent.objects.count()
    rebuild()  # back-fill from the sources, then recount everything
    assert ActivityEvent.objects.count() == events  # the demo logged every event its sources imply
    assert _counters() == demo
    DailyCount.objects.all().delete()
    CountedPerson.objects.all().delete()
    ActivityEvent.objects.update(processed=False)
    while process_pending(700):  # the live path, batch by batch
        pass
    assert _counters() == demo

"""Generate a year of realistic programme activity so the dashboard shows progress and forecasts."""
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from fd_progress.demo import Demo, reset
from fd_progress.models import ActivityEvent, Target
from fd_progress.rebuild import recount
from fd_progress.snapshots import take_snapshots


class Command(BaseCommand):
    help = "Create demo targets, facilitation points, sessions and a year of activity, then count it."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="Fraction of the full volume (1.0).")
        parser.add_argument("--reset", action="store_true", help="Replace existing fd_progress data.")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, scale=1.0, reset_data=False, seed=2026, **options):
        if options.get("reset"):
            reset()
        elif Target.objects.exists():
            self.stdout.write("fd_progress already has targets: nothing to do (use --reset to start again).")
            return

        def progress(iterable, **kwargs):
            # Bars on a terminal only, gone once done: the log of `make demo` stays a few lines.
            return tqdm(iterable, file=self.stderr, disable=None, leave=False, **kwargs)

        with transaction.atomic():
            Demo(timezone.localdate(), scale=scale, seed=seed).run(progress)
        # A year of events at once: counted in one batched pass (the rebuild's recount), which
        # gives the same counters as the live path's batches (tests/progress/test_demo.py).
        events = recount(progress)
        take_snapshots()
        self.stdout.write(self.style.SUCCESS(
            f"fd_progress demo: {Target.objects.count()} targets, {events} events counted "
            f"({ActivityEvent.objects.filter(processed=False).count()} left pending)."))

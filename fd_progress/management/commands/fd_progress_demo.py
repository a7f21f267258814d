"""Generate a year of realistic programme activity so the dashboard shows progress and forecasts."""
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from fd_progress.counting import process_pending
from fd_progress.demo import Demo, reset
from fd_progress.models import Target
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
            return tqdm(iterable, file=self.stderr, **kwargs)

        with transaction.atomic():
            Demo(timezone.localdate(), scale=scale, seed=seed).run(progress)
        bar = tqdm(desc="counting", unit="event", file=self.stderr)
        while done := process_pending(5000):
            bar.update(done)
        bar.close()
        take_snapshots()
        self.stdout.write(self.style.SUCCESS(f"fd_progress demo: {Target.objects.count()} targets, counted."))

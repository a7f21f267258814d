"""Recompute every counter of fd_progress from the sources, with a progress bar."""
from django.core.management.base import BaseCommand
from tqdm import tqdm

from fd_progress.rebuild import backfill, recount


class Command(BaseCommand):
    help = (
        "Back-fill the event log from the platform's sources (users, completions, sessions, attendance, "
        "assistance logs), then recount every counter from scratch."
    )

    def add_arguments(self, parser):
        parser.add_argument("--skip-backfill", action="store_true", help="Only recount the event log.")
        parser.add_argument("--quiet-progress", action="store_true", help="Do not draw progress bars.")

    def handle(self, *args, skip_backfill=False, quiet_progress=False, **options):
        def progress(iterable, **kwargs):
            return tqdm(iterable, file=self.stderr, disable=quiet_progress, **kwargs)

        if not skip_backfill:
            backfill(progress)
        events = recount(progress)
        self.stdout.write(self.style.SUCCESS(f"Recounted {events} events."))

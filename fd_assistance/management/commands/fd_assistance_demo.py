"""Give the demo's facilitation points opening hours, so citizens can book one-to-one help."""
from django.core.management.base import BaseCommand
from django.db import transaction

from fd_assistance.demo import load


class Command(BaseCommand):
    help = "Weekly opening hours for the demo's Florence facilitation points, a closure and one booking."

    def handle(self, *args, **options):
        with transaction.atomic():
            points = load()
        self.stdout.write(self.style.SUCCESS(f"fd_assistance demo: opening hours at {len(points)} points."))

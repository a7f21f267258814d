"""Create a few upcoming sessions of the training calendar (run by ``load_demo``)."""
from django.core.management.base import BaseCommand

from fd_calendar.demo import create_sessions
from fd_calendar.models import CalendarSession


class Command(BaseCommand):
    help = "Create four upcoming training sessions (a point, a webinar, in person, the bus), once."

    def handle(self, *args, **options):
        points = CalendarSession._meta.get_field("facilitation_point").related_model.objects
        created = create_sessions(point=points.filter(active=True).order_by("name").first())
        self.stdout.write(f"fd_calendar: {created} demo sessions created.")

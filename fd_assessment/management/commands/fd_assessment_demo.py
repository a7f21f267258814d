"""Demo data: citizens of three cohorts take the short questionnaire (some twice), answered as on
the page and saved in bulk, so the staff statistics show distributions and growth."""
import random

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from opaque_keys.edx.keys import CourseKey

from fd_assessment.demo import demo_users, plan_attempts, save_attempts
from fd_assessment.models import Attempt

DEMO_COURSE = "course-v1:FirenzeDigitale+OD101+2026"


class Command(BaseCommand):
    help = "Create realistic DigComp self-assessment attempts for demo citizens (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=60, help="how many demo citizens (default 60)")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        rng = random.Random(options["seed"])
        people = [user for user in demo_users(options["people"]) if not Attempt.objects.filter(user=user).exists()]
        plan = plan_attempts(people, rng, CourseKey.from_string(DEMO_COURSE))
        learner = get_user_model().objects.filter(username="learner").first()
        if learner and not Attempt.objects.filter(user=learner).exists():
            plan.append((learner, dict.fromkeys("12345", 0.35), "", None))
        attempts = save_attempts(plan, rng)
        self.stdout.write(f"fd_assessment: {len(people)} demo citizens took the questionnaire "
                          f"({len(attempts)} attempts)")

"""Demo data: citizens of three cohorts take the short questionnaire (some twice), through the same
code path as a person on the page, so the staff statistics show distributions and growth."""
import random

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from opaque_keys.edx.keys import CourseKey
from tqdm import tqdm

from fd_assessment import api
from fd_assessment.models import Attempt
from fd_assessment.questionnaire import DONT_KNOW

COHORTS = ("Biblioteca delle Oblate", "Scuole Quartiere 4", "Dipendenti comunali")
DEMO_COURSE = "course-v1:FirenzeDigitale+OD101+2026"
PREFIX = "cittadino"


class Command(BaseCommand):
    help = "Create realistic DigComp self-assessment attempts for demo citizens (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=60, help="how many demo citizens (default 60)")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        rng = random.Random(options["seed"])
        user_model = get_user_model()
        course_key = CourseKey.from_string(DEMO_COURSE)
        created = 0
        for number in tqdm(range(1, options["people"] + 1), desc="demo self-assessments", unit="person"):
            user, new = user_model.objects.get_or_create(
                username=f"{PREFIX}{number:03d}",
                defaults={"first_name": "Cittadino", "last_name": f"{number:03d}",
                          "email": f"{PREFIX}{number:03d}@firenzedigitale.example"})
            if new:
                user.set_unusable_password()
                user.save()
            if Attempt.objects.filter(user=user).exists():
                continue
            ability = {area: min(0.95, max(0.05, rng.gauss(0.5, 0.2))) for area in "12345"}
            place = {"course_key": course_key} if number % 2 else {}
            cohort = COHORTS[number % len(COHORTS)]
            self._take(user, ability, rng, cohort, place)
            created += 1
            if rng.random() < 0.4:  # a retake after following some pills
                self._take(user, {a: min(0.98, v + rng.uniform(0.05, 0.25)) for a, v in ability.items()},
                           rng, cohort, place)
        learner = user_model.objects.filter(username="learner").first()
        if learner and not Attempt.objects.filter(user=learner).exists():
            self._take(learner, dict.fromkeys("12345", 0.35), rng, "", {})
        self.stdout.write(f"fd_assessment: {created} demo citizens took the questionnaire")

    @transaction.atomic
    def _take(self, user, ability, rng, cohort, place):
        attempt = api.start_attempt(user, form="short", language="it", cohort=cohort, **place)
        bank = api.load_bank(attempt.version, "it")
        while (item := api.attempt_state(attempt)["next_item"]) is not None:
            skill = ability[item["area"]]
            if item["kind"] == "self_rating":
                value = str(min(4, max(0, round(skill * 4 + rng.gauss(0, 0.6)))))
            elif rng.random() < skill:
                value = next(o["id"] for o in bank["by_id"][item["id"]]["options"] if o.get("correct"))
            else:
                wrong = [o["id"] for o in bank["by_id"][item["id"]]["options"] if not o.get("correct")]
                value = rng.choice(wrong + [DONT_KNOW])
            api.answer(attempt, item["id"], value, version=attempt.version)
        api.submit_attempt(attempt)

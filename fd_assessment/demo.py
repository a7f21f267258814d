"""Demo self-assessments built in memory and saved in bulk (``fd_assessment_demo``).

Each demo citizen answers the short form as a person on the page would (the same adaptive order,
``next_item_id``; the same validation and scoring), but the attempts, answers and statistics
cells are written with a few ``bulk_create`` calls instead of a dozen queries per answer. Each
completed attempt is then announced with ``assessment_completed``, as a submit announces it.
"""
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from . import stats
from .attempts import _announce
from .models import Answer, Attempt, StatsCell
from .questionnaire import DONT_KNOW, current_version, form_item_ids, load_bank, next_item_id, validate_answer
from .scoring import score_attempt

COHORTS = ("Biblioteca delle Oblate", "Scuole Quartiere 4", "Dipendenti comunali")
PREFIX = "cittadino"


def simulated_answers(bank, form_ids, ability, rng):
    """``{item_id: value}``: a person of this ability (0..1 per area) answering every question asked."""
    answers = {}
    while (item_id := next_item_id(bank, form_ids, answers)) is not None:
        item = bank["by_id"][item_id]
        skill = ability[item["competence"].split(".")[0]]
        if item["kind"] == "self_rating":
            value = str(min(4, max(0, round(skill * 4 + rng.gauss(0, 0.6)))))
        elif rng.random() < skill:
            value = next(o["id"] for o in item["options"] if o.get("correct"))
        else:
            value = rng.choice([o["id"] for o in item["options"] if not o.get("correct")] + [DONT_KNOW])
        answers[item_id] = validate_answer(bank, form_ids, item_id, value)
    return answers


def demo_users(count):
    """The demo citizens ``cittadino001``..., created in one query if missing (they never sign in)."""
    user_model = get_user_model()
    names = [f"{PREFIX}{n:03d}" for n in range(1, count + 1)]
    existing = set(user_model.objects.filter(username__in=names).values_list("username", flat=True))
    unusable = make_password(None)
    user_model.objects.bulk_create([
        user_model(username=name, first_name="Cittadino", last_name=name[len(PREFIX):], password=unusable,
                   email=f"{name}@firenzedigitale.example")
        for name in names if name not in existing
    ])
    return list(user_model.objects.filter(username__in=names).order_by("username"))


def plan_attempts(people, rng, course_key):
    """``[(user, ability, cohort, place)]``: who takes the questionnaire (some twice, after some pills)."""
    plan = []
    for number, user in enumerate(people, start=1):
        ability = {area: min(0.95, max(0.05, rng.gauss(0.5, 0.2))) for area in "12345"}
        place = course_key if number % 2 else None
        cohort = COHORTS[number % len(COHORTS)]
        plan.append((user, ability, cohort, place))
        if rng.random() < 0.4:
            plan.append((user, {a: min(0.98, v + rng.uniform(0.05, 0.25)) for a, v in ability.items()}, cohort, place))
    return plan


@transaction.atomic
def save_attempts(plan, rng):
    """Answer, score and save the planned attempts in bulk; returns the completed attempts."""
    version = current_version()
    bank = load_bank(version, "it")
    form_ids = form_item_ids(bank, "short")
    now = timezone.now()
    attempts, answers, numbers, firsts = [], [], {}, {}
    for user, ability, cohort, place in plan:
        given = simulated_answers(bank, form_ids, ability, rng)
        number = numbers[(user.pk, place)] = numbers.get((user.pk, place), 0) + 1
        attempt = Attempt(user=user, course_key=place, cohort=cohort, version=version, language="it", form="short",
                          areas="", status=Attempt.COMPLETED, completed=now, attempt_number=number,
                          result=score_attempt(bank, form_ids, given))
        attempts.append(attempt)
        answers.append(given)
    Attempt.objects.bulk_create(attempts)
    Answer.objects.bulk_create([Answer(attempt=attempt, item_id=item_id, value=value)
                                for attempt, given in zip(attempts, answers, strict=True)
                                for item_id, value in given.items()], batch_size=2000)
    cells = {}
    for attempt in attempts:
        key = (attempt.user_id, attempt.course_key)
        first = firsts.setdefault(key, attempt)
        kind = "first" if attempt.attempt_number == 1 else "retake"
        for keys in stats.cell_keys(str(attempt.course_key or ""), now.strftime("%Y-%m"), attempt.cohort, kind):
            cell_key = tuple(sorted(keys.items()))
            if cell_key not in cells:
                cells[cell_key] = StatsCell.objects.filter(**keys).first() or StatsCell(**keys)
            stats.add_to_cell(cells[cell_key], attempt.result, first.result if first is not attempt else None)
    StatsCell.objects.bulk_create([cell for cell in cells.values() if cell.pk is None])
    StatsCell.objects.bulk_update([cell for cell in cells.values() if cell.pk is not None],
                                  ["attempts", "levels", "score_sums", "growth"])
    transaction.on_commit(lambda: announce(attempts))
    return attempts


def announce(attempts):
    """Send ``assessment_completed`` for each attempt; the receivers' writes commit once, together."""
    with transaction.atomic():
        for attempt in attempts:
            _announce(attempt)

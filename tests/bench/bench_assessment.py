"""Benchmarks of fd_assessment (``make bench``).

1. Scoring a full form against loading (reading and validating) the form, in the same process.
2. The staff statistics with 100,000 completed attempts against 1,000: the statistics read the
   incrementally kept ``StatsCell`` totals, so the cost must stay flat (goal <= 1.5).
3. Completing an attempt (scoring, saving, adding to the totals) at 100,000 against 1,000.
4. The peak memory (``tracemalloc``) of making the statistics CSV at 100,000 against 1,000.

The large size is ``FD_BENCH_ASSESSMENT_ATTEMPTS`` (default 10,000, to keep ``make bench`` short;
the issue's size: ``FD_BENCH_ASSESSMENT_ATTEMPTS=100000``).

The attempts are real rows with real results (scored by ``score_attempt`` from random answers,
drawn from a pool of 400 scored forms); their totals are added with the same ``add_to_cell`` and
``cell_keys`` the completion uses, and written in bulk.
Everything this module creates is removed at the end.
"""
import os
import random
import time
from datetime import UTC

from tests.bench.timing import best_of, human_bytes, human_seconds, peak_memory, ratio

COURSES = ["", "course-v1:FirenzeDigitale+OD101+2026", "course-v1:FirenzeDigitale+CY101+2026",
           "course-v1:FirenzeDigitale+SP101+2026"]
COHORTS = ["", "Oblate", "Biblioteca", "Scuole", "Anziani", "PA"]
PERIODS = [f"{year}-{month:02d}" for year in (2025, 2026) for month in range(1, 13)]
PREFIX = "bench-assess-"
SMALL, LARGE = 1_000, int(os.environ.get("FD_BENCH_ASSESSMENT_ATTEMPTS", 10_000))
RETAKE_WINDOW = 2000
RESULT_POOL = 400


def _random_answers(bank, ids, rng):
    from fd_assessment.questionnaire import choices

    return {i: rng.choice(choices(bank["by_id"][i], bank))["id"] for i in ids}


def bench_scoring():
    from fd_assessment.questionnaire import current_version, form_item_ids, load_bank
    from fd_assessment.scoring import score_attempt

    version = current_version()

    def load():
        load_bank.cache_clear()
        form_item_ids(load_bank(version, "it"), "full")

    load_time = best_of(load, repeat=5, number=3)
    bank = load_bank(version, "it")
    ids = form_item_ids(bank, "full")
    answers = _random_answers(bank, ids, random.Random(1))
    score_time = best_of(lambda: score_attempt(bank, ids, answers), repeat=5, number=100)
    return {"name": "assessment: score a full form (80 items) / load the form", "ratio": ratio(score_time, load_time),
            "goal": "<= 1.0", "detail": f"score {human_seconds(score_time)}, load {human_seconds(load_time)}"}


class Population:
    """Completed attempts written in bulk, with their totals kept as the completion keeps them."""

    def __init__(self):
        from fd_assessment.questionnaire import current_version, form_item_ids, load_bank
        from fd_assessment.scoring import score_attempt

        self.rng = random.Random(2026)
        self.version = current_version()
        self.bank = load_bank(self.version, "it")
        self.ids = form_item_ids(self.bank, "short")
        self.pool = [score_attempt(self.bank, self.ids, _random_answers(self.bank, self.ids, self.rng))
                     for _ in range(RESULT_POOL)]
        self.leaves = {}
        self.first_results = {}
        self.users = []
        self.count = 0

    def grow_to(self, total, chunk=10_000):
        while self.count < total:
            self._add(min(chunk, total - self.count))
        self.write_cells()

    def _add(self, how_many):
        from datetime import datetime

        from django.contrib.auth import get_user_model

        from fd_assessment.models import Attempt

        user_model = get_user_model()
        planned, new_users = [], []
        for _ in range(how_many):
            if not self.users or self.rng.random() < 0.6:  # 60% first attempts, 40% retakes
                user = user_model(username=f"{PREFIX}{len(self.users)}")
                user.set_unusable_password()
                self.users.append([user, 0])
                new_users.append(user)
            person = self.rng.choice(self.users[-RETAKE_WINDOW:])
            person[1] += 1
            planned.append((person[0], person[1], self.rng.choice(PERIODS)))
        user_model.objects.bulk_create(new_users, batch_size=5000)
        ids = dict(user_model.objects.filter(username__in=[u.username for u in new_users])
                   .values_list("username", "pk"))
        for user in new_users:
            user.pk = ids[user.username]
        attempts = []
        for user, number, period in planned:
            course = COURSES[user.pk % len(COURSES)]
            cohort = COHORTS[user.pk % len(COHORTS)]
            result = self.rng.choice(self.pool)
            first = self.first_results.setdefault(user.pk, result)
            self.add_leaf(course, period, cohort, number, result, first)
            completed = datetime(int(period[:4]), int(period[5:]), 15, tzinfo=UTC)
            attempts.append(Attempt(user_id=user.pk, course_key=course or None, cohort=cohort, version=self.version,
                                    language="it", form="short", status=Attempt.COMPLETED, completed=completed,
                                    attempt_number=number, result=result))
        Attempt.objects.bulk_create(attempts, batch_size=5000)
        self.count += how_many
        recent = {person[0].pk for person in self.users[-RETAKE_WINDOW:]}
        self.first_results = {pk: r for pk, r in self.first_results.items() if pk in recent}

    def add_leaf(self, course, period, cohort, number, result, first):
        """Totals of one group (course, month, cohort, kind), as completing the attempt adds them."""
        from fd_assessment.models import StatsCell
        from fd_assessment.stats import add_to_cell

        kind = "first" if number == 1 else "retake"
        key = (course, period, cohort, kind)
        if key not in self.leaves:
            self.leaves[key] = StatsCell(course=course, period=period, cohort=cohort, kind=kind)
        add_to_cell(self.leaves[key], result, None if number == 1 else first)

    def write_cells(self):
        """Write every group's totals and the "*" totals over course, month and cohort (eight cells
        per group, exactly the cells ``record_completion`` adds to)."""
        from fd_assessment.models import StatsCell
        from fd_assessment.stats import cell_keys

        cells = {}
        for (course, period, cohort, kind), leaf in self.leaves.items():
            for keys in cell_keys(course, period, cohort, kind):
                key = tuple(keys.values())
                cell = cells.get(key) or cells.setdefault(key, StatsCell(**keys))
                _merge(cell, leaf)
        StatsCell.objects.all().delete()
        StatsCell.objects.bulk_create(list(cells.values()), batch_size=2000)


def _merge(cell, leaf):
    cell.attempts += leaf.attempts
    for dim, counts in leaf.levels.items():
        cell.levels[dim] = [a + b for a, b in zip(cell.levels.get(dim, [0] * 8), counts, strict=True)]
    for dim, total in leaf.score_sums.items():
        cell.score_sums[dim] = round(cell.score_sums.get(dim, 0) + total, 3)
    for dim, (n, change) in leaf.growth.items():
        old_n, old_change = cell.growth.get(dim, [0, 0])
        cell.growth[dim] = [old_n + n, round(old_change + change, 3)]


def _statistics_queries():
    from fd_assessment import api

    api.statistics("it")
    api.statistics("it", course=COURSES[1])
    api.statistics("it", cohort="Oblate")
    api.statistics("it", period_from="2026-01", period_to="2026-06")
    api.statistics("en", course="standalone", cohort="Scuole", period_from="2025-03")


def _statistics_csv_peak():
    """Peak bytes of the whole statistics CSV (all courses, cohorts and periods), after a warm-up."""
    from fd_assessment import api

    def make():
        assert api.statistics_csv(api.statistics("it")).count("\n") > 1

    make()
    return peak_memory(make)


def _time_completions(population, n=20, warm_up=3):
    """Submit fully answered short forms through the real completion path; the best of ``n`` timed
    completions (after ``warm_up`` untimed ones), as ``best_of`` does for repeatable calls: the
    database is shared, so the best time is the one free of other clients' load."""
    from django.contrib.auth import get_user_model

    from fd_assessment import api
    from fd_assessment.models import Answer

    times = []
    for index in range(warm_up + n):
        user = get_user_model().objects.create(username=f"{PREFIX}live-{population.count}-{index}")
        attempt = api.start_attempt(user, form="short")
        answers = _random_answers(population.bank, population.ids, population.rng)
        Answer.objects.bulk_create([Answer(attempt=attempt, item_id=i, value=v) for i, v in answers.items()])
        start = time.perf_counter()
        api.submit_attempt(attempt)
        if index >= warm_up:
            times.append(time.perf_counter() - start)
        attempt.refresh_from_db()
        population.add_leaf("", attempt.completed.strftime("%Y-%m"), "", 1, attempt.result, attempt.result)
    return min(times)


def _check_totals(population):
    """The "*" totals must count exactly the attempts in the table (else the bench measures nothing)."""
    from fd_assessment.models import Attempt, StatsCell

    totals = sum(StatsCell.objects.filter(course="*", period="*", cohort="*").values_list("attempts", flat=True))
    stored = Attempt.objects.filter(status=Attempt.COMPLETED).count()
    if totals != stored:
        raise RuntimeError(f"totals count {totals} attempts, the table holds {stored}")


def _cleanup():
    from django.contrib.auth import get_user_model

    from fd_assessment.models import Attempt, StatsCell

    users = get_user_model().objects.filter(username__startswith=PREFIX)
    Attempt.objects.filter(user__in=users).delete()
    users.delete()
    StatsCell.objects.all().delete()


def run():
    rows = [bench_scoring()]
    _cleanup()
    try:
        population = Population()
        population.grow_to(SMALL)
        _check_totals(population)
        stats_small = best_of(_statistics_queries, repeat=7, number=5)
        csv_small = _statistics_csv_peak()
        complete_small = _time_completions(population)
        population.grow_to(LARGE)
        _check_totals(population)
        stats_large = best_of(_statistics_queries, repeat=7, number=5)
        csv_large = _statistics_csv_peak()
        complete_large = _time_completions(population)
        rows.append({
            "name": f"assessment: statistics page queries at {LARGE:,} / 1,000 attempts",
            "ratio": ratio(stats_large, stats_small), "goal": "<= 1.5",
            "detail": f"5 filtered statistics: {human_seconds(stats_small)} at {SMALL:,}, "
                      f"{human_seconds(stats_large)} at {population.count:,} attempts"})
        rows.append({
            "name": f"assessment: completing an attempt at {LARGE:,} / 1,000 attempts",
            "ratio": ratio(complete_large, complete_small), "goal": "<= 1.5",
            "detail": f"score + save + 8 totals: {human_seconds(complete_small)} at {SMALL:,}, "
                      f"{human_seconds(complete_large)} at {population.count:,}"})
        rows.append({
            "name": f"export: assessment statistics CSV peak memory, {LARGE:,} / 1,000 attempts",
            "ratio": round(ratio(csv_large, csv_small), 2), "goal": "<= 1.2",
            "detail": f"tracemalloc peak {human_bytes(csv_small)} at {SMALL:,}, {human_bytes(csv_large)} at "
                      f"{population.count:,} attempts (the CSV is made from the kept totals, never the attempts)"})
    finally:
        _cleanup()
    return rows

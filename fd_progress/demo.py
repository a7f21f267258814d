"""A year of realistic programme activity, for ``make demo`` (command ``fd_progress_demo``).

Modelled on the programme's public promises: Florence's "Firenze Digitale" (5,000 people by the
end of the first year, 18,000 the next with over 35 training sessions online or in person, in
the five Quartieri, with partners such as Cispel Toscana, Cisco, UICI, PA Social, the University)
and Turin's 45 facilitation points with 24 hours a week of one-to-one help each, aiming at
36,540 citizens by 31 December.
"""
import random
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from . import ingest
from .metrics import EventKind
from .models import (
    ActivityEvent,
    AssistanceLog,
    CountedPerson,
    DailyCount,
    FacilitationPoint,
    Milestone,
    SessionAttendance,
    Target,
    TargetSnapshot,
    TrainingSession,
)

DEMO_USER_PREFIX = "demo-cittadino-"
QUARTIERI = [
    "Quartiere 1 Centro storico", "Quartiere 2 Campo di Marte", "Quartiere 3 Gavinana-Galluzzo",
    "Quartiere 4 Isolotto-Legnaia", "Quartiere 5 Rifredi",
]
FLORENCE_POINTS = [
    ("Biblioteca delle Oblate", 0), ("Biblioteca Villa Bandini", 2), ("Biblioteca dell'Isolotto", 3),
    ("Biblioteca Buonarroti", 4), ("PIU Campo di Marte", 1),
]
TORINO = "Città di Torino"
FLORENCE_ORG = "FirenzeDigitale"  # the organisation of the platform's courses (course keys)
CIRCOSCRIZIONI = [f"Circoscrizione {n}" for n in range(1, 9)]
PARTNERS = ["Cispel Toscana", "Cisco", "UICI", "PA Social", "MakeNextinFlorence", "Università di Firenze"]
SCHOOLS = ["IC Poliziano", "Liceo Galileo", "IC Oltrarno", "ITT Marco Polo"]
COURSES = [
    "course-v1:FirenzeDigitale+OD101+2026", "course-v1:FirenzeDigitale+CYB101+2026",
    "course-v1:FirenzeDigitale+SPID101+2026", "course-v1:FirenzeDigitale+PAGOPA101+2026",
]
SESSION_TOPICS = ["SPID e CIE", "pagoPA e app IO", "Open data del Comune", "Sicurezza online", "Smart city tour"]


def reset():
    """Remove everything the demo made (and every fd_progress figure)."""
    for model in (DailyCount, CountedPerson, ActivityEvent, TargetSnapshot, Milestone, Target, SessionAttendance,
                  TrainingSession, AssistanceLog, FacilitationPoint):
        model.objects.all().delete()
    get_user_model().objects.filter(username__startswith=DEMO_USER_PREFIX).delete()


def seasonal(day):
    """Fewer people in August and at Christmas, none on Sundays, a ramp-up over the year."""
    factor = {8: 0.35, 12: 0.7, 7: 0.8}.get(day.month, 1.0)
    return 0.0 if day.weekday() == 6 else factor


class Demo:
    def __init__(self, today, scale=1.0, seed=2026):
        self.today = today
        self.start = today - timedelta(days=364)
        self.scale = scale
        self.rng = random.Random(seed)
        self.events = []

    def days(self):
        day = self.start
        while day <= self.today:
            yield day
            day += timedelta(days=1)

    def run(self, progress=None):
        self.targets()
        points = self.points()
        self.online_learners(progress)
        self.sessions(points)
        self.assistance(points["torino"], progress)
        ingest.save_events(self.events, schedule=False)
        self.events = []

    # --- what the programme promised ---------------------------------------------------------
    def targets(self):
        year_start, year_end = date(self.today.year, 1, 1), date(self.today.year, 12, 31)
        previous_end = date(self.today.year - 1, 12, 31)
        specs = [
            ("5.000 persone raggiunte entro dicembre", "5,000 people reached by December", "people_reached",
             "organisation", FLORENCE_ORG, self.start, previous_end, 5000, True),
            (f"18.000 persone raggiunte nel {self.today.year}", f"18,000 people reached in {self.today.year}",
             "people_reached", "organisation", FLORENCE_ORG, year_start, year_end, 18000, True),
            (f"Oltre 35 uscite online o in presenza nel {self.today.year}",
             f"Over 35 sessions online or in person in {self.today.year}", "sessions_held", "programme", "",
             year_start, year_end, 35, True),
            ("36.540 cittadini entro il 31 dicembre", "36,540 citizens by 31 December", "people_reached",
             "organisation", TORINO, self.start, year_end, 36540, True),
            ("24 ore settimanali in 45 punti di facilitazione", "24 hours a week at 45 facilitation points",
             "assistance_hours", "organisation", TORINO, self.start, year_end,
             45 * 24 * ((year_end - self.start).days // 7), False),
            ("3.000 autovalutazioni DigComp", "3,000 DigComp self-assessments", "assessments_completed",
             "programme", "", year_start, year_end, 3000, False),
            ("Quartiere 4: 200 partecipanti agli incontri", "Quartiere 4: 200 session attendees", "attendances",
             "district", QUARTIERI[3], year_start, year_end, 200, False),
        ]
        for title_it, title_en, metric, scope_type, scope_value, start, deadline, goal, public in specs:
            target = Target.objects.create(
                title_it=title_it, title_en=title_en, metric=metric, scope_type=scope_type, scope_value=scope_value,
                period_start=start, deadline=deadline, goal=goal, is_public=public,
            )
            span = (deadline - start).days
            Milestone.objects.bulk_create([
                Milestone(target=target, date=start + timedelta(days=span * n // 4), value=goal * n // 4)
                for n in (1, 2, 3)
            ])

    def points(self):
        florence = [
            FacilitationPoint.objects.create(name=name, district=QUARTIERI[q], organisation="Comune di Firenze",
                                             weekly_hours=12)
            for name, q in FLORENCE_POINTS
        ]
        torino = [
            FacilitationPoint.objects.create(
                name=f"Punto digitale Torino {n:02d}", district=CIRCOSCRIZIONI[n % len(CIRCOSCRIZIONI)],
                organisation=TORINO, weekly_hours=24)
            for n in range(1, 46)
        ]
        return {"firenze": florence, "torino": torino}

    # --- Florence: people learning online ----------------------------------------------------
    def online_learners(self, progress):
        users = get_user_model()
        per_day = 52 * self.scale
        schedule = []
        for day in self.days():
            ramp = 0.55 + 0.9 * (day - self.start).days / 365
            if (day - self.start).days < 36:  # the launch campaign
                ramp *= 7.6
            count = int(self.rng.gauss(per_day * ramp * seasonal(day), 4 * self.scale) + 0.5)
            schedule.extend([day] * max(count, 0))
        offset = users.objects.filter(username__startswith=DEMO_USER_PREFIX).count()
        unusable = make_password(None)  # demo people never sign in
        users.objects.bulk_create(
            [users(username=f"{DEMO_USER_PREFIX}{offset + n}", password=unusable) for n in range(len(schedule))],
            batch_size=2000,
        )
        ids = list(users.objects.filter(username__startswith=DEMO_USER_PREFIX).order_by("id")
                   .values_list("id", flat=True))[offset:]
        pairs = list(zip(ids, schedule, strict=True))
        for user_id, day in (progress(pairs, desc="learners", unit="person") if progress else pairs):
            self.learner(user_id, day)

    def learner(self, user_id, day):
        rng, add = self.rng, self.events.append
        add(ingest.build_event(EventKind.REGISTRATION, (user_id,), day, user_id=user_id))
        for course in rng.sample(COURSES, rng.choice((1, 1, 1, 2, 3))):
            when = min(day + timedelta(days=rng.randint(0, 3)), self.today)
            add(ingest.build_event(EventKind.ENROLLMENT, (user_id, course), when, user_id=user_id, course_key=course))
            for pill in range(rng.randint(0, 4)):
                done = min(when + timedelta(days=rng.randint(0, 20)), self.today)
                usage = course.replace("course-v1:", "block-v1:") + f"+type@fd_video_pill+block@pill{pill}"
                add(ingest.build_event(EventKind.COMPLETION, (user_id, usage), done, user_id=user_id,
                                       course_key=course))
        if rng.random() < 0.2:
            when = min(day + timedelta(days=rng.randint(0, 10)), self.today)
            add(ingest.build_event(EventKind.ASSESSMENT, (f"demo-{user_id}",), when, user_id=user_id))
        if rng.random() < 0.12:
            when = min(day + timedelta(days=rng.randint(5, 40)), self.today)
            add(ingest.build_event(EventKind.BADGE, (f"demo-badge-{user_id}",), when, user_id=user_id,
                                   course_key=COURSES[0]))

    # --- Florence: training sessions ("uscite") ----------------------------------------------
    def sessions(self, points):
        rng = self.rng
        learners = list(get_user_model().objects.filter(username__startswith=DEMO_USER_PREFIX)
                        .values_list("id", flat=True)[:5000])
        day = self.start + timedelta(days=3)
        n = 0
        while day <= self.today:
            n += 1
            kind = rng.choice(["online", "in_person", "in_person", "webinar"])
            point = rng.choice(points["firenze"]) if kind == "in_person" else None
            school = rng.choice(SCHOOLS) if kind == "in_person" and rng.random() < 0.3 else ""
            session = TrainingSession.objects.create(
                title=f"{rng.choice(SESSION_TOPICS)} #{n}", kind=kind, date=day,
                place=point.name if point else ("Aula virtuale" if kind != "webinar" else "Webinar"),
                partner=rng.choice(PARTNERS), school=school, facilitation_point=point,
                district=point.district if point else rng.choice(QUARTIERI),
                head_count=max(int(rng.gauss(18, 6) * max(self.scale, 0.2)), 0),
            )
            self.events.append(ingest.session_event(session))
            attendees = rng.sample(learners, min(len(learners), rng.randint(3, 25))) if learners else []
            SessionAttendance.objects.bulk_create([SessionAttendance(session=session, user_id=u) for u in attendees])
            self.events.extend(ingest.attendance_event(session, u) for u in attendees)
            if session.head_count:
                self.events.append(ingest.head_count_event(session, session.head_count, "demo"))
            day += timedelta(days=rng.randint(7, 12))

    # --- Turin: one-to-one help at 45 points -------------------------------------------------
    def assistance(self, points, progress):
        rng = self.rng
        opened = self.start + timedelta(days=20)
        logs = []
        days = [day for day in self.days() if day >= opened and day.weekday() < 5]
        for day in (progress(days, desc="assistance", unit="day") if progress else days):
            for point in points:
                if rng.random() > seasonal(day):
                    continue
                hours = Decimal(rng.choice(["4.0", "4.5", "5.0", "5.5"]))
                expected = max(rng.gauss(3.2, 1.2), 0) * self.scale
                people = int(expected) + (rng.random() < expected - int(expected))
                logs.append(AssistanceLog(facilitation_point=point, date=day, hours=hours, people=people))
        AssistanceLog.objects.bulk_create(logs, batch_size=2000)
        for entry in AssistanceLog.objects.select_related("facilitation_point").iterator(chunk_size=2000):
            self.events.append(ingest.assistance_event(entry))

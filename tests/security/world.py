"""One site with everything the suite mounts, and the five people who try every door of it.

``build_world()`` imports a course holding one unit per XBlock type of our distribution (found
through the ``xblock.v1`` entry points, so a new block is in it without editing this file), with
the OLX of ``SAMPLE_OLX`` or else the block's first workbench scenario; and the objects the pages
and APIs address (an attempt, an award, a badge class, a target, a facilitation point in use...).
"""
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib.metadata import distribution, entry_points
from pathlib import Path
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from lxml import etree

REPO = Path(__file__).resolve().parents[2]
DISTRIBUTION = "firenze-digitale-openedx"
ORG, NUMBER, RUN = "FirenzeDigitale", "SEC101", "2026"
SAMPLE_OLX = {
    "fd_video_pill": REPO / "course_content" / "open-data" / "fd_video_pill" / "what-is-open-data.xml",
    "fd_city_tour": REPO / "course_content" / "smart-city" / "fd_city_tour" / "firenze-smart-city.xml",
    "fd_data_exercise": REPO / "course_content" / "open-data-pro" / "fd_data_exercise" / "esercizio-csv.xml",
    "fd_message_inspector": REPO / "course_content" / "online-safety" / "fd_message_inspector"
    / "sms-inps-rimborso.xml",
}
ROLES = ("anonymous", "learner", "other_learner", "course_staff", "global_staff")


def our_block_types():
    """``{block_type: class}`` of every ``xblock.v1`` entry point of our distribution."""
    ours = {ep.name for ep in distribution(DISTRIBUTION).entry_points if ep.group == "xblock.v1"}
    return {ep.name: ep.load() for ep in entry_points(group="xblock.v1") if ep.name in ours}


def handler_names(block_class):
    return sorted(name for name in dir(block_class)
                  if getattr(getattr(block_class, name, None), "_is_xblock_handler", False))


def sample_element(block_type, block_class):
    """The block's OLX element: ``SAMPLE_OLX``, else its first workbench scenario, else a bare tag."""
    if block_type in SAMPLE_OLX:
        return etree.fromstring(SAMPLE_OLX[block_type].read_bytes())
    scenarios = getattr(block_class, "workbench_scenarios", lambda: [])() or []
    for _title, xml in scenarios:
        root = etree.fromstring(xml.encode() if isinstance(xml, str) else xml)
        found = root if root.tag == block_type else next(root.iter(block_type), None)
        if found is not None:
            return found
    return etree.Element(block_type)


def write_course(root):
    for folder in ("course", "policies/" + RUN):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "course.xml").write_text(f'<course url_name="{RUN}" org="{ORG}" course="{NUMBER}"/>')
    (root / "policies" / RUN / "grading_policy.json").write_text(json.dumps({"GRADER": [],
                                                                            "GRADE_CUTOFFS": {"Pass": 0.5}}))
    course = etree.Element("course", display_name="Security", language="it", start="2026-01-01T00:00:00Z")
    chapter = etree.SubElement(course, "chapter", url_name="c1", display_name="C")
    sequential = etree.SubElement(chapter, "sequential", url_name="s1", display_name="S")
    for block_type, block_class in sorted(our_block_types().items()):
        unit = etree.SubElement(sequential, "vertical", url_name=f"u_{block_type}", display_name=block_type)
        element = sample_element(block_type, block_class)
        element.set("url_name", f"b_{block_type}")
        unit.append(element)
    (root / "course" / f"{RUN}.xml").write_bytes(etree.tostring(course))
    static = REPO / "course_content" / "open-data" / "static"
    (root / "static").mkdir(exist_ok=True)
    for media in static.glob("what-is-open-data.*"):
        (root / "static" / media.name).write_bytes(media.read_bytes())
    for dataset in (REPO / "course_content" / "open-data-pro" / "static").glob("*.csv"):
        (root / "static" / dataset.name).write_bytes(dataset.read_bytes())
    return root


@dataclass
class World:
    course: object
    users: dict
    objects: SimpleNamespace = field(default_factory=SimpleNamespace)

    @property
    def course_id(self):
        return str(self.course.course_key)

    def block_key(self, block_type):
        return self.course.course_key.make_usage_key(block_type, f"b_{block_type}")

    def unit_key(self, block_type):
        return self.course.course_key.make_usage_key("vertical", f"u_{block_type}")


def _people(course):
    from sandbox.enrollment import enroll
    from sandbox.models import CourseAccessRole

    model = get_user_model()
    users = {
        "learner": model.objects.create_user("sec-learner", "l@example.org", "pw"),
        "other_learner": model.objects.create_user("sec-other", "o@example.org", "pw"),
        "course_staff": model.objects.create_user("sec-teacher", "t@example.org", "pw"),
        "global_staff": model.objects.create_user("sec-staff", "s@example.org", "pw", is_staff=True),
    }
    enroll(users["learner"], course)
    enroll(users["other_learner"], course)
    CourseAccessRole.objects.create(user=users["course_staff"], course_key=course.course_key, role="staff")
    return users


def _objects(world):
    from fd_assessment import api as assessment
    from fd_badges import awarding
    from fd_badges.models import BadgeClass, Issuer
    from fd_progress.models import FacilitationPoint, Target, TrainingSession

    learner = world.users["learner"]
    attempt = assessment.start_attempt(learner, form="short")
    issuer = Issuer.objects.create(domain="testserver", name_it="Comune di Firenze", name_en="City of Florence",
                                   url="https://www.comune.fi.it/", email="badge@comune.fi.it")
    badge = BadgeClass.objects.create(slug="sec-badge", issuer=issuer, name_it="Badge", name_en="Badge",
                                      description_it="D", description_en="D", criteria_it="C", criteria_en="C",
                                      course_key=world.course.course_key)
    award, _ = awarding.award(learner, badge)
    award = awarding.complete(award)
    today = date.today()
    target = Target.objects.create(title_it="Obiettivo", title_en="Target", metric="people_reached",
                                   period_start=today - timedelta(days=30), deadline=today + timedelta(days=60),
                                   goal=100, is_public=True)
    point = FacilitationPoint.objects.create(name="Punto Digitale Sicuro", district="Q1")
    session = TrainingSession.objects.create(title="Sessione", kind="in_person", date=today, facilitation_point=point)
    key = issuer.keys.filter(compromised_at__isnull=True).first() if hasattr(issuer, "keys") else None
    class_tour = _class_tour(world)
    calendar_session, registration = _calendar_session(world, point)
    return SimpleNamespace(attempt=attempt, issuer=issuer, badge=badge, award=award, target=target, point=point,
                           session=session, signing_key=key, class_tour=class_tour, booking=_booking(point),
                           calendar_session=calendar_session, registration=registration,
                           open_calendar_session=_open_calendar_session())


def _booking(point):
    """A guest's booking of one-to-one help at the point (fd_assistance), tomorrow at 09:00."""
    from datetime import datetime, time

    from django.utils import timezone

    from fd_assistance import bookings
    from fd_assistance.models import OpeningHours

    for weekday in range(7):
        OpeningHours.objects.create(point=point, weekday=weekday, start=time(9), end=time(12))
    start = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time(9)))
    return bookings.book(point.pk, start, "spid", guest={"first_name": "Ospite", "phone": "333 1234567",
                                                         "email": "", "consent": True})


def _calendar_session(world, point):
    """A session of the training calendar at the point, with a seat for the learner (fd_calendar)."""
    from django.utils import timezone

    from fd_calendar.booking import register_user
    from fd_calendar.models import CalendarSession

    start = timezone.now() + timedelta(days=2)
    session = CalendarSession.objects.create(title="SPID", kind="point", topics="spid", facilitation_point=point,
                                             starts_at=start, ends_at=start + timedelta(hours=2), capacity=5,
                                             webinar_url="https://meet.example.org/spid")
    return session, register_user(session, world.users["learner"])


def _open_calendar_session():
    """Another session, for trying registration without changing who has a seat in the first one."""
    from django.utils import timezone

    from fd_calendar.models import CalendarSession

    start = timezone.now() + timedelta(days=3)
    return CalendarSession.objects.create(title="CIE", kind="webinar", topics="cie", starts_at=start,
                                          ends_at=start + timedelta(hours=1), capacity=5)


def _class_tour(world):
    """A class tour the course staff leads (fd_classroom), with a one-stop tour snapshot."""
    from fd_classroom import api as classroom
    from fd_classroom.models import ClassSession

    tour = {"title": "Giro", "language": "it", "completion_share": 1.0, "viewer": {"js": [], "css": []},
            "scenes": [{"id": "s1", "title": "Piazza", "kind": "flat", "image_url": "/static/p.png",
                        "alt": "Una piazza",
                        "description": "D", "narration": "N", "audio_url": "", "captions_url": "", "start_yaw": None,
                        "hotspots": [], "guide": {"questions": [], "minutes": 5}}]}
    started = classroom.start_class(teacher=world.users["course_staff"], course_key=world.course.course_key,
                                    usage_key=world.block_key("fd_city_tour"), tour=tour, school_id=None)
    return ClassSession.objects.get(code=started["code"])


def build_world(tmp_path):
    from sandbox.courses import import_course

    course = import_course(write_course(tmp_path / "security-course"))
    world = World(course=course, users=_people(course))
    world.objects = _objects(world)
    return world

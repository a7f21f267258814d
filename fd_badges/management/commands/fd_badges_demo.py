"""Demo data: an issuer for the sandbox host and badge classes for the demo course and DigComp."""
from django.conf import settings
from django.core.management.base import BaseCommand
from opaque_keys.edx.keys import CourseKey

from fd_badges.credentials import keys
from fd_badges.models import BadgeClass, BadgeRule, Issuer

DEMO_COURSE = "course-v1:FirenzeDigitale+OD101+2026"


class Command(BaseCommand):
    help = "Create the demo issuer and badge classes (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--course", default=DEMO_COURSE, help="course the course badges belong to")
        parser.add_argument("--domain", default=None, help="issuer host (default: from SITE_ROOT_URL)")

    def handle(self, *args, **options):
        course = CourseKey.from_string(options["course"])
        domain = options["domain"] or getattr(settings, "SITE_ROOT_URL", "http://127.0.0.1:8000").split("://")[-1]
        issuer, _created = Issuer.objects.update_or_create(domain=domain.rstrip("/"), defaults={
            "name_it": "Firenze Digitale - Comune di Firenze", "name_en": "Firenze Digitale - City of Florence",
            "url": "https://www.comune.fi.it/", "email": "firenzedigitale@comune.fi.it",
            "description_it": "Il programma del Comune di Firenze per le competenze digitali dei cittadini.",
            "description_en": "The City of Florence's programme for citizens' digital skills.",
        })
        keys.active_key(issuer)
        passed, _ = BadgeClass.objects.update_or_create(slug="open-data-od101", defaults={
            "issuer": issuer, "course_key": course, "rule_operator": BadgeClass.ALL,
            "name_it": "Open data: primi passi", "name_en": "Open data: first steps",
            "description_it": "Sa trovare, leggere e riutilizzare i dati aperti del Comune di Firenze.",
            "description_en": "Can find, read and reuse the City of Florence's open data.",
            "criteria_it": "Superare il corso «Open data» (OD101) con il punteggio minimo richiesto.",
            "criteria_en": "Pass the “Open data” course (OD101) with the required score.",
            "image_alt_it": "Distintivo rotondo Open data", "image_alt_en": "Round Open data badge",
            "digcomp_alignment": [
                {"code": "1.1", "name": "Navigare, ricercare e filtrare dati, informazioni e contenuti digitali"},
                {"code": "1.3", "name": "Gestire dati, informazioni e contenuti digitali"},
            ],
        })
        passed.rules.all().delete()
        BadgeRule.objects.create(badge_class=passed, kind=BadgeRule.COURSE_PASSED, course_key=course)
        pills, _ = BadgeClass.objects.update_or_create(slug="video-pills-od101", defaults={
            "issuer": issuer, "course_key": course, "rule_operator": BadgeClass.ANY,
            "name_it": "Curioso dei dati", "name_en": "Data explorer",
            "description_it": "Ha seguito le video pillole del corso Open data.",
            "description_en": "Watched the video pills of the Open data course.",
            "criteria_it": "Completare 3 video pillole del corso Open data, oppure superarlo.",
            "criteria_en": "Complete 3 video pills of the Open data course, or pass it.",
        })
        pills.rules.all().delete()
        BadgeRule.objects.create(badge_class=pills, kind=BadgeRule.BLOCKS_COMPLETED, course_key=course,
                                 block_type="fd_video_pill", count=3)
        BadgeRule.objects.create(badge_class=pills, kind=BadgeRule.COURSE_PASSED, course_key=course)
        digcomp, _ = BadgeClass.objects.update_or_create(slug="digcomp-area1-level3", defaults={
            "issuer": issuer, "course_key": None, "rule_operator": BadgeClass.ALL,
            "name_it": "DigComp: informazione e dati, livello intermedio",
            "name_en": "DigComp: information and data literacy, intermediate",
            "description_it": "Ha raggiunto almeno il livello 3 di DigComp nell'area 1 "
                              "(alfabetizzazione su informazioni e dati).",
            "description_en": "Reached at least DigComp level 3 in area 1 (information and data literacy).",
            "criteria_it": "Ottenere almeno il livello 3 nell'area 1 dell'autovalutazione DigComp.",
            "criteria_en": "Reach at least level 3 in area 1 of the DigComp self-assessment.",
            "digcomp_alignment": [{"code": "1", "name": "Alfabetizzazione su informazioni e dati"}],
        })
        digcomp.rules.all().delete()
        BadgeRule.objects.create(badge_class=digcomp, kind=BadgeRule.DIGCOMP_LEVEL, digcomp_target="1", level=3)
        self.stdout.write(f"Issuer {issuer.did} with 3 badge classes ({course}).")

"""Fixtures of the fd_classroom suite: a 3-stop tour as the tour block's ``student_view_data()`` gives it,
a teacher, and helpers to start a class and join it as a pupil."""
import copy

import pytest
from opaque_keys.edx.keys import CourseKey

COURSE_KEY = CourseKey.from_string("course-v1:FirenzeDigitale+SMART+2026")
USAGE_KEY = "block-v1:FirenzeDigitale+SMART+2026+type@fd_city_tour+block@tour"


def _hotspot(id_, label, kind="info", text="", question=None, **extra):
    spot = {"id": id_, "kind": kind, "label": label, "yaw": 10.0, "pitch": -5.0, "x": 0.5, "y": 0.4,
            "text": text, "image_url": "", "video_url": "", "target": "", "arrive_yaw": 0.0, "question": question}
    spot.update(extra)
    return spot


TOUR = {
    "title": "Firenze smart city",
    "language": "it",
    "completion_share": 0.75,
    "viewer": {"js": ["/static/fd_city_tour/psv/index.js"], "css": ["/static/fd_city_tour/psv/index.css"]},
    "scenes": [
        {
            "id": "fibra", "title": "La fibra sotto la città", "kind": "360",
            "image_url": "/static/fd_city_tour/scenes/fibra.jpg",
            "alt": "Una strada del centro con un tombino aperto e tubi colorati.",
            "description": "Sotto la strada corrono tubi pieni di fibra ottica.",
            "narration": "Firenze ha più di 300 km di fibra. I dati viaggiano nella luce.",
            "audio_url": "", "captions_url": "", "start_yaw": 0.0,
            "hotspots": [
                _hotspot("tombino", "Il tombino", text="<p>Qui passa la <strong>fibra</strong>.</p>"
                                                       "<script>alert(1)</script>"),
                _hotspot("q-fibra", "Domanda sulla fibra", kind="question", question={
                    "prompt": "Quanti km di fibra ha Firenze?", "type": "single",
                    "options": [{"text": "Circa 30", "correct": False}, {"text": "Più di 300", "correct": True},
                                {"text": "Nessuno", "correct": False}],
                    "feedback": "Sono più di 300 km!"}),
                _hotspot("vai-wifi", "Vai al Wi-Fi", kind="goto", target="wifi", arrive_yaw=90.0),
            ],
            "guide": {"questions": ["Dove avete visto cavi in città?"], "minutes": 5},
        },
        {
            "id": "wifi", "title": "Wi-Fi libero ai fontanelli", "kind": "flat",
            "image_url": "/static/fd_city_tour/scenes/wifi.png",
            "alt": "Un fontanello dell'acqua con il simbolo del Wi-Fi.",
            "description": "Al fontanello si beve acqua e ci si collega a internet gratis.",
            "narration": "Ai fontanelli c'è acqua buona e anche il Wi-Fi gratis.",
            "audio_url": "", "captions_url": "", "start_yaw": 0.0,
            "hotspots": [
                _hotspot("cartello", "Il cartello del Wi-Fi", text="<p>Cerca la rete della città.</p>"),
                _hotspot("q-wifi", "Vero o falso", kind="question", question={
                    "prompt": "Il Wi-Fi dei fontanelli è gratis.", "type": "truefalse",
                    "options": [{"text": "Vero", "correct": True}, {"text": "Falso", "correct": False}],
                    "feedback": "Vero: è gratis per tutti."}),
            ],
            "guide": {"questions": ["Perché una città offre il Wi-Fi?"], "minutes": 4},
        },
        {
            "id": "rifiuti", "title": "L'app per i rifiuti", "kind": "flat",
            "image_url": "/static/fd_city_tour/scenes/rifiuti.png",
            "alt": "Un telefono con l'app della raccolta differenziata vicino ai bidoni.",
            "description": "L'app dice in quale bidone va ogni rifiuto.",
            "narration": "Con l'app sai dove buttare la carta, la plastica e il vetro.",
            "audio_url": "", "captions_url": "", "start_yaw": 0.0,
            "hotspots": [
                _hotspot("q-rifiuti", "Domanda sui bidoni", kind="question", question={
                    "prompt": "Cosa va nel bidone blu?", "type": "multiple",
                    "options": [{"text": "Carta", "correct": True}, {"text": "Cartone", "correct": True},
                                {"text": "Vetro", "correct": False}],
                    "feedback": "Carta e cartone vanno nel blu."}),
                _hotspot("bidone", "Il bidone blu", text="<p>Carta e cartone.</p>"),
            ],
            "guide": {"questions": ["Voi come fate la raccolta a casa?"], "minutes": 6},
        },
    ],
}


@pytest.fixture
def tour():
    return copy.deepcopy(TOUR)


@pytest.fixture
def teacher(django_user_model):
    from fd_classroom.models import TeacherRole

    user = django_user_model.objects.create_user("maestra", email="maestra@scuola.example", password="x")
    TeacherRole.objects.create(user=user)
    return user


@pytest.fixture
def school():
    from fd_classroom.models import School

    return School.objects.create(name="Scuola primaria Vittorino da Feltre", district="Quartiere 1")


@pytest.fixture
def started(teacher, tour, school):
    """A class started by the teacher: the API's answer and the class row."""
    from fd_classroom import api
    from fd_classroom.models import ClassSession

    result = api.start_class(teacher=teacher, course_key=COURSE_KEY, usage_key=USAGE_KEY, tour=tour,
                             school_id=school.pk)
    return result, ClassSession.objects.get(code=result["code"])


def join(client, code, address="10.0.0.1"):
    """Join as a pupil from ``client``; returns the response (a redirect to the class page)."""
    return client.post("/fd/classroom/join/", {"code": code}, REMOTE_ADDR=address)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in Django's cache: every test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def pupil_client(code, address="10.0.0.1"):
    """A fresh test client (a pupil's device) that has joined the class ``code``."""
    from django.test import Client

    client = Client()
    response = join(client, code, address)
    assert response.status_code == 302, response.content
    return client

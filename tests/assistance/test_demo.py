"""The demo command gives Florence's points opening hours once, so `make demo` has times to book."""
import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_demo_opens_florence_points_once(django_user_model):
    from fd_assistance.models import Booking, OpeningHours
    from fd_assistance.slots import free_slots
    from fd_progress.models import FacilitationPoint

    django_user_model.objects.create_user("learner")
    oblate = FacilitationPoint.objects.create(name="Biblioteca delle Oblate", organisation="Comune di Firenze")
    FacilitationPoint.objects.create(name="Biblioteca Buonarroti", organisation="Comune di Firenze")
    turin = FacilitationPoint.objects.create(name="Punto digitale Torino 01", organisation="Città di Torino")
    call_command("fd_assistance_demo")
    call_command("fd_assistance_demo")
    assert OpeningHours.objects.filter(point=oblate).count() == 4
    assert not OpeningHours.objects.filter(point=turin).exists()
    assert OpeningHours.objects.count() == 8
    booking = Booking.objects.get()
    assert booking.user.username == "learner"
    assert sum(len(day) for day in free_slots(oblate.pk).values()) > 20

"""fd_progress.api.record_assistance_once: a booking's hours reach the assistance-hours metric once."""
from datetime import date
from decimal import Decimal

import pytest

from .conftest import drain, total

pytestmark = pytest.mark.django_db


def test_the_same_source_is_recorded_and_counted_once(point):
    from fd_progress import api
    from fd_progress.models import AssistanceLog
    from fd_progress.rebuild import recount

    first, created = api.record_assistance_once("fd_assistance.booking:1", point.pk, date(2026, 5, 4),
                                                Decimal("0.5"))
    again, created_again = api.record_assistance_once("fd_assistance.booking:1", point.pk, date(2026, 5, 4),
                                                      Decimal("0.5"))
    api.record_assistance_once("fd_assistance.booking:2", point.pk, date(2026, 5, 4), Decimal("0.75"))
    assert (created, created_again, first.pk) == (True, False, again.pk)
    assert AssistanceLog.objects.count() == 2
    drain()
    assert total("assistance_hours") == Decimal("1.25")
    assert total("assistance_hours", "organisation", "Comune di Firenze") == Decimal("1.25")
    # The recount from the sources (the logs) gives the same figure.
    recount()
    assert total("assistance_hours") == Decimal("1.25")

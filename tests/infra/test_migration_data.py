"""Rows written by data migrations (edx-completion's tracking switch) survive transactional tests.

Browser and worker tests use ``transactional_db``, which empties every table after each test;
without the serialized rollback set up in ``tests/conftest.py`` the next such test would run
with completion tracking switched off, and a learner's completion would silently not count.
"""
import pytest

SWITCH = "completion.enable_completion_tracking"


def _switch_is_on():
    from waffle.models import Switch

    return Switch.objects.filter(name=SWITCH, active=True).exists()


@pytest.mark.parametrize("round_", [1, 2, 3])
def test_completion_switch_is_on_in_every_transactional_test(transactional_db, round_):
    assert _switch_is_on()


def test_completion_switch_is_on_in_ordinary_db_tests(db):
    assert _switch_is_on()

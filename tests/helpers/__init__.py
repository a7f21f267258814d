"""Helpers shared by the test suites; the fixtures built on them live in ``tests/conftest.py``."""
from tests.helpers.waiting import wait_for

__all__ = ["wait_for"]

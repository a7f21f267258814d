"""The polling helper used by tests that wait for the worker or the browser."""
import pytest

from tests.helpers import wait_for


def test_returns_the_first_truthy_value():
    calls = []

    def third_time_lucky():
        calls.append(1)
        return "done" if len(calls) >= 3 else None

    assert wait_for(third_time_lucky, timeout=5, interval=0.01) == "done"
    assert len(calls) == 3


def test_times_out_with_a_message_naming_what_was_awaited():
    with pytest.raises(AssertionError, match="the badge to be issued"):
        wait_for(lambda: False, timeout=0.2, interval=0.05, message="the badge to be issued")


def test_errors_of_the_predicate_are_not_hidden():
    def broken():
        raise KeyError("missing")

    with pytest.raises(KeyError):
        wait_for(broken, timeout=1)

"""The ``make bench`` harness: timing helpers, goal checks and the printed table."""
import time

import pytest

from tests.bench import run as harness
from tests.bench.timing import best_of, best_of_each, compare, peak_memory, ratio


def test_best_of_measures_seconds_per_call():
    per_call = best_of(lambda: time.sleep(0.002), repeat=3, number=5)
    assert 0.002 <= per_call < 0.05


def test_compare_reports_a_slower_candidate_as_a_ratio_above_one():
    row = compare("sleep", lambda: time.sleep(0.004), lambda: time.sleep(0.001), goal="<= 2", repeat=3, number=5)
    assert row["ratio"] > 2
    assert row["goal"] == "<= 2"
    assert "per call" in row["detail"]


def test_ratio_refuses_a_zero_baseline():
    assert ratio(3.0, 1.5) == 2.0
    with pytest.raises(ValueError):
        ratio(1.0, 0)


def test_peak_memory_sees_a_large_allocation():
    small = peak_memory(lambda: bytearray(1_000))
    large = peak_memory(lambda: bytearray(5_000_000))
    assert large >= 5_000_000 > small


@pytest.mark.parametrize(("ratio_", "goal", "met"), [
    (1.2, "<= 1.5", True), (1.6, "<= 1.5", False), (12, ">= 10", True), (9.9, ">=10", False),
    (None, "<= 1.5", None), (1.0, "fast enough", None),
])
def test_goal_met(ratio_, goal, met):
    assert harness.goal_met({"ratio": ratio_, "goal": goal}) is met


def test_table_lines_up_results_and_marks_missed_goals():
    rows = [
        {"name": "render", "ratio": 1.25, "goal": "<= 1.5", "met": True, "detail": "a"},
        {"name": "a longer benchmark name", "ratio": None, "goal": "", "met": None, "detail": "error: boom"},
        {"name": "export", "ratio": 3.0, "goal": "<= 2", "met": False, "detail": "b"},
    ]
    lines = harness.table(rows).splitlines()
    assert lines[0].split() == ["benchmark", "ratio", "goal", "met", "detail"]
    assert lines[2].split()[:5] == ["render", "1.25", "<=", "1.5", "yes"]
    assert "NO" in lines[4].split()
    ratio_column = len("a longer benchmark name") + 2
    assert [line[ratio_column:].split()[0] for line in lines[2:]] == ["1.25", "-", "3.00"]


def test_broken_bench_module_becomes_an_error_row(tmp_path):
    path = tmp_path / "bench_missing_module_for_test.py"
    rows, seconds = harness.run_module(path)
    assert rows[0]["ratio"] is None and rows[0]["detail"].startswith("error:")
    assert rows[0]["met"] is None and seconds >= 0


def test_best_of_each_times_every_callable_in_turn():
    calls = []
    times = best_of_each({"slow": lambda: (calls.append("s"), time.sleep(0.003)),
                          "fast": lambda: (calls.append("f"), time.sleep(0.001))}, repeat=2, number=2)
    assert times["slow"] > times["fast"] >= 0.001
    assert calls == ["s", "f"] + ["s", "s", "f", "f"] * 2  # warm-up, then alternating rounds

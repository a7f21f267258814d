#!/usr/bin/env python
"""Run every ``tests/bench/bench_*.py`` and report ratios (``make bench``).

Each module's ``run()`` returns rows ``{"name", "ratio", "goal", "detail"}``, where ``ratio``
compares our code with a baseline measured in the same process and ``goal`` reads like
``"<= 1.5"``. Django is set up with ``FD_BENCH_SETTINGS`` (default ``sandbox.settings.test``)
on a dedicated database (``FD_BENCH_DB``, default ``fd_bench``), made afresh and migrated here
(``--keep-db`` reuses it).
The table is printed and written to ``bench-results/latest.json``. Benchmarks report; they
do not fail the build, so the exit code is 0 unless the harness itself cannot start.
"""
import argparse
import datetime
import importlib
import json
import operator
import os
import platform
import re
import subprocess
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BENCH_DIR = Path(__file__).resolve().parent
RESULTS = REPO / "bench-results" / "latest.json"
GOAL = re.compile(r"^\s*(<=|>=|<|>|==)\s*([0-9.]+)\s*$")
OPERATORS = {"<=": operator.le, ">=": operator.ge, "<": operator.lt, ">": operator.gt, "==": operator.eq}


def setup_django(keep_db=False):
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    os.environ["DJANGO_SETTINGS_MODULE"] = os.environ.get("FD_BENCH_SETTINGS", "sandbox.settings.test")
    os.environ["FD_DB_NAME"] = os.environ.get("FD_BENCH_DB", "fd_bench")
    os.environ.pop("FD_DB_USE_TEST_NAME", None)
    from django.conf import settings

    database = settings.DATABASES["default"]
    if "mysql" in database["ENGINE"]:
        create_mysql_database(database, fresh=not keep_db)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    # No worker runs during benchmarks: tasks run inline, as in `make demo`.
    from celery import current_app

    current_app.conf.task_always_eager = True
    return database


def create_mysql_database(database, fresh=True):
    import MySQLdb

    name = database["NAME"]
    if not re.fullmatch(r"[A-Za-z0-9_]+", name):
        raise SystemExit(f"unsafe bench database name {name!r}")
    connection = MySQLdb.connect(
        host=database.get("HOST") or "127.0.0.1", port=int(database.get("PORT") or 3306),
        user=database.get("USER") or "root", password=database.get("PASSWORD") or "", charset="utf8mb4",
    )
    try:
        cursor = connection.cursor()
        if fresh:  # migrations edited since the last run must not meet a stale schema
            cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
        cursor.execute(f"CREATE DATABASE IF NOT EXISTS `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    finally:
        connection.close()


def discover(selected=()):
    modules = sorted(BENCH_DIR.glob("bench_*.py"))
    if selected:
        modules = [path for path in modules if any(word in path.stem for word in selected)]
    return modules


def goal_met(row):
    match = GOAL.match(str(row.get("goal", "")))
    if not match or not isinstance(row.get("ratio"), int | float):
        return None
    return OPERATORS[match[1]](row["ratio"], float(match[2]))


def run_module(path):
    started = time.perf_counter()
    try:
        module = importlib.import_module(f"tests.bench.{path.stem}")
        rows = list(module.run())
        for row in rows:
            missing = {"name", "ratio", "goal", "detail"} - set(row)
            if missing:
                raise ValueError(f"row {row!r} lacks {sorted(missing)}")
    except Exception as exc:  # a broken bench is reported, the others still run
        traceback.print_exc()
        rows = [{"name": path.stem, "ratio": None, "goal": "", "detail": f"error: {exc!r}"}]
    for row in rows:
        row["module"] = path.stem
        row["met"] = goal_met(row)
    return rows, time.perf_counter() - started


def table(rows):
    headers = ("benchmark", "ratio", "goal", "met", "detail")
    cells = [
        (row["name"], "-" if row["ratio"] is None else f"{row['ratio']:.2f}", row["goal"] or "-",
         {True: "yes", False: "NO", None: "?"}[row["met"]], row["detail"])
        for row in rows
    ]
    widths = [max(len(str(c)) for c in column) for column in zip(headers, *cells, strict=False)]
    widths[-1] = len(headers[-1])
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(str(c).ljust(w) for c, w in zip(cell, widths, strict=True)) for cell in cells]
    return "\n".join(lines)


def git_commit():
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="run only the bench modules whose name contains one of these")
    parser.add_argument("--keep-db", action="store_true", help="reuse the bench database instead of a fresh one")
    args = parser.parse_args(argv)
    from tqdm import tqdm

    database = setup_django(keep_db=args.keep_db)
    import django

    paths = discover(args.only)
    if not paths:
        print("no tests/bench/bench_*.py module to run")
        return 0
    rows, timings = [], {}
    with tqdm(paths, desc="benchmarks", unit="module", file=sys.stderr) as progress:
        for path in progress:
            progress.set_postfix_str(path.stem)
            module_rows, timings[path.stem] = run_module(path)
            rows.extend(module_rows)
    print()
    print(table(rows))
    missed = [row["name"] for row in rows if row["met"] is False]
    print(f"\n{len(rows)} results, {len(missed)} goals missed" + (f": {', '.join(missed)}" if missed else ""))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": git_commit(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "settings": os.environ["DJANGO_SETTINGS_MODULE"],
        "database": {"engine": database["ENGINE"], "name": str(database["NAME"])},
        "seconds_per_module": {name: round(sec, 2) for name, sec in timings.items()},
        "results": rows,
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written to {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Small timing helpers so each ``bench_*.py`` module stays short.

Benchmarks report ratios against a baseline measured in the same process, never absolute times.
"""
import gc
import time
import tracemalloc


def best_of(fn, repeat=5, number=20):
    """Seconds per call of ``fn()``: the best of ``repeat`` rounds of ``number`` calls each."""
    fn()  # warm caches (imports, templates, query plans) before measuring
    best = float("inf")
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            for _ in range(number):
                fn()
            best = min(best, (time.perf_counter() - start) / number)
    finally:
        if gc_was_enabled:
            gc.enable()
    return best


def best_of_each(functions, repeat=5, number=20):
    """Like ``best_of`` for several callables (a dict), with their rounds interleaved.

    Taking turns spreads a busy machine's load over all of them, so their ratio stays meaningful.
    """
    for fn in functions.values():
        fn()
    best = dict.fromkeys(functions, float("inf"))
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            for name, fn in functions.items():
                start = time.perf_counter()
                for _ in range(number):
                    fn()
                best[name] = min(best[name], (time.perf_counter() - start) / number)
    finally:
        if gc_was_enabled:
            gc.enable()
    return best


def ratio(candidate, baseline):
    """``candidate / baseline`` (how many times slower or bigger the candidate is)."""
    if baseline <= 0:
        raise ValueError(f"baseline must be positive, got {baseline!r}")
    return candidate / baseline


def peak_memory(fn):
    """Peak bytes allocated by Python while ``fn()`` runs (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def human_seconds(seconds):
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def human_bytes(size):
    for unit in ("B", "KiB", "MiB"):
        if size < 1024:
            return f"{size:.3g} {unit}"
        size /= 1024
    return f"{size:.3g} GiB"


def compare(name, candidate, baseline, goal, repeat=5, number=20, what=("candidate", "baseline")):
    """Time two callables and return one result row for ``run()``."""
    times = best_of_each({"candidate": candidate, "baseline": baseline}, repeat, number)
    cand, base = times["candidate"], times["baseline"]
    return {
        "name": name,
        "ratio": round(ratio(cand, base), 2),
        "goal": goal,
        "detail": f"{what[0]} {human_seconds(cand)} vs {what[1]} {human_seconds(base)} per call",
    }

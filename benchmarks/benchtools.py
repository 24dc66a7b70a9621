"""Timing helpers shared by the benchmark scripts (run them as `python benchmarks/bench_X.py`)."""
from __future__ import annotations

import statistics
import time
import tracemalloc


def timed(fn, repeat: int) -> list[float]:
    """Wall-clock seconds of ``repeat`` calls of ``fn``."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def report(name: str, seconds: list[float], width: int = 52) -> None:
    """Print the median, best and 90th percentile of ``seconds``, in milliseconds."""
    ms = sorted(1000 * s for s in seconds)
    p90 = ms[min(len(ms) - 1, int(0.9 * len(ms)))]
    print(f"{name:<{width}} median {statistics.median(ms):8.2f} ms   best {ms[0]:8.2f} ms   "
          f"p90 {p90:8.2f} ms   (n={len(ms)})")


def peak_mib(fn) -> float:
    """Peak memory Python allocated while ``fn`` ran, in MiB (tracemalloc)."""
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20

"""Timing of the loneliness model and app (prints numbers; not a test).

    python benchmarks/bench_community.py

- model: seminar.models.community.simulate (104 weeks) at 1,000 people (a classroom default),
  10,000 (ten times that) and 100,000 (the model's upper limit), and its peak memory;
- the exercise's searches: tipping_level (bisection) and a sweep of 101 levels;
- app: slider-to-redraw, from setting the adoption-level slider's value to the new PNG
  being in the Image widget (model, figure, PNG encoding, description), as a student's
  slider move does in the kernel, at 1,000 and 10,000 people. The browser's share
  (sending ~40 kB and painting it) is not included.

Wall-clock times depend on what else the machine is doing; the CPU time of this process
is printed beside them.
"""
from __future__ import annotations

import statistics
import time
import tracemalloc

import numpy as np

from seminar.models import community
from seminar.views.community import community_app


def timed(fn, repeat: int) -> list[tuple[float, float]]:
    """(wall-clock seconds, CPU seconds of this process) of each call."""
    out = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        out.append((time.perf_counter() - wall, time.process_time() - cpu))
    return out


def report(name: str, runs: list[tuple[float, float]]) -> None:
    """Median and best wall-clock time, and median CPU time (which other programs on a
    shared machine disturb less)."""
    wall = sorted(1000 * w for w, _ in runs)
    cpu = sorted(1000 * c for _, c in runs)
    print(f"{name:<44} wall median {statistics.median(wall):8.1f} ms  best {wall[0]:8.1f} ms   "
          f"CPU median {statistics.median(cpu):8.1f} ms   (n={len(runs)})")


def main() -> None:
    print("seminar.models.community.simulate, 104 weeks")
    for people, repeat in ((1_000, 15), (10_000, 7), (100_000, 3)):
        report(f"  {people:>7,} people", timed(lambda n=people: community.simulate(people=n), repeat))
    for people in (10_000, 100_000):
        tracemalloc.start()
        community.simulate(people=people)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"  peak memory of one {people:,}-person run: {peak / 2**20:.1f} MiB")

    print("\nthe exercise's searches (1,000 people)")
    report("  tipping_level (bisection, tol 0.001)", timed(community.tipping_level, 3))
    levels = np.round(np.arange(0, 1.001, 0.01), 2)
    report("  sweep of 101 levels", timed(lambda: community.sweep(levels), 2))

    print("\nslider to redraw (CommunityView)")
    for people in (1_000, 10_000):
        app = community_app(people=people)
        values = iter(list(np.round(np.linspace(0.05, 0.95, 30), 2)) * 2)
        report(f"  adoption-level slider, {people:,} people",
               timed(lambda: setattr(app.level, "value", float(next(values))), 20 if people == 1_000 else 8))
    print(f"  PNG size: {len(app.image.value) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()

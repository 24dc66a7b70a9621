"""Timing of the temporal-disparity model and app (prints numbers; not a test).

    python benchmarks/bench_duration.py

- model: seminar.models.duration.simulate with 10^6 steps, for each growth kind;
- app: slider-to-redraw, from setting the ratio slider's value to the new PNG being in
  the Image widget (model, figure, PNG encoding), as a student's slider move does in the
  kernel. The browser's share (sending ~50 kB and painting it) is not included.
"""
from __future__ import annotations

import tracemalloc

from seminar.models import duration
from seminar.views.duration import duration_app
from benchtools import report, timed


def main() -> None:
    print("seminar.models.duration.simulate, 1,000,000 steps")
    for growth in duration.GROWTH_KINDS:
        report(f"  growth={growth}",
               timed(lambda g=growth: duration.simulate(growth=g, rate=0.03, steps=1_000_000), 7))
    tracemalloc.start()
    duration.simulate(growth="logistic", rate=0.03, steps=1_000_000)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"  peak memory of one 10^6-step logistic run: {peak / 2**20:.0f} MiB")

    print("\nslider to redraw (DurationView, 300 steps per redraw)")
    app = duration_app()
    values = [10 ** (5 + 0.1 * i) for i in range(30)]
    it = iter(values * 2)
    report("  ratio slider", timed(lambda: setattr(app.ratio, "value", next(it)), 30))
    app.growth.value = "exponential"
    rates = iter([0.001 * i for i in range(1, 61)])
    report("  growth-rate slider (exponential)", timed(lambda: setattr(app.rate, "value", next(rates)), 30))
    print(f"  PNG size: {len(app.png) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()

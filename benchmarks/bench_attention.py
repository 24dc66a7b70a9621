"""Timing of the attention-and-capacity model and app (prints numbers; not a test).

    python benchmarks/bench_attention.py

- model, classroom sizes: the lesson's table (1 to 20,000 partners, log-spaced, about 160
  rows), a row for every count from 1 to 8,316, and the limits of both hearts;
- model, 10x those sizes: 1 to 200,000 partners with ten times the points, and every count
  from 1 to 83,160; plus the largest table the model accepts (2,000,000 counts);
- app: slider-to-redraw, from setting a slider's value to the new PNG being in the Image
  widget (model, figure, PNG encoding), at the app's 300 points and at 3,000. The browser's
  share (sending the PNG and painting it) is not included.
"""
from __future__ import annotations


import numpy as np

from seminar.models import attention
from seminar.views.attention import attention_app
from benchtools import peak_mib, report, timed


def main() -> None:
    lesson = attention.partner_range()
    every = np.arange(1, 8_317)
    print("seminar.models.attention, classroom sizes")
    report(f"  attention_table, lesson range ({len(lesson)} rows)",
           timed(lambda: attention.attention_table(lesson), 50))
    report("  attention_table, every count 1 to 8,316",
           timed(lambda: attention.attention_table(every), 20))
    report("  attention(8316, 'heart')", timed(lambda: attention.attention(8316, "heart"), 200))
    report("  limits_table (a person, Samantha)", timed(lambda: attention.limits_table(), 50))

    wide = attention.partner_range(high=200_000, points=2_000)
    every10 = np.arange(1, 83_161)
    print("\nseminar.models.attention, 10x classroom sizes")
    report(f"  attention_table, 1 to 200,000 ({len(wide)} rows)",
           timed(lambda: attention.attention_table(wide), 20))
    report("  attention_table, every count 1 to 83,160",
           timed(lambda: attention.attention_table(every10), 10))
    largest = np.arange(1, attention.MAX_POINTS + 1)
    report("  attention_table, 2,000,000 counts (the limit)",
           timed(lambda: attention.attention_table(largest), 3))
    print(f"  peak memory, every count 1 to 83,160: "
          f"{peak_mib(lambda: attention.attention_table(every10)):.1f} MiB")
    print(f"  peak memory, 2,000,000 counts: "
          f"{peak_mib(lambda: attention.attention_table(largest)):.0f} MiB")

    for points in (300, 3_000):
        print(f"\nslider to redraw (AttentionView, {points:,} points per curve)")
        app = attention_app(points=points)
        growths = iter([0.01 * i for i in range(1, 101)] * 2)
        report("  growth slider", timed(lambda: setattr(app.growth, "value", next(growths)), 20))
        counts = iter([float(10 ** (0.05 * i)) for i in range(1, 101)] * 2)
        report("  partners slider", timed(lambda: setattr(app.partners, "value", next(counts)), 20))
        caps = iter([float(10 ** (0.1 * i)) for i in range(1, 80)] * 2)
        report("  capacity slider", timed(lambda: setattr(app.capacity, "value", next(caps)), 20))
        print(f"  PNG size: {len(app.image.value) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()

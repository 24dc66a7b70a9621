"""Timing and size of the melody toy (prints numbers; not a test).

    python benchmarks/bench_melody.py

- synthesis: seminar.models.melody.synthesise and tune_wav for each stretch the app offers
  (only the first 10 s of a stretched tune are rendered, so 1,000x costs what 10x does);
- audio size: bytes of each WAV the app sends to the browser (8,000 samples a second, 16-bit mono);
- app: a stretch button press, from setting the value to the new audio in the widget.
"""
from __future__ import annotations

from seminar.models import duration
from seminar.models import melody
from seminar.views.melody import melody_app
from benchtools import peak_mib, report, timed


def main() -> None:
    print("seminar.models.melody, clips of at most "
          f"{melody.MAX_SECONDS:g} s at {melody.SAMPLE_RATE:,} samples a second")
    for k in melody.STRETCHES:
        report(f"  synthesise + WAV, stretch {k:,}x", timed(lambda k=k: melody.tune_wav(k), 20))
    report("  synthesise, Samantha's ratio (first 10 s only)",
           timed(lambda: melody.synthesise(stretch=duration.speed_ratio()), 20))
    print(f"  peak memory of one 1,000x clip: {peak_mib(lambda: melody.tune_wav(1000)):.1f} MiB")
    for k in melody.STRETCHES:
        data = melody.tune_wav(k)
        print(f"  audio size, {k:>5,}x: {len(data):>7,} bytes ({len(data) / 1024:.0f} KiB) for "
              f"{melody.clip_seconds(k):g} s of sound")

    print("\nbutton to new audio (MelodyView)")
    app = melody_app()
    seq = iter([10, 100, 1000, 1] * 10)
    report("  stretch button", timed(lambda: setattr(app.stretch, "value", next(seq)), 20))


if __name__ == "__main__":
    main()

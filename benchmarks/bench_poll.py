"""Timing and memory of the class poll (lesson 07) and the capstone model (prints numbers; not a test).

    python benchmarks/bench_poll.py

- save: checking a record and writing one poll file (a student's click, without the widget);
- load: seminar.models.poll.load_class for the made-up sample class (27 files) and for made-up
  classes of 500 and 5,000 files (5,000 is the loader's limit), with its peak memory;
- class view: loading the sample, summarising, plotting (PNG) and describing, as the
  instructor's "Load the class" button does in the kernel;
- capstone: seminar.models.capstone.crowd_model with its default 241 steps and with 100,000.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from seminar.models import capstone, poll
from seminar.views.poll import class_view
from benchtools import peak_mib, report, timed

ANSWERS = {"love": (4, "He felt it and acted on it; that is what love is for anyone."),
           "someone": (2, "A voice and good timing are not a self."),
           "substance": (3, "It depends on whether code can feel at all, and I'm not sure."),
           "world": (5, "She showed him things to care about again. \U0001F642"),
           "joy": (1, "A drug gives joy too; that does not make it a relationship.")}


def make_class(folder: Path, n: int) -> None:
    for i in range(n):
        record = poll.make_record(f"Student {i:04d}", ANSWERS, saved_at="2024-03-04T10:00:00Z")
        poll.save(record, folder)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        counter = iter(range(10**6))
        record = poll.make_record("Ada", ANSWERS, saved_at="2024-03-04T10:00:00Z")
        size = len(poll.to_json(record).encode("utf-8"))
        print(f"one poll file with five answers: {size:,} bytes (limit {poll.MAX_FILE_BYTES:,})")
        report("save one file (new name each time)",
               timed(lambda: poll.save(poll.make_record(f"S {next(counter)}", ANSWERS), tmp / "saves"), 50))
        report("save again under a taken name (-2, -3, ...)",
               timed(lambda: poll.save(record, tmp / "again"), 50))

        print("\nseminar.models.poll.load_class")
        report("  the sample class (27 files)", timed(lambda: poll.load_class(poll.SAMPLE_DIR), 20))
        for n in (500, 5_000):
            folder = tmp / f"class{n}"
            make_class(folder, n)
            report(f"  {n:,} files", timed(lambda f=folder: poll.load_class(f), 5 if n > 1000 else 10))
            print(f"  {n:,} files: peak memory {peak_mib(lambda f=folder: poll.load_class(f)):.1f} MiB")

        print("\nclass view (load, summary, plot to PNG, description)")
        view = class_view(folder=None)
        view.folder.value = str(poll.SAMPLE_DIR)
        report("  Load the class: sample", timed(view.load, 10))
        view.folder.value = str(tmp / "class500")
        report("  Load the class: 500 files", timed(view.load, 5))

    print("\nseminar.models.capstone.crowd_model")
    report("  241 steps (the default)", timed(capstone.crowd_model, 50))
    report("  100,000 steps", timed(lambda: capstone.crowd_model(steps=100_000), 20))


if __name__ == "__main__":
    main()

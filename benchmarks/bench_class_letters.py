"""Timing and memory of the 641 letters (lessons 01 and 04) (prints numbers; not a test).

    python benchmarks/bench_class_letters.py

- save: checking a record (the letter is written from the nuggets) and writing one file;
- load: seminar.models.class_letters.load_class for the made-up sample class (28 files) and
  for made-up classes of 641 and 5,000 files (5,000 is the loader's limit), with peak memory;
- class view: loading a folder and showing every letter side by side, as lesson 04's buttons do.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from seminar.models import class_letters as cl
from seminar.views.class_letters import class_letters_view
from benchtools import peak_mib, report, timed

NUGGETS = {"name": "Ada", "memory": "the night of the storm \U0001F319", "place": "the old pier",
           "detail": "the way you whistle off-key", "hope": "the spring comes early"}


def make_class(folder: Path, n: int) -> None:
    for i in range(n):
        name = f"Student {i:04d}"
        cl.save(cl.make_record(name, dict(NUGGETS, name=name), saved_at="2024-02-12T10:00:00Z"),
                folder)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        counter = iter(range(10**6))
        record = cl.make_record("Ada", NUGGETS, saved_at="2024-02-12T10:00:00Z")
        print(f"one letter file: {len(cl.to_json(record).encode('utf-8')):,} bytes "
              f"(limit {cl.MAX_FILE_BYTES:,})")
        report("save one file (new name each time)",
               timed(lambda: cl.save(cl.make_record(f"S {next(counter)}", NUGGETS), tmp / "s"), 50))
        print("\nseminar.models.class_letters.load_class")
        report("  the sample class (28 files)", timed(lambda: cl.load_class(cl.SAMPLE_DIR), 10))
        for n in (641, 5_000):
            folder = tmp / f"class{n}"
            make_class(folder, n)
            report(f"  {n:,} files", timed(lambda f=folder: cl.load_class(f), 3 if n < 1000 else 1))
            print(f"  {n:,} files: peak memory {peak_mib(lambda f=folder: cl.load_class(f)):.1f} MiB")
        print("\nclass view (load, then show the whole class)")
        view = class_letters_view(folder=None)
        for label, folder in (("sample", cl.SAMPLE_DIR), ("641 files", tmp / "class641")):
            view.folder.value = str(folder)
            report(f"  Load the letters: {label}", timed(view.load, 3))
            report(f"  Show the whole class: {label}", timed(view.show_all, 5))


if __name__ == "__main__":
    main()

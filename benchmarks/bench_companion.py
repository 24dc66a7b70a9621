"""Timing of lesson 09's companion and lesson 10's scene log (prints numbers; not a test).

    python benchmarks/bench_companion.py

- best: seminar.models.companion.best (all 125 settings scored and ranked), as each slider move does;
- app update: the companion app's redraw (choice, table, plot PNG, description) after a slider move;
- scene log: load_class of the made-up sample class, and of a made-up class of 500 logs;
- class view: loading the sample and searching a word, as the instructor's view does.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from seminar.models import companion, scenelog
from seminar.views.companion import companion_app
from seminar.views.scenelog import log_class_view
from benchtools import peak_mib, report, timed

ENTRY = {"scene": "The walk to the subway", "seen": "People looking down at phones",
         "heard": "Voices, never the other side", "suggests": "Together and alone"}


def main() -> None:
    report("companion.best (125 settings)", timed(lambda: companion.best(companion.USER_ONLY), 50))
    app = companion_app()
    values = iter(list(range(11)) * 10)
    report("companion app: redraw after a slider move",
           timed(lambda: setattr(app.sliders["growth"], "value", next(values)), 30))
    report("scenelog.load_class: the sample class (15 files)",
           timed(lambda: scenelog.load_class(scenelog.SAMPLE_DIR), 30))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(500):
            scenelog.save(scenelog.make_record(f"Student {i:04d}", [ENTRY] * 3,
                                               saved_at="2024-03-11T10:00:00Z"), folder)
        report("scenelog.load_class: 500 logs", timed(lambda: scenelog.load_class(folder), 5))
        print(f"peak memory loading 500 logs: {peak_mib(lambda: scenelog.load_class(folder)):.1f} MiB")
    view = log_class_view()
    words = iter(["voice", "black", "kettle", "crowd"] * 20)
    report("scene-log class view: search a word", timed(lambda: setattr(view.word, "value", next(words)), 20))


if __name__ == "__main__":
    main()

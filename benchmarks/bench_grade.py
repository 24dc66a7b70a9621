"""Time to grade a class's worth of handed-in notebooks (prints numbers; not a test).

    python benchmarks/bench_grade.py [EXERCISE] [--count 30]

Makes ``--count`` made-up submissions of one exercise (default 02-chinese-room): half are
the exercise with every code answer filled in from the solution (full marks), half are
the blank exercise (no marks). Grades them as ``python -m seminar grade`` does (one
fresh kernel per notebook, one after another) and prints the total and per-notebook
times. It also checks the scores came out as expected, so a fast wrong grader does not
look good.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from seminar import KIT_ROOT
from seminar.instructor import exercises as gen
from seminar.instructor import grade
from seminar.instructor.submissions import load_reference, load_submissions


def solved_and_blank(name: str):
    solution = nbformat.read(str(KIT_ROOT / "solutions" / f"{name}.ipynb"), as_version=4)
    blank = nbformat.reads(gen.generate(KIT_ROOT / "solutions" / f"{name}.ipynb", KIT_ROOT),
                           as_version=4)
    full = nbformat.reads(nbformat.writes(blank), as_version=4)
    by_id = {c.id: c for c in solution.cells}
    for cell in full.cells:
        if cell.metadata.get("seminar", {}).get("answer") == "code":
            kept = []
            for item in gen.parse_cell(by_id[cell.id].source):
                if isinstance(item, str):
                    kept.append(item)
                elif item.kind == "solution":
                    kept.extend(item.indent + line for line in item.lines)
            cell.source = "\n".join(kept)
    return full, blank


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("exercise", nargs="?", default="02-chinese-room")
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--jobs", type=int, default=1, help="notebooks graded at a time")
    args = parser.parse_args()
    full, blank = solved_and_blank(args.exercise)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(args.count):
            nb = full if i % 2 == 0 else blank
            nbformat.write(nb, str(folder / f"student{i:03d}_{args.exercise}.ipynb"))
        started = time.perf_counter()
        ref = load_reference(KIT_ROOT, args.exercise)
        subs = load_submissions(folder, gen.solution_names(KIT_ROOT))
        loaded = time.perf_counter() - started
        rows = grade.grade_all(ref, subs, args.timeout, progress=grade.Progress(len(subs)),
                               jobs=args.jobs)
        total = time.perf_counter() - started
    out_of = len(grade.columns(ref))
    wrong = [r.student for i, r in enumerate(rows)
             if r.problems or r.score() != (out_of if i % 2 == 0 else 0)]
    per = [r.seconds for r in rows]
    print(f"exercise {args.exercise}: {len(rows)} submissions ({(len(rows) + 1) // 2} solved, "
          f"{len(rows) // 2} blank), {out_of} graded columns each, --jobs {args.jobs}")
    print(f"total time to grade          {total:7.1f} s  (reading + reference: {loaded:.1f} s)")
    print(f"per notebook (kernel + run)  median {statistics.median(per):5.2f} s   "
          f"best {min(per):5.2f} s   worst {max(per):5.2f} s")
    print("scores as expected" if not wrong else f"UNEXPECTED SCORES: {wrong}")
    return 0 if not wrong else 1


if __name__ == "__main__":
    sys.exit(main())

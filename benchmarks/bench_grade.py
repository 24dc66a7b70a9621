"""Time to grade a class's worth of handed-in notebooks (prints numbers; not a test).

    python benchmarks/bench_grade.py [EXERCISE] [--count 500] [--optional 10]

Makes ``--count`` made-up submissions of one exercise (default 02-chinese-room): half are
the exercise with every answer cell filled in from the solution, half the blank exercise.
Grades them as ``python -m seminar grade`` does (core answers read, never run; one file
read at a time) and prints notebooks per second. It also checks the scores: every solved
notebook scores the same as the first and every blank one 0, so a fast wrong grader does
not look good.

``--optional N`` also times N sandboxed runs of an optional question (the made-up kit of
the tests, whose q2 is a function), and N runs of each real optional function question of
the exercises (the solution, with the exercise's own imports run in the sandbox first), and
prints seconds per sandboxed question.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from seminar import KIT_ROOT  # noqa: E402
from seminar.instructor import checkdata, grade  # noqa: E402
from seminar.instructor import exercises as gen  # noqa: E402
from seminar.instructor.submissions import load_reference, plan_submissions  # noqa: E402


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


def core(name: str, count: int) -> bool:
    full, blank = solved_and_blank(name)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(count):
            nbformat.write(full if i % 2 == 0 else blank, str(folder / f"student{i:03d}_{name}.ipynb"))
        started, cpu = time.perf_counter(), time.process_time()
        exercise, files = plan_submissions(KIT_ROOT, str(folder), None)
        plan = grade.make_plan(load_reference(KIT_ROOT, exercise), checkdata.load(KIT_ROOT, exercise))
        setup = time.perf_counter() - started
        rows = [grade.grade_one(plan, sub) for sub in files]
        total, cpu = time.perf_counter() - started, time.process_time() - cpu
    cols = plan.columns()
    scores = [r.score(cols) for r in rows]
    wrong = [r.student for i, r in enumerate(rows)
             if (scores[i] != scores[0] if i % 2 == 0 else scores[i] != 0)]
    per = [r.seconds for r in rows]
    print(f"exercise {name}: {len(rows)} submissions ({(len(rows) + 1) // 2} solved, {len(rows) // 2} "
          f"blank), {len(cols)} core columns; solved score {scores[0]}/{plan.out_of}")
    print(f"core grading: {total:6.2f} s in all (reference and file list {setup:.2f} s), "
          f"{len(rows) / total:7.1f} notebooks a second (reading each file included)")
    print(f"CPU time {cpu:.2f} s: {len(rows) / cpu:7.1f} notebooks per CPU second (what a machine "
          "not shared with other work gets)")
    print(f"checking alone, per notebook: median {statistics.median(per) * 1000:.2f} ms, "
          f"worst {max(per) * 1000:.2f} ms")
    print("scores as expected" if not wrong else f"UNEXPECTED SCORES: {wrong[:5]}")
    return not wrong


def optional(count: int) -> bool:
    from seminar.instructor import sandbox

    if sandbox.available() is None:
        print(f"sandbox: {sandbox.missing_message()}")
        return True
    times = []
    for _ in range(count):
        outcome = sandbox.run("def square(x):\n    return x * x\ncheck('q2', square)\n", {}, "square",
                              [[4], [0], [-3]])
        assert outcome.outputs == [{"value": 16}, {"value": 0}, {"value": 9}], outcome
        times.append(outcome.seconds)
    print(f"sandboxed optional question (bwrap, 3 hidden inputs): median {statistics.median(times):.2f} s, "
          f"worst {max(times):.2f} s over {count} runs")
    return real_optional(max(1, count // 5))


def real_optional(count: int) -> bool:
    """Each real exercise's optional function questions, solved, through grade_optional."""
    import shutil

    from seminar.instructor.submissions import load_submissions

    ok = True
    for name in gen.solution_names(KIT_ROOT):
        plan = grade.make_plan(load_reference(KIT_ROOT, name), checkdata.load(KIT_ROOT, name))
        if not plan.optional:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copy(KIT_ROOT / "solutions" / f"{name}.ipynb", Path(tmp) / f"zoe_{name}.ipynb")
            [sub] = load_submissions(Path(tmp), gen.solution_names(KIT_ROOT))
            times = []
            for _ in range(count):
                row = grade.grade_core(plan, sub)
                row.seconds = 0.0
                grade.grade_optional(plan, sub, row)
                times.append(row.seconds / len(plan.optional))
                ok = ok and all(row.points[f"optional_{q}"] == 1 for q in plan.optional)
        print(f"  {name} {', '.join(plan.optional)} (solution, with the exercise's imports): "
              f"median {statistics.median(times):.2f} s a question over {count} run(s)")
    print("optional solutions all passed" if ok else "AN OPTIONAL SOLUTION FAILED")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("exercise", nargs="?", default="02-chinese-room")
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--optional", type=int, default=10, metavar="N",
                        help="sandboxed runs to time (0: none)")
    args = parser.parse_args()
    ok = core(args.exercise, args.count)
    if args.optional:
        ok = optional(args.optional) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

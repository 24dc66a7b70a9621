"""``python -m seminar gradebook``: core scores, rubric scores and (if asked) optional scores in one book.

Inputs: the gradebook CSVs of ``grade`` (``--core``, one per exercise), the filled scoring
sheets of ``answers`` (``--sheet``), and with ``--optional`` the optional columns of the
``grade --optional`` books. For each student and exercise:

- core = core points / out_of; written = the mean rubric share of its written questions
  (each share is the rubric's weighted levels, 0 to 1); optional = optional points / count;
- the exercise mark (0-100) is the weighted mean of the parts present, with ``--weights``
  (default ``core=40,written=60``; ``optional=10`` is added with ``--optional``);
- the total is the weighted mean of the exercise marks (``--exercise-weights``, default 1
  each). A student missing from an exercise gets 0 for it, with a note.

Writes into ``--out``: ``gradebook.csv`` (per question, per exercise, total and notes),
``gradebook-canvas.csv`` and ``gradebook-moodle.csv`` (see :func:`canvas_csv` and
:func:`moodle_csv`). ``--roster`` (a CSV with a ``student`` column, and optionally ``name``,
``email``, ``canvas_id``, ``sis_user_id``, ``sis_login_id``, ``section``, ``id_number``)
fills the identity columns those imports match students by.
"""
from __future__ import annotations

import argparse
import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from seminar.text import InputError

HELP = "merge core scores, rubric scores and optional scores into one gradebook (CSV, Canvas, Moodle)"

DEFAULT_WEIGHTS = {"core": 40.0, "written": 60.0}
OPTIONAL_WEIGHT = 10.0
MAX_BYTES = 50 * 2**20
ROSTER = ("name", "email", "canvas_id", "sis_user_id", "sis_login_id", "section", "id_number")


@dataclass
class Student:
    name: str
    points: dict = field(default_factory=dict)     # (exercise, column) -> number
    parts: dict = field(default_factory=dict)      # (exercise, part) -> share 0..1
    notes: list = field(default_factory=list)


def parse_weights(text: str, allowed=None) -> dict:
    """``"core=40,written=60"`` -> {"core": 40.0, "written": 60.0}; InputError if malformed."""
    if not isinstance(text, str):
        raise InputError("Weights are written like core=40,written=60.")
    out = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, sep, value = part.partition("=")
        try:
            number = float(value)
        except ValueError:
            number = float("nan")
        if not sep or not key.strip() or not (0 <= number <= 1000):
            raise InputError(f"{part!r} is not a weight: write name=number, e.g. core=40.")
        if allowed is not None and key.strip() not in allowed:
            raise InputError(f"{key.strip()!r} is not one of {', '.join(allowed)}.")
        out[key.strip()] = number
    return out


def _read_csv(path: Path, what: str) -> list[dict]:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"There is no {what} {path}.")
    if path.stat().st_size > MAX_BYTES:
        raise InputError(f"{path} is too large for a {what}.")
    try:
        return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text.") from None


def _number(text) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def merge(core_books: list[Path], sheets: list[Path], rubrics: dict, optional: bool = False,
          weights: dict | None = None, exercise_weights: dict | None = None):
    """(students by name, exercises in order, the columns of each exercise)."""
    from seminar.instructor.scoring import read_sheet

    weights = dict(DEFAULT_WEIGHTS if weights is None else weights)
    if optional:
        weights.setdefault("optional", OPTIONAL_WEIGHT)
    students: dict[str, Student] = {}
    exercises: list[str] = []
    columns: dict[str, list[str]] = {}

    def student(name):
        return students.setdefault(name, Student(name))

    for path in core_books:
        rows = _read_csv(path, "grade book")
        if not rows or "exercise" not in rows[0] or "out_of" not in rows[0]:
            raise InputError(f"{path}: not a gradebook written by `python -m seminar grade`.")
        header = list(rows[0])
        cols = header[header.index("file") + 1: header.index("score")]
        opt = [c for c in cols if c.startswith("optional_")]
        core = [c for c in cols if c not in opt]
        for row in rows:
            ex = row["exercise"]
            if ex not in exercises:
                exercises.append(ex)
            columns.setdefault(ex, [])
            for c in core + (opt if optional else []):
                if c not in columns[ex]:
                    columns[ex].append(c)
            s = student(row["student"].lstrip("'"))
            for c in core + (opt if optional else []):
                s.points[(ex, c)] = _number(row.get(c)) or 0.0
            out_of = _number(row.get("out_of")) or 0
            s.parts[(ex, "core")] = (sum(s.points[(ex, c)] for c in core) / out_of) if out_of else 0.0
            if optional and opt:
                s.parts[(ex, "optional")] = sum(s.points[(ex, c)] for c in opt) / len(opt)
            if row.get("error"):
                s.notes.append(f"{ex}: {row['error'][:200]}")
    written: dict[tuple, list] = {}
    for path in sheets:
        for row in read_sheet(path, rubrics):
            ex = row["exercise"]
            if ex not in exercises:
                exercises.append(ex)
            column = f"written_{row['question']}"
            columns.setdefault(ex, [])
            if column not in columns[ex]:
                columns[ex].append(column)
            s = student(row["student"])
            s.points[(ex, column)] = round(row["share"], 4)
            written.setdefault((row["student"], ex), []).append(row["share"])
            if row["problems"]:
                s.notes.append(f"{ex} {row['question']}: " + "; ".join(row["problems"]))
    for (name, ex), shares in written.items():
        students[name].parts[(ex, "written")] = sum(shares) / len(shares)
    for ex in exercises:
        # the parts this exercise has (for anyone): a student without one gets 0 for it
        present = {part: w for part, w in weights.items() if w > 0 and _exercise_has(students, ex, part)}
        total_weight = sum(present.values())
        for s in students.values():
            if not any((ex, part) in s.parts for part in present):
                s.notes.append(f"{ex}: nothing handed in (or not found)")
            s.parts[(ex, "mark")] = (100 * sum(w * s.parts.get((ex, part), 0.0)
                                               for part, w in present.items()) / total_weight
                                     if total_weight else 0.0)
    ew = {ex: (exercise_weights or {}).get(ex, 1.0) for ex in exercises}
    for s in students.values():
        total = sum(ew.values())
        s.parts[("", "total")] = (sum(ew[ex] * s.parts[(ex, "mark")] for ex in exercises) / total
                                  if total else 0.0)
    return students, exercises, columns


def _exercise_has(students: dict, exercise: str, part: str) -> bool:
    return any((exercise, part) in s.parts for s in students.values())


def _fmt(x: float) -> str:
    return f"{x:.1f}" if abs(x - round(x)) > 1e-9 else str(int(round(x)))


def book_csv(students, exercises, columns) -> str:
    from seminar.instructor.answers import safe_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = ["student"]
    for ex in exercises:
        header += [f"{ex} {c}" for c in columns.get(ex, [])]
        header += [f"{ex} {p}" for p in ("core %", "written %", "optional %", "mark")]
    writer.writerow(header + ["total", "notes"])
    for name in sorted(students, key=str.casefold):
        s = students[name]
        row = [safe_cell(name)]
        for ex in exercises:
            row += [_fmt(s.points[(ex, c)]) if (ex, c) in s.points else "" for c in columns.get(ex, [])]
            row += ["" if (ex, p) not in s.parts else _fmt(100 * s.parts[(ex, p)])
                    for p in ("core", "written", "optional")]
            row.append(_fmt(s.parts[(ex, "mark")]))
        row += [_fmt(s.parts[("", "total")]), safe_cell("; ".join(s.notes))]
        writer.writerow(row)
    return buffer.getvalue()


def canvas_csv(students, exercises, roster: dict) -> str:
    """Canvas's gradebook import layout: ``Student``, ``ID``, ``SIS User ID``, ``SIS Login ID``,
    ``Section``, then one column per assignment (here: each exercise and the total, out of 100).
    Canvas matches a row by ``ID`` (or the SIS ids) and creates an assignment for a column it
    does not know; the second row, ``Points Possible``, gives each its maximum."""
    from seminar.instructor.answers import safe_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    titles = [f"Between the Words {ex}" for ex in exercises] + ["Between the Words total"]
    writer.writerow(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", *titles])
    writer.writerow(["Points Possible", "", "", "", "", *["100"] * len(titles)])
    for name in sorted(students, key=str.casefold):
        s, who = students[name], roster.get(name, {})
        writer.writerow([safe_cell(who.get("name") or name), who.get("canvas_id", ""),
                         who.get("sis_user_id", ""), who.get("sis_login_id") or name,
                         who.get("section", ""),
                         *[_fmt(s.parts[(ex, "mark")]) for ex in exercises], _fmt(s.parts[("", "total")])])
    return buffer.getvalue()


def moodle_csv(students, exercises, roster: dict) -> str:
    """Moodle's "Import grades: CSV file" layout: identity columns (``Username``, ``ID number``,
    ``Email address``) to map from (choose one under "Identify user"), then one column per grade
    item, each mapped to an existing item or to "New grade item" (out of 100)."""
    from seminar.instructor.answers import safe_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    titles = [f"Between the Words {ex}" for ex in exercises] + ["Between the Words total"]
    writer.writerow(["Username", "ID number", "Email address", "Full name", *titles])
    for name in sorted(students, key=str.casefold):
        s, who = students[name], roster.get(name, {})
        writer.writerow([safe_cell(name), who.get("id_number", ""), who.get("email", ""),
                         safe_cell(who.get("name") or name),
                         *[_fmt(s.parts[(ex, "mark")]) for ex in exercises], _fmt(s.parts[("", "total")])])
    return buffer.getvalue()


def read_roster(path) -> dict:
    if not path:
        return {}
    rows = _read_csv(Path(path), "roster")
    if rows and "student" not in rows[0]:
        raise InputError(f"{path}: a roster needs a 'student' column (the names in the gradebooks).")
    return {r["student"].strip(): {k: (r.get(k) or "").strip() for k in ROSTER} for r in rows}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Merge the gradebooks of `grade` (core values, and optional code with --optional) and the "
        "filled scoring sheets of `answers` (rubric levels for written answers) into one "
        "gradebook: per student, per question, per exercise and a weighted total; also as CSV "
        "files for Canvas's and Moodle's gradebook imports.")
    parser.add_argument("--core", nargs="*", default=[], metavar="GRADEBOOK.csv",
                        help="gradebooks written by `python -m seminar grade`")
    parser.add_argument("--sheet", nargs="*", default=[], metavar="SCORING-SHEET.csv",
                        help="scoring sheets written by `python -m seminar answers`, filled in")
    parser.add_argument("--optional", action="store_true",
                        help="count the optional code questions (from `grade --optional`)")
    parser.add_argument("--weights", default=None, metavar="core=40,written=60",
                        help="weights of the parts of an exercise (optional=10 is added with "
                             "--optional unless given)")
    parser.add_argument("--exercise-weights", default="", metavar="02-chinese-room=2,...",
                        help="weights of the exercises in the total (default: 1 each)")
    parser.add_argument("--rubric", nargs="*", default=[], metavar="NAME_OR_CSV",
                        help="rubrics the sheets use, beyond those in rubrics/")
    parser.add_argument("--roster", metavar="ROSTER.csv",
                        help="student, name, email, canvas_id, sis_user_id, sis_login_id, section, "
                             "id_number: identities for the Canvas and Moodle files")
    parser.add_argument("--out", default=".", metavar="DIR", help="where to write (default: here)")
    parser.add_argument("--force", action="store_true", help="replace files already there")


def run(args: argparse.Namespace) -> int:
    from seminar import KIT_ROOT
    from seminar.instructor.answers import rubric_path, write_all
    from seminar.instructor.rubrics import load_rubric

    if not args.core and not args.sheet:
        raise InputError("Nothing to merge: give --core GRADEBOOK.csv and/or --sheet SHEET.csv.")
    root = Path(args.root)
    rubrics = {}
    for folder in (KIT_ROOT / "rubrics", root / "rubrics"):
        for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
            rubrics[path.stem] = load_rubric(path)
    for given in args.rubric:
        rubric = load_rubric(rubric_path(root, given))
        rubrics[rubric.name] = rubric
    weights = (parse_weights(args.weights, ("core", "written", "optional"))
               if args.weights is not None else None)
    if weights is not None and not any(weights.values()):
        raise InputError("At least one weight must be above 0.")
    students, exercises, columns = merge(
        [Path(p) for p in args.core], [Path(p) for p in args.sheet], rubrics, args.optional,
        weights, parse_weights(args.exercise_weights))
    roster = read_roster(args.roster)
    out = Path(args.out)
    files = {out / "gradebook.csv": book_csv(students, exercises, columns),
             out / "gradebook-canvas.csv": canvas_csv(students, exercises, roster),
             out / "gradebook-moodle.csv": moodle_csv(students, exercises, roster)}
    write_all(files, args.force)
    for path in files:
        print(f"wrote {path}")
    print(f"{len(students)} student(s), {len(exercises)} exercise(s).")
    return 0

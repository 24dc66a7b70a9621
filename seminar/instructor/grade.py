"""``python -m seminar grade``: grade handed-in notebooks without running the students' code.

**Core questions are read, not run.** Each answer cell (a cell the solution marks with
``### BEGIN SOLUTION``; found in a submission by its cell id, see
:func:`seminar.instructor.submissions.match_cells`) is parsed, and only plain values and
calculator arithmetic are accepted (:mod:`seminar.instructor.values`); the grader works
them out itself, with limits, and runs the instructor's checks (``CHECKS`` and ``HIDDEN``
of the exercise's checks module, :mod:`seminar.instructor.checkdata`) on them in its own
process. A cell holding anything else (a call, an import, a def) scores its questions 0
with the note "not a plain value: see the question". No kernel is started, so nothing a
student writes can patch the checks, forge a log, or outlive the run.
Values the exercise's own cells compute with a call come from the checks module's
``GIVENS``, computed in the grader's process.

**Optional questions** (cells tagged ``optional``, the checks module's ``OPTIONAL``) are
graded only with ``--optional``, each in a bubblewrap sandbox (:mod:`seminar.instructor.sandbox`):
after the exercise's own imports (from the kit's copy, :func:`import_lines`) and the
student's earlier optional cells, the student's function is called on the hidden inputs of
``CASES``, and the results are compared outside. Optional questions without ``CASES`` are
named in a note. Without bwrap they are not graded (a note says how to install it).

Written answers are not graded here: see ``answers`` (the scoring sheet) and ``gradebook``.

Output: ``--out`` (default ``NAME-gradebook.csv``) gets a row per file as soon as it is
graded: ``exercise``, ``student``, ``file``, a column per core question (1 or 0), ``hidden_qN`` (the
hidden tests of qN), with ``--optional`` an ``optional_qN`` column per optional question,
``score`` and ``out_of`` (core columns only), ``error``. ``...-details.csv`` says what each check said.
"""
from __future__ import annotations

import argparse
import csv
import math
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from seminar.text import InputError

HELP = "grade handed-in notebooks: core values read (no student code run), optional code sandboxed"

MAX_PROBLEMS = 6


@dataclass
class Step:
    kind: str                      # "given" (an instructor's cell) or "answer"
    cell_id: str
    source: str = ""               # a given cell's source
    questions: list = field(default_factory=list)   # (question, expression) of an answer cell
    optional: bool = False
    setup: list = field(default_factory=list)  # an optional step: the exercise's imports above it


@dataclass
class Plan:
    """What to read in every submission of one exercise, worked out once."""
    ref: object
    data: object                   # checkdata.CheckData
    steps: list
    core: list                     # core question ids, in order
    hidden: list                   # core questions with HIDDEN checks
    optional: list                 # optional questions with CASES (graded in the sandbox)
    warnings: list
    givens: dict = field(default_factory=dict)   # computed givens (the checks module's GIVENS)
    optional_warnings: list = field(default_factory=list)   # optional questions not gradable

    def columns(self, with_optional: bool = False) -> list[str]:
        return (self.core + [f"hidden_{q}" for q in self.hidden]
                + ([f"optional_{q}" for q in self.optional] if with_optional else []))

    @property
    def out_of(self) -> int:
        return len(self.core) + len(self.hidden)


def make_plan(ref, data) -> Plan:
    optional_cells = {c.get("id") for c in ref.exercise.cells
                      if "optional" in c.get("metadata", {}).get("tags", [])}
    by_cell: dict[str, list] = {}
    for item in ref.checks:
        by_cell.setdefault(item.cell_id, []).append((item.question, item.expression))
    optional = set(data.optional) | {q for c in optional_cells for q, _ in by_cell.get(c, [])}
    steps = []
    imports: list[str] = []   # the exercise's own import lines so far (the kit's copy, trusted)
    for cell in ref.exercise.cells:
        if cell.cell_type != "code":
            continue
        cid = cell.get("id")
        if cell.get("metadata", {}).get("seminar", {}).get("answer") == "code" or cid in by_cell:
            questions = by_cell.get(cid, [])
            is_optional = cid in optional_cells or (questions and all(q in optional for q, _ in questions))
            steps.append(Step("answer", cid, questions=questions, optional=bool(is_optional),
                              setup=list(imports) if is_optional else []))
        else:
            steps.append(Step("given", cid, source=cell.source))
            imports.extend(line for line in import_lines(cell.source) if line not in imports)
    core = [q for q in ref.questions if q not in optional]
    warnings = []
    for q in core:
        if q not in data.checks:
            warnings.append(f"{q} has no entry in the checks module's CHECKS: it scores 0")
    for hidden in ref.hidden:
        question = hidden.after.replace("after ", "") if hidden.after.startswith("after ") else ""
        if question in core and question not in data.hidden:
            warnings.append(f"the hidden tests in {hidden.cell_id} ({hidden.after}) have no HIDDEN "
                            f"entry for {question} in the checks module: not graded")
    uncased = [q for q in ref.questions if q in optional and q not in data.cases]
    optional_warnings = [f"optional {q} has no CASES in the checks module: --optional does not "
                         "grade it" for q in uncased]
    return Plan(ref, data, steps, core, [q for q in core if q in data.hidden],
                [q for q in ref.questions if q in optional and q in data.cases], warnings,
                givens=dict(getattr(data, "givens", {}) or {}), optional_warnings=optional_warnings)


#: Imports a function answer never needs (apps, display, plotting), left out of the sandbox's
#: setup: they cost a second or more of its CPU-time limit (matplotlib builds its font cache
#: anew in each sandbox).
NOT_IN_SANDBOX = ("seminar.views", "IPython", "ipywidgets", "matplotlib")


def import_lines(source: str) -> list[str]:
    """The top-level ``import`` and ``from ... import`` statements of a cell, as text
    (but not those of :data:`NOT_IN_SANDBOX`)."""
    import ast

    from seminar.instructor.submissions import _masked

    text = _masked(source)
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError):
        return []

    def module(node) -> str:
        if isinstance(node, ast.ImportFrom):
            return node.module or ""
        return node.names[0].name

    return [ast.get_source_segment(text, node) for node in tree.body
            if isinstance(node, (ast.Import, ast.ImportFrom))
            and not any(module(node) == m or module(node).startswith(m + ".") for m in NOT_IN_SANDBOX)]


@dataclass
class Row:
    student: str
    file: str
    sha256: str
    points: dict = field(default_factory=dict)    # column -> 1, 0 or None (not graded)
    details: dict = field(default_factory=dict)   # column -> (status, message)
    problems: list = field(default_factory=list)
    seconds: float = 0.0

    def score(self, columns) -> int | None:
        values = [self.points.get(c) for c in columns if self.points.get(c) is not None]
        return sum(values) if values else None


# ---------------------------------------------------------------- the core: read, not run

def _verdict(plan: Plan, question: str, value) -> tuple[int, str, str]:
    from seminar.classroom.checks import Checker

    if question not in plan.data.checks:
        return 0, "not graded", "no check data for this question"
    result = Checker(plan.ref.name, checks={question: plan.data.checks[question]}).evaluate(question, value)
    return (1 if result.correct else 0), result.status, result.message


def grade_core(plan: Plan, sub, twice: bool = False) -> Row:
    """Read the answers of one submission and check them; never runs its code."""
    from seminar.classroom.checks import is_placeholder
    from seminar.instructor import values as v
    from seminar.instructor.submissions import match_cells

    started = time.perf_counter()
    row = Row(student=sub.student, file=sub.rel, sha256=sub.sha256)
    row.points = {c: None for c in plan.columns(True)}
    if twice:
        row.problems.append("more than one file from this student")
    if sub.nb is None:
        row.problems.append(sub.problem + "; not graded")
        return row
    if sub.exercise and sub.exercise != plan.ref.name:
        row.problems.append(f"this notebook is exercise {sub.exercise}, not {plan.ref.name}; not graded")
        return row
    match = match_cells(plan.ref, sub.nb)
    row.problems.extend(match.notes(plan.ref))
    names: dict = dict(plan.givens)  # computed here, never by a notebook
    for step in plan.steps:
        if step.kind == "given":
            v.givens(step.source, names)
            continue
        if step.optional:
            continue
        note = ""
        if step.cell_id not in match.index:
            note = "the answer cell was deleted (or replaced); no answer read"
        else:
            cell = sub.nb.cells[match.index[step.cell_id]]
            if cell.cell_type != "code":
                note = v.NOT_PLAIN + " (the answer cell was turned into text)"
            else:
                try:
                    v.run_cell(cell.source, names)
                except v.NotPlain as exc:
                    note = str(exc)
                except (v.ValueRefused, v.Unknown) as exc:
                    note = f"not graded: {exc}"
        for question, expression in step.questions:
            if question not in plan.core:
                continue
            if note:
                value, message = None, note
            else:
                try:
                    value, message = v.expression(expression or question, names), ""
                except (v.NotPlain, v.ValueRefused, v.Unknown) as exc:
                    value, message = None, f"not graded: {exc}"
            if message:
                row.points[question], row.details[question] = 0, ("not graded", message)
                if f"hidden_{question}" in row.points:
                    row.points[f"hidden_{question}"] = 0
                    row.details[f"hidden_{question}"] = ("not graded", message)
                continue
            points, status, said = _verdict(plan, question, value)
            row.points[question], row.details[question] = points, (status, said)
            if question in plan.hidden:
                key = f"hidden_{question}"
                if is_placeholder(value):
                    row.points[key], row.details[key] = 0, ("not answered", "")
                else:
                    check = plan.data.hidden[question]
                    try:
                        ok, hint = check(value)
                    except Exception as exc:  # an instructor's check that raised
                        ok, hint = False, f"the hidden check raised {type(exc).__name__}"
                    row.points[key] = 1 if ok else 0
                    row.details[key] = ("passed", "") if ok else ("failed", hint)
    for question in plan.core:
        if row.points.get(question) is None:
            row.points[question], row.details[question] = 0, ("not graded", "no answer cell found")
    row.seconds = time.perf_counter() - started
    return row


# ---------------------------------------------------------------- optional code: sandboxed

def _same(got, expected) -> bool:
    if isinstance(expected, bool) or isinstance(got, bool):
        return got == expected and type(got) is type(expected)
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(expected, (list, tuple)) and isinstance(got, list):
        return len(got) == len(expected) and all(_same(g, e) for g, e in zip(got, expected))
    return got == expected


def grade_optional(plan: Plan, sub, row: Row, unsafe: bool = False,
                   blocked: str | None = None) -> None:
    """Run each optional question's cell in the sandbox on the hidden inputs; compare outside.

    ``blocked`` is why the sandbox cannot run here (``sandbox.problem()``, asked once per run):
    then every optional question is "not graded", never wrong.
    """
    from seminar.instructor import sandbox
    from seminar.instructor import values as v
    from seminar.instructor.submissions import match_cells

    if sub.nb is None or (sub.exercise and sub.exercise != plan.ref.name) or not plan.optional:
        return
    if not unsafe and (blocked or sandbox.available() is None):
        for q in plan.optional:
            row.details[f"optional_{q}"] = ("not graded", blocked or sandbox.missing_message())
        return
    match = match_cells(plan.ref, sub.nb)
    names: dict = dict(plan.givens)  # computed here, never by a notebook
    before: list[str] = []           # the student's earlier optional cells (q12 may use q11's def)
    for step in plan.steps:
        if step.kind == "given":
            v.givens(step.source, names)
            continue
        if not step.optional:
            continue
        source = (sub.nb.cells[match.index[step.cell_id]].source
                  if step.cell_id in match.index else None)
        for question, _ in step.questions:
            if question not in plan.optional:
                continue
            spec, key = plan.data.cases[question], f"optional_{question}"
            if source is None:
                row.points[key], row.details[key] = 0, ("not graded", "answer cell deleted")
                continue
            inputs = [list(c[0]) for c in spec["cases"]]
            outcome = sandbox.run(source, names, spec["call"], inputs, unsafe=unsafe,
                                  setup=step.setup, before=before, arrays=spec.get("arrays", ()))
            row.seconds += outcome.seconds
            if outcome.outputs is None:
                row.points[key], row.details[key] = 0, ("failed", outcome.error)
                continue
            wrong = [i for i, (out, case) in enumerate(zip(outcome.outputs, spec["cases"]))
                     if not _expected(out, case[1])]
            row.points[key] = 0 if wrong else 1
            row.details[key] = (("failed", f"{len(wrong)} of {len(inputs)} hidden cases wrong"
                                 + _first_error(outcome.outputs, wrong))
                                if wrong else ("passed", f"{len(inputs)} hidden cases"))
        if source is not None:
            before.append(source)


def _expected(out, expected) -> bool:
    """Does one sandbox output match the expected result (a value, or a test of the output)?"""
    if not isinstance(out, dict):
        return False
    if callable(expected):
        try:
            return bool(expected(out))
        except Exception:  # noqa: BLE001 - an odd output from the sandbox fails the case
            return False
    return "value" in out and _same(out["value"], expected)


def _first_error(outputs, wrong) -> str:
    for i in wrong:
        if "error" in outputs[i]:
            return f" (the first raised {str(outputs[i]['error'])[:120]})"
    return ""


# ---------------------------------------------------------------- writing rows as they come

class Book:
    """The gradebook and details files, opened before any work and appended row by row."""

    def __init__(self, out: Path, exercise: str, columns: list[str], core: list[str], force: bool):
        self.exercise = exercise
        self.out, self.details_path = out, out.with_name(out.stem + "-details.csv")
        self.columns, self.core = columns, core
        existing = [p for p in (self.out, self.details_path) if p.exists()]
        if existing and not force:
            raise InputError("Not graded: " + ", ".join(map(str, existing)) + " already exist(s). "
                             "Choose another --out, or pass --force to replace.")
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            self.book = open(out, "w", encoding="utf-8", newline="")
            self.details = open(self.details_path, "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise InputError(f"Cannot write the gradebook {out} ({exc.strerror}); nothing was "
                             "graded. Choose a folder you can write to with --out.") from None
        self.w_book, self.w_details = csv.writer(self.book), csv.writer(self.details)
        self.w_book.writerow(["exercise", "student", "file", *columns, "score", "out_of", "error"])
        self.w_details.writerow(["student", "file", "column", "points", "status", "message",
                                 "sha256", "seconds"])
        self.book.flush()
        self.details.flush()
        self.rows = 0

    def add(self, row: Row) -> None:
        from seminar.instructor.answers import safe_cell

        score = row.score(self.core)
        problems = row.problems[:MAX_PROBLEMS] + (
            [f"and {len(row.problems) - MAX_PROBLEMS} more"] if len(row.problems) > MAX_PROBLEMS else [])
        self.w_book.writerow([self.exercise, safe_cell(row.student), safe_cell(row.file),
                              *["" if row.points.get(c) is None else row.points[c] for c in self.columns],
                              "" if score is None else score, len(self.core), safe_cell("; ".join(problems))])
        for col in self.columns:
            status, message = row.details.get(col, ("not graded", ""))
            points = row.points.get(col)
            self.w_details.writerow([safe_cell(row.student), safe_cell(row.file), col,
                                     "" if points is None else points, status, safe_cell(message),
                                     row.sha256, f"{row.seconds:.3f}"])
        self.book.flush()
        self.details.flush()
        self.rows += 1

    def close(self) -> None:
        self.book.close()
        self.details.close()


def writable(folder: Path) -> None:
    """Create ``folder`` if needed and prove a file can be written there; else InputError."""
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".seminar-probe-"):
            pass
    except OSError as exc:
        raise InputError(f"Cannot write in {folder} ({exc.strerror or exc}); nothing was graded. "
                         "Choose a folder you can write to with --out.") from None


class Progress:
    """A plain-text progress bar on stderr (one line per notebook when stderr is not a terminal)."""

    def __init__(self, total: int, stream=None, width: int = 24):
        self.total, self.done, self.width = total, 0, width
        self.stream = sys.stderr if stream is None else stream
        self.started = time.monotonic()
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())

    def step(self, label: str) -> None:
        self.done += 1
        filled = round(self.width * self.done / max(self.total, 1))
        bar = "#" * filled + "." * (self.width - filled)
        elapsed = time.monotonic() - self.started
        line = f"grading [{bar}] {self.done}/{self.total}  {elapsed:5.1f} s  {label[:40]}"
        if self.tty:
            self.stream.write("\r" + line.ljust(100) + ("\n" if self.done == self.total else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def grade_one(plan: Plan, sub, twice: bool = False, optional: bool = False, unsafe: bool = False,
              blocked: str | None = None) -> Row:
    """One row, whatever the file holds (an unexpected error becomes the row's note)."""
    try:
        row = grade_core(plan, sub, twice)
        if optional:
            grade_optional(plan, sub, row, unsafe, blocked)
        return row
    except Exception as exc:  # a bug or an oddity must not stop the batch
        return Row(sub.student, sub.rel, sub.sha256, points={c: None for c in plan.columns(True)},
                   problems=[f"could not be graded ({type(exc).__name__}: {str(exc)[:200]})"])


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Grade the handed-in notebooks of one exercise. Core answers are READ, not run: each "
        "answer cell must hold plain values (numbers, text, lists) or calculator arithmetic; "
        "the grader works them out itself and runs the instructor's checks and hidden checks. "
        "No student code runs for the core. With --optional, the 'Going further' code questions "
        "are run in a bubblewrap sandbox (no network, no files but its own /tmp, limits on memory, "
        "time and processes). Writes a gradebook CSV row by row; submission files are never changed.")
    from seminar.instructor import submissions as subs  # imported here: --help stays light

    subs.add_arguments(parser, example="02-chinese-room")
    parser.add_argument("--out", metavar="FILE.csv",
                        help="the gradebook (default: NAME-gradebook.csv here); the details go "
                             "beside it in FILE-details.csv")
    parser.add_argument("--optional", action="store_true",
                        help="also grade the optional code questions, each in a bubblewrap sandbox")
    parser.add_argument("--unsafe-no-sandbox", action="store_true",
                        help="with --optional: run optional code WITHOUT the sandbox (only resource "
                             "limits; the code can read and change your files). Never on a machine "
                             "holding anything you care about")
    parser.add_argument("--force", action="store_true", help="replace gradebook files already there")


def run(args: argparse.Namespace) -> int:
    from seminar.instructor import checkdata, sandbox
    from seminar.instructor.submissions import load_reference, plan_submissions

    root = Path(args.root)
    out_arg = args.out
    writable(Path(out_arg).parent if out_arg else Path("."))   # before any file is read
    name, files = plan_submissions(root, args.submissions, args.exercise)
    ref = load_reference(root, name)
    plan = make_plan(ref, checkdata.load(root, name))
    out = Path(out_arg) if out_arg else Path(f"{name}-gradebook.csv")
    columns = plan.columns(args.optional)
    book = Book(out, name, columns, plan.columns(False), args.force)
    for warning in plan.warnings + (plan.optional_warnings if args.optional else []):
        print(f"note: {warning}", file=sys.stderr)
    blocked = None
    if args.optional and plan.optional:
        if args.unsafe_no_sandbox:
            print("WARNING: --unsafe-no-sandbox: optional code runs with your permissions.", file=sys.stderr)
        else:
            blocked = sandbox.problem()
            if blocked:
                print(f"note: {blocked}", file=sys.stderr)
    twice = files.twice
    progress = Progress(len(files))
    graded = 0
    try:
        for sub in files:
            row = grade_one(plan, sub, sub.student in twice, args.optional, args.unsafe_no_sandbox,
                            blocked)
            book.add(row)
            graded += 1
            progress.step(sub.student)
    finally:
        book.close()
    print(f"wrote {book.out} and {book.details_path}: {graded} row(s), {len(columns)} graded "
          "column(s) each; no student code was run for the core.")
    return 0

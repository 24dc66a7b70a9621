"""``python -m seminar grade``: run the automatic checks of handed-in notebooks; write a gradebook.

**This runs the students' code**, with your permissions, on the machine you run it on.
Run it where that is acceptable: inside a container, or as an unprivileged user on the
hub (the instructor guide says how).

For each handed-in notebook of one exercise:

1. The file is read once into memory (never written; the grader works on a copy).
2. Its cells are matched to the exercise's by cell id (by content or position when an
   id is missing). Grading cells are added to the copy, each right after the cell it
   belongs to: for every ``check("qN", expression)`` of the solution, a cell that
   checks ``expression`` again with the kit's check data (so a deleted or edited
   ``check`` line cannot change the grade), and the solution's hidden tests.
3. The copy runs top to bottom in a fresh kernel (nbclient), in a temporary folder,
   in the student's cell order, with one time limit for the whole notebook. A cell that
   raises does not stop the run; a notebook that exceeds the limit is stopped there.
4. The gradebook gets a row: ``1`` for each question whose grading check said
   "correct" and each hidden-test cell that ran without error, ``0`` otherwise, and an
   ``error`` column saying what went wrong (not a notebook, time limit, kernel died,
   cells that raised, cells deleted or moved). A blank means "not graded".

Columns: ``student`` (from the file name), ``file``, ``q1``... (self-checked questions),
``hidden_<cell id>`` (hidden tests, one column per solution cell holding them),
``score`` (the sum), ``out_of``, ``error``. A second file, ``...-details.csv``, has
what each check said, one line per student and column.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from seminar.text import InputError

HELP = "run handed-in notebooks' checks and hidden tests (RUNS STUDENT CODE) into a gradebook CSV"

DEFAULT_TIMEOUT = 120
#: Outputs kept per cell while grading (a loop printing forever must not fill the memory).
MAX_OUTPUTS = 50
#: Most problems listed in one row's error column.
MAX_PROBLEMS = 6

PROLOGUE = '''\
def __seminar_setup__(log_path, exercise):
    import json
    from seminar.classroom import checks as _checks

    namespace = globals()
    original = _checks.Checker.evaluate
    found = []

    def write(record):
        try:
            with open(log_path, "a", encoding="utf-8") as log:
                log.write(json.dumps(record, default=str) + "\\n")
        except Exception:
            pass

    def evaluate(self, question, answer):
        result = original(self, question, answer)
        if getattr(self, "exercise", None) == exercise:
            write({"kind": "student", "question": question, "status": result.status,
                   "message": str(result.message)[:300]})
        return result

    _checks.Checker.evaluate = evaluate

    def checker():
        if not found:
            try:
                found.append(_checks.Checker(exercise))
            except Exception:
                for value in list(namespace.values()):
                    if isinstance(value, _checks.Checker) and value.exercise == exercise:
                        return value
                return None
        return found[0]

    def grade(question, answer):
        record = {"kind": "grader", "question": question}
        try:
            value = answer()
        except Exception as exc:
            record.update(status="not run", message=f"{type(exc).__name__}: {exc}"[:300])
        else:
            check = checker()
            if check is None:
                record.update(status="not run", message="no check data: the Checker set-up cell "
                              "was deleted or changed")
            else:
                try:
                    result = original(check, question, value)
                    record.update(status=result.status, message=str(result.message)[:300])
                except Exception as exc:
                    record.update(status="not run", message=f"{type(exc).__name__}: {exc}"[:300])
        write(record)

    return grade


__seminar_grade__ = __seminar_setup__(__LOG_PATH__, __EXERCISE_NAME__)
del __seminar_setup__
'''


@dataclass
class Row:
    student: str
    file: str
    sha256: str
    points: dict = field(default_factory=dict)    # column -> 1, 0 or None (not graded)
    details: dict = field(default_factory=dict)   # column -> (status, message)
    problems: list = field(default_factory=list)
    seconds: float = 0.0

    def score(self) -> int | None:
        values = [v for v in self.points.values() if v is not None]
        return sum(values) if values else None


def columns(ref) -> list[str]:
    return ref.questions + [h.key for h in ref.hidden]


# ---------------------------------------------------------------- the graded copy

def _anchor_index(ref, match, exercise_id: str | None) -> int:
    """Submission index after which grading for ``exercise_id`` goes (-1: before every cell)."""
    ids = ref.cell_ids
    if exercise_id is None or exercise_id not in ids:
        return -1
    for cid in reversed(ids[: ids.index(exercise_id) + 1]):
        if cid in match.index:
            return match.index[cid]
    return -1


def graded_copy(ref, nb, match, log_path: str):
    """The notebook to run: the student's cells plus grading cells; and each cell's role."""
    import nbformat

    after: dict[int, list] = {}
    for item in ref.checks:
        if item.expression is not None:
            code = f"__seminar_grade__({item.question!r}, lambda: ({item.expression}))"
            after.setdefault(_anchor_index(ref, match, item.cell_id), []).append(
                (code, ("check", item.question)))
    for hidden in ref.hidden:
        after.setdefault(_anchor_index(ref, match, hidden.anchor), []).append(
            (hidden.source, ("hidden", hidden.key)))
    prologue = (PROLOGUE.replace("__LOG_PATH__", repr(log_path))
                .replace("__EXERCISE_NAME__", repr(ref.name)))
    cells = [nbformat.v4.new_code_cell(prologue)]
    roles: list[tuple] = [("prologue", None)]
    for code, role in after.get(-1, []):
        cells.append(nbformat.v4.new_code_cell(code))
        roles.append(role)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            cells.append(nbformat.v4.new_code_cell(cell.source))
            roles.append(("student", index))
        for code, role in after.get(index, []):
            cells.append(nbformat.v4.new_code_cell(code))
            roles.append(role)
    for number, cell in enumerate(cells):
        cell["id"] = f"grading-{number}"
    copy = nbformat.v4.new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    return copy, roles


# ---------------------------------------------------------------- running it

@dataclass
class Run:
    errors: dict = field(default_factory=dict)   # cell position -> "ENAME: evalue"
    ran: set = field(default_factory=set)        # positions that finished
    stopped: int | None = None                   # position where the run stopped
    reason: str = ""                             # why it stopped early ("" if it did not)


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _error_text(output) -> str:
    name = output.get("ename", "Error")
    value = str(output.get("evalue", "")).strip().split("\n")[0][:200]
    if name == "AssertionError" and not value:
        lines = [_ANSI.sub("", line) for line in output.get("traceback", [])]
        arrows = [ln.strip() for text in lines for ln in text.split("\n") if "---->" in ln or
                  ln.strip().startswith("assert ")]
        if arrows:
            value = re.sub(r"^-*>\s*\d*\s*", "", arrows[-1])[:200]
    return f"{name}: {value}" if value else name


def _client_class():
    from nbclient import NotebookClient

    class Client(NotebookClient):
        def output(self, outs, msg, display_id, cell_index):
            if len(outs) >= MAX_OUTPUTS and msg.get("msg_type") != "error":
                return None
            return super().output(outs, msg, display_id, cell_index)

    return Client


#: Environment variables kept from the student's code: secrets, and the hub's API token.
_SECRET = re.compile(r"TOKEN|SECRET|PASSW|CREDENTIAL|API_?KEY|ACCESS_?KEY|PRIVATE|^JUPYTERHUB_|^JPY_",
                     re.IGNORECASE)


def kernel_env(environ=None) -> dict:
    """The grading kernel's environment: this one without secrets, strict mode or session name."""
    environ = os.environ if environ is None else environ
    env = {k: v for k, v in environ.items() if k != "SEMINAR_STRICT" and not _SECRET.search(k)}
    env["MPLBACKEND"] = "Agg"
    return env


def execute(nb, workdir: str, timeout: float, kernel: str = "python3") -> Run:
    """Run ``nb`` in a fresh kernel in ``workdir``; the whole run gets ``timeout`` seconds."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    run = Run()
    client = _client_class()(nb, timeout=max(1, math.ceil(timeout)), kernel_name=kernel,
                             allow_errors=True, interrupt_on_timeout=False,
                             shutdown_kernel="immediate", record_timing=False,
                             resources={"metadata": {"path": workdir}})
    # the kernel's own messages (start-up warnings) would break up the progress bar
    with client.setup_kernel(env=kernel_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
        deadline = time.monotonic() + timeout
        for position, cell in enumerate(nb.cells):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                run.stopped, run.reason = position, "timeout"
                break
            client.timeout = max(1, math.ceil(remaining))
            try:
                client.execute_cell(cell, position)
            except CellTimeoutError:
                run.stopped, run.reason = position, "timeout"
                break
            except DeadKernelError:
                run.stopped, run.reason = position, "dead"
                break
            errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            if errors:
                run.errors[position] = _error_text(errors[0])
            run.ran.add(position)
            cell.outputs = [o for o in cell.outputs if o.get("output_type") == "error"]
    return run


def _read_log(path: Path) -> tuple[dict, dict]:
    grader, student = {}, {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return grader, student
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        target = grader if record.get("kind") == "grader" else student
        target[record.get("question")] = (record.get("status", ""), record.get("message", ""))
    return grader, student


# ---------------------------------------------------------------- one notebook

def _where(sub_nb, index: int) -> str:
    from seminar.instructor.submissions import section_of

    section = section_of(sub_nb, index)
    return f"cell {index + 1}" + (f" (under {section})" if section else "")


def grade_one(ref, sub, timeout: float, kernel: str = "python3", twice: bool = False) -> Row:
    from seminar.instructor.submissions import match_cells

    row = Row(student=sub.student, file=sub.rel, sha256=sub.sha256)
    cols = columns(ref)
    row.points = {c: None for c in cols}
    if twice:
        row.problems.append("more than one file from this student")
    if sub.nb is None:
        row.problems.append(sub.problem + "; not graded")
        return row
    if sub.exercise and sub.exercise != ref.name:
        row.problems.append(f"this notebook is exercise {sub.exercise}, not {ref.name}; not graded")
        return row
    match = match_cells(ref, sub.nb)
    row.problems.extend(match.notes(ref))
    with tempfile.TemporaryDirectory(prefix="seminar-grade-") as work:
        log = Path(work) / ".seminar-grading.jsonl"
        copy, roles = graded_copy(ref, sub.nb, match, str(log))
        started = time.monotonic()
        try:
            run = execute(copy, work, timeout, kernel)
        except Exception as exc:  # the kernel would not start, or nbclient failed
            row.problems.append(f"could not run the notebook ({type(exc).__name__}: "
                                f"{str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ''})")
            run = None
        row.seconds = time.monotonic() - started
        grader, student = _read_log(log)
    if run is None:
        return row
    ran_roles = {roles[p] for p in run.ran}
    raised = [f"{_where(sub.nb, roles[p][1])} raised {text}" for p, text in sorted(run.errors.items())
              if roles[p][0] == "student"]
    if len(raised) > MAX_PROBLEMS:
        raised = raised[:MAX_PROBLEMS] + [f"and {len(raised) - MAX_PROBLEMS} more cells raised"]
    row.problems.extend(raised)
    if roles[0] not in ran_roles or 0 in run.errors:
        row.problems.append("the grading set-up failed: " + run.errors.get(0, "it did not run"))
    if run.reason:
        kind, index = roles[run.stopped]
        where = (_where(sub.nb, index) if kind == "student" else
                 f"the grading of {index}" if index else "the grading set-up")
        row.problems.append(
            f"stopped after the time limit ({timeout:g} s) while running {where}: an endless loop, "
            "or very slow code; what comes after it was not graded" if run.reason == "timeout" else
            f"the Python kernel died while running {where} (it crashed or ran out of memory); "
            "what comes after it was not graded")
    graded_here = {item.question for item in ref.checks if item.expression is not None}
    for question in ref.questions:
        if question in grader:
            status, message = grader[question]
        elif question not in graded_here and question in student:
            status, message = student[question]
        elif question not in graded_here:
            status, message = "not run", "the notebook never ran this check"
        else:
            status, message = "not run", "the grading check did not run (see the error column)"
        row.points[question] = 1 if status == "correct" else 0
        row.details[question] = (status, message)
    for hidden in ref.hidden:
        positions = [p for p, role in enumerate(roles) if role == ("hidden", hidden.key)]
        if positions and positions[0] in run.errors:
            row.points[hidden.key], row.details[hidden.key] = 0, ("failed", run.errors[positions[0]])
        elif positions and positions[0] in run.ran:
            row.points[hidden.key], row.details[hidden.key] = 1, ("passed", "")
        else:
            row.points[hidden.key], row.details[hidden.key] = 0, ("not run", "the run stopped before it")
    return row


# ---------------------------------------------------------------- the batch

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


def _safe_grade(ref, sub, timeout: float, kernel: str, twice: bool) -> Row:
    try:
        return grade_one(ref, sub, timeout, kernel, twice)
    except Exception as exc:  # a bug or an oddity must not stop the batch
        return Row(sub.student, sub.rel, sub.sha256, points={c: None for c in columns(ref)},
                   problems=[f"could not be graded ({type(exc).__name__}: {str(exc)[:200]})"])


def grade_all(ref, submissions, timeout: float, kernel: str = "python3", progress=None,
              jobs: int = 1) -> list[Row]:
    """Grade every submission (``jobs`` at a time, each in its own kernel); one row each."""
    from seminar.instructor.submissions import duplicates

    twice = duplicates(submissions)
    rows: dict[int, Row] = {}
    if jobs > 1 and len(submissions) > 1:
        import concurrent.futures as futures
        import multiprocessing

        try:
            with futures.ProcessPoolExecutor(min(jobs, len(submissions)),
                                             mp_context=multiprocessing.get_context("spawn")) as pool:
                pending = {pool.submit(_safe_grade, ref, sub, timeout, kernel, sub.student in twice): i
                           for i, sub in enumerate(submissions)}
                for done in futures.as_completed(pending):
                    i = pending[done]
                    rows[i] = done.result()
                    if progress is not None:
                        progress.step(submissions[i].student)
        except futures.process.BrokenProcessPool:
            pass  # a worker died: the notebooks it left are graded one by one below
    for i, sub in enumerate(submissions):
        if i not in rows:
            rows[i] = _safe_grade(ref, sub, timeout, kernel, sub.student in twice)
            if progress is not None:
                progress.step(sub.student)
    return sorted(rows.values(), key=lambda r: (r.student.casefold(), r.file))


def gradebook_csv(ref, rows: list[Row]) -> str:
    from seminar.instructor.answers import safe_cell

    cols = columns(ref)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", "file", *cols, "score", "out_of", "error"])
    for row in rows:
        score = row.score()
        writer.writerow([safe_cell(row.student), safe_cell(row.file),
                         *["" if row.points.get(c) is None else row.points[c] for c in cols],
                         "" if score is None else score, len(cols), "; ".join(row.problems)])
    return buffer.getvalue()


def details_csv(ref, rows: list[Row]) -> str:
    from seminar.instructor.answers import safe_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", "file", "column", "points", "status", "message", "sha256", "seconds"])
    for row in rows:
        for col in columns(ref):
            status, message = row.details.get(col, ("not graded", ""))
            points = row.points.get(col)
            writer.writerow([safe_cell(row.student), safe_cell(row.file), col,
                             "" if points is None else points, status, safe_cell(message),
                             row.sha256, f"{row.seconds:.1f}"])
    return buffer.getvalue()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "WARNING: this RUNS THE STUDENTS' CODE with your permissions; run it in a container or "
        "as an unprivileged user (see instructors/README.md). Runs each handed-in notebook of one "
        "exercise on a copy, in a fresh kernel, with the solution's checks and hidden tests added "
        "after the cells they belong to, and writes a gradebook CSV: one row per file (student "
        "from the file name), 1/0 per question and hidden-test cell, score, and an error column "
        "(not a notebook, time limit, cells that raised, cells deleted or moved). Submission "
        "files are never changed.")
    from seminar.instructor import submissions as subs  # imported here: --help stays light

    subs.add_arguments(parser, example="02-chinese-room")
    parser.add_argument("--out", metavar="FILE.csv",
                        help="the gradebook (default: NAME-gradebook.csv here); the details go "
                             "beside it in FILE-details.csv")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help="time limit for each notebook's run (default: %(default)s)")
    parser.add_argument("--kernel", default="python3", help="kernel to run them in (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="grade N notebooks at a time, each in its own kernel (default: "
                             "%(default)s; up to the number of CPU cores helps)")
    parser.add_argument("--force", action="store_true", help="replace gradebook files already there")


def run(args: argparse.Namespace) -> int:
    from seminar.instructor.answers import write_all
    from seminar.instructor.submissions import load_for_command, load_reference

    if not (0 < args.timeout < 24 * 3600):
        raise InputError("--timeout must be a number of seconds above 0 (and below a day).")
    if not 1 <= args.jobs <= 64:
        raise InputError("--jobs must be a whole number from 1 to 64.")
    root = Path(args.root)
    name, submissions = load_for_command(root, args.submissions, args.exercise)
    ref = load_reference(root, name)
    out = Path(args.out) if args.out else Path(f"{name}-gradebook.csv")
    details = out.with_name(out.stem + "-details.csv")
    existing = [p for p in (out, details) if p.exists()]
    if existing and not args.force:
        raise InputError("Not graded: " + ", ".join(map(str, existing)) + " already exist(s). "
                         "Choose another --out, or pass --force to replace.")
    print(f"Grading {len(submissions)} notebook(s) of {name}: this runs the students' code "
          f"(time limit {args.timeout:g} s each).", file=sys.stderr)
    rows = grade_all(ref, submissions, args.timeout, args.kernel, Progress(len(submissions)),
                     jobs=args.jobs)
    write_all({out: gradebook_csv(ref, rows), details: details_csv(ref, rows)}, force=True)
    problems = sum(1 for r in rows if r.problems)
    print(f"wrote {out} and {details}: {len(rows)} row(s), {len(columns(ref))} column(s) each; "
          f"{problems} with something in the error column.")
    return 0

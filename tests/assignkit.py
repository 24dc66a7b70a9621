"""A made-up kit and made-up handed-in notebooks, for the tests of assigning and grading.

``make_kit(path)`` writes a tiny kit (one lesson, one solution "01-demo" with two core
self-checked questions (a number, q1, and a choice, q4), an optional code question (q2,
tagged ``optional``) with its hidden tests, and a written question), its check data
(``seminar/classroom/exercise_checks/e01_demo.py`` inside the kit: CHECKS, HIDDEN,
OPTIONAL, CASES) and generates its exercise. ``submissions(kit, folder)`` writes one handed-in notebook per case below,
each named ``<student>_01-demo.ipynb``. Nothing here depends on the kit's real lessons.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import nbformat

from seminar.instructor import exercises as gen

NAME = "01-demo"

HEADER = """# Demo: hours and squares

**Questions**
- How long is a film in hours?

**Objectives**
- Compute a number and write a function.

**Time**: Teaching: 10 min · Exercises: 20 min

**Readings**: none"""

SETUP = """from seminar.classroom.checks import Checker, Choice, Number, Predicate

check = Checker("01-demo", checks={
    "q1": Number(expected=2.1, hint="Divide by the minutes in an hour."),
    "q2": Predicate(test=lambda f: f(3) == 9 and f(-2) == 4, hint="Multiply it by itself."),
    "q4": Choice(expected="B", options={"A": "a film is longer than that.", "B": "",
                                        "C": "that is the minutes, not the hours."}),
})"""

Q1 = """minutes = 126
### BEGIN SOLUTION
hours = minutes / 60
### END SOLUTION
check("q1", hours)"""

Q2 = """### BEGIN SOLUTION
def square(x):
    return x * x
### END SOLUTION
check("q2", square)"""

HIDDEN = """### BEGIN HIDDEN TESTS
assert square(4) == 16
assert square(0) == 0
### END HIDDEN TESTS"""

WRITTEN = """**Your answer:**

### BEGIN SOLUTION
Because a model answer explains itself with a reason from the film.

**What to look for:** a reason, not only a claim.
### END SOLUTION"""

CHOICE = """### BEGIN SOLUTION
answer_q4 = "B"
### END SOLUTION
check("q4", answer_q4)"""

#: The kit's check data for 01-demo (the grader reads it from the kit, not the notebook).
CHECKS_MODULE = '''"""Check data of the made-up exercise 01-demo."""
from seminar.classroom.checks import Choice, Number, Predicate

CHECKS = {
    "q1": Number(expected=2.1, hint="Divide by the minutes in an hour."),
    "q2": Predicate(test=lambda f: f(3) == 9 and f(-2) == 4, hint="Multiply it by itself."),
    "q4": Choice(expected="B", options={"A": "a film is longer than that.", "B": "",
                                        "C": "that is the minutes, not the hours."}),
}
HIDDEN = {"q1": Predicate(test=lambda hours: abs(hours - 2.1) < 1e-9, hint="not exact")}
OPTIONAL = {"q2"}
CASES = {"q2": {"call": "square", "cases": [[[4], 16], [[0], 0], [[-3], 9]]}}
'''

CELLS = [
    ("markdown", HEADER, []),
    ("code", SETUP, []),
    ("markdown", "## Q1. Hours\n\nHow many hours is 126 minutes?", []),
    ("code", Q1, []),
    ("markdown", "## Q2. Square\n\nWrite `square(x)`.", []),
    ("code", Q2, ["optional"]),
    ("code", HIDDEN, []),
    ("markdown", "## Q3. Why\n\nSay why, in two sentences.", []),
    ("markdown", WRITTEN, []),
    ("markdown", "**Instructor note.** Q3 takes five minutes.", ["instructor"]),
    ("markdown", "## Q4. Which\n\nHow long is the film? A: an hour; B: 2.1 hours; C: 126 hours.", [],
     "cell-q4-heading"),
    ("code", CHOICE, [], "cell-q4"),
    ("markdown", "## Key points\n\n- Hours are minutes over sixty.", [], "cell-10"),
]

#: What a correct student types into each answer cell (by cell id).
SOLVED = {
    "cell-03": "minutes = 126\nhours = minutes / 60\ncheck(\"q1\", hours)",
    "cell-05": "def square(x):\n    return x * x\ncheck(\"q2\", square)",
    "cell-08": "**Your answer:**\n\nBecause Theodore writes other people's letters.",
    "cell-q4": "answer_q4 = \"B\"\ncheck(\"q4\", answer_q4)",
}


def make_kit(root: Path) -> Path:
    """A kit folder with lessons/01-demo.ipynb, solutions/01-demo.ipynb and its exercise."""
    root = Path(root)
    for folder in ("lessons", "solutions", "exercises"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    cells = []
    for index, (kind, source, tags, *given_id) in enumerate(CELLS):
        cell = (nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell)(source)
        cell["id"] = given_id[0] if given_id else f"cell-{index:02d}"
        if tags:
            cell.metadata["tags"] = tags
        cells.append(cell)
    nb = nbformat.v4.new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nbformat.write(nb, str(root / "solutions" / f"{NAME}.ipynb"))
    lesson = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(HEADER, id="cell-00")])
    nbformat.write(lesson, str(root / "lessons" / f"{NAME}.ipynb"))
    checks = root / "seminar" / "classroom" / "exercise_checks"
    checks.mkdir(parents=True, exist_ok=True)
    (checks / "e01_demo.py").write_text(CHECKS_MODULE, encoding="utf-8")
    gen.write_exercise(NAME, root)
    return root


def exercise(root: Path):
    return nbformat.read(str(Path(root) / "exercises" / f"{NAME}.ipynb"), as_version=4)


def solved(root: Path):
    nb = exercise(root)
    for cell in nb.cells:
        if cell.get("id") in SOLVED:
            cell.source = SOLVED[cell.id]
    return nb


def _write(nb, path: Path) -> None:
    nbformat.write(nb, str(path))


def _cell(nb, cell_id):
    return next(c for c in nb.cells if c.get("id") == cell_id)


def submissions(root: Path, folder: Path) -> dict[str, Path]:
    """Write the made-up handed-in notebooks; returns student -> path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}

    def path(student):
        out[student] = folder / f"{student}_{NAME}.ipynb"
        return out[student]

    _write(solved(root), path("alice"))                       # fully correct
    _write(exercise(root), path("bob"))                       # blank
    path("carol").write_text('{"cells": [{"cell_type": "code", "sou', encoding="utf-8")  # cut short
    nb = solved(root)                                         # loops forever after Q1
    _cell(nb, "cell-05").source = "while True:\n    pass"
    _write(nb, path("dave"))
    nb = solved(root)                                         # raises in Q1
    _cell(nb, "cell-03").source = "minutes = 126\nhours = minutes / 0\ncheck(\"q1\", hours)"
    _write(nb, path("erin"))
    nb = solved(root)                                         # deleted the Q2 answer cell
    nb.cells = [c for c in nb.cells if c.get("id") != "cell-05"]
    _write(nb, path("frank"))
    nb = solved(root)                                         # moved Q2 (and its heading) above Q1
    ids = [c.id for c in nb.cells]
    q1 = ids.index("cell-02")
    moved = [_cell(nb, "cell-04"), _cell(nb, "cell-05")]
    rest = [c for c in nb.cells if c.id not in ("cell-04", "cell-05")]
    nb.cells = rest[:q1] + moved + rest[q1:]
    _write(nb, path("grace"))
    data = json.loads(nbformat.writes(solved(root)))          # saved by a tool that drops ids
    data["nbformat_minor"] = 4
    for cell in data["cells"]:
        cell.pop("id", None)
    path("heidi").write_text(json.dumps(data), encoding="utf-8")
    nb = solved(root)                                         # check line changed to a literal
    _cell(nb, "cell-03").source = "minutes = 126\nhours = 5\ncheck(\"q1\", 2.1)"
    _write(nb, path("ivan"))
    nb = solved(root)                                         # a wrong answer
    _cell(nb, "cell-03").source = "minutes = 126\nhours = minutes / 100\ncheck(\"q1\", hours)"
    _write(nb, path("judy"))
    nb = solved(root)                                         # kills its own kernel in Q2
    _cell(nb, "cell-05").source = "import os\nos._exit(1)"
    _write(nb, path("ken"))
    nb = solved(root)                                         # markup, emoji, RTL; answer below
    _cell(nb, "cell-08").source = "**Your answer:**\n\n<script>alert('x')</script> 😊 سامانثا"
    at = [c.id for c in nb.cells].index("cell-08")
    nb.cells.insert(at + 1, nbformat.v4.new_markdown_cell("=1+1 and more <b>bold</b> text"))
    _write(nb, path("mallory"))
    path("nina").write_bytes(b"")                             # empty upload
    return out


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def own_checks(path: Path, workdir: Path) -> dict[str, str]:
    """Run a submission as it is (no grading cells) and read what its own check lines said."""
    from nbclient import NotebookClient

    import os

    nb = nbformat.read(str(path), as_version=4)
    env = {k: v for k, v in os.environ.items() if k != "SEMINAR_STRICT"}
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(workdir)}}).execute(env=env)
    said = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text = out.get("data", {}).get("text/plain", "")
            if ": " in text and text.split(": ", 1)[0] in ("q1", "q2"):
                question, message = text.split(": ", 1)
                said[question] = message
    return said


def cli(*args):
    """Run ``python -m seminar ARGS`` in this process; its exit code and what it printed."""
    import contextlib
    import io
    from types import SimpleNamespace

    from seminar.instructor.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())

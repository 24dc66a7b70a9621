"""``python -m seminar nbgrader-source``: put exercises into an nbgrader course as source notebooks.

The kit's markup is nbgrader's, so ``solutions/NN-slug.ipynb`` is an nbgrader source
notebook once its cells carry the metadata nbgrader's "Create Assignment" toolbar would
give them (``metadata.nbgrader``, schema version 3). This command writes
``COURSE/source/NN-slug/NN-slug.ipynb`` from the solution with:

- code cells with a solution region -> "Autograded answer"
  (``solution: true, grade: false, locked: false``);
- Markdown written answers -> "Manually graded answer" (``solution: true, grade: true``,
  ``points``: ``--written-points``);
- cells with hidden tests -> "Autograder tests" (``grade: true, locked: true``, 1 point);
- after each self-checked answer, a new "Autograder tests" cell (1 point) that
  re-checks the answer with the kit's check data: ``assert check.evaluate("q1", x).correct``
  (nbgrader only gives points to test cells, and the kit's ``check(...)`` lines sit in
  answer cells);
- cells tagged ``instructor`` removed (nbgrader does not know the tag and would release them).

Every ``grade_id`` is ``<cell id>`` (or ``test-<question>``). Then, in the course folder:
``nbgrader generate_assignment NN-slug``. It refuses to overwrite an existing source
notebook unless ``--force``.
"""
from __future__ import annotations

import argparse
import copy
from pathlib import Path

from seminar.text import InputError

HELP = "write exercises as nbgrader source notebooks (with nbgrader cell metadata) into a course folder"


def _meta(grade_id: str, *, solution: bool, grade: bool, locked: bool, points: float | None = None):
    meta = {"grade_id": grade_id, "schema_version": 3, "solution": solution, "grade": grade,
            "locked": locked}
    if grade:
        meta["points"] = points
    return meta


def source_notebook(root: Path, name: str, written_points: float = 1):
    """The nbgrader source notebook for exercise ``name`` (a NotebookNode)."""
    import nbformat

    from seminar.instructor import exercises as gen
    from seminar.instructor.submissions import _check_statements

    path = gen.solution_path(root, name)
    if not path.exists():
        raise InputError(f"There is no solutions/{name}.ipynb.")
    nb = nbformat.read(str(path), as_version=4)
    cells = []
    for index, cell in enumerate(nb.cells):
        if gen.INSTRUCTOR_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        new = copy.deepcopy(cell)
        cid = cell.get("id") or f"cell-{index}"
        items = gen.parse_cell(cell.source, f"solutions/{name}.ipynb, cell {index + 1}")
        kinds = {item.kind for item in items if isinstance(item, gen.Region)}
        if "solution" in kinds and "hidden" in kinds and cell.cell_type == "code":
            raise InputError(f"solutions/{name}.ipynb, cell {index + 1} ({cid}) holds both an answer "
                             "and hidden tests; nbgrader needs them in separate cells.")
        if cell.cell_type == "markdown" and "solution" in kinds:
            new.metadata["nbgrader"] = _meta(cid, solution=True, grade=True, locked=False,
                                             points=written_points)
        elif cell.cell_type == "code" and "solution" in kinds:
            new.metadata["nbgrader"] = _meta(cid, solution=True, grade=False, locked=False)
        elif cell.cell_type == "code" and "hidden" in kinds:
            new.metadata["nbgrader"] = _meta(cid, solution=False, grade=True, locked=True, points=1)
        cells.append(new)
        if cell.cell_type == "code":
            for question, expression in _check_statements(cell.source).items():
                if expression is None:
                    continue
                test = nbformat.v4.new_code_cell(
                    f"# Autograder test: the kit's self-check of {question}\n"
                    f"assert check.evaluate({question!r}, {expression}).correct, "
                    f"check.evaluate({question!r}, {expression}).message")
                test["id"] = f"test-{question}"
                test.metadata["nbgrader"] = _meta(f"test-{question}", solution=False, grade=True,
                                                  locked=True, points=1)
                cells.append(test)
    nb.cells = cells
    nb.metadata.pop("seminar", None)
    return nb


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write exercises into an nbgrader course folder as source notebooks "
        "(COURSE/source/NAME/NAME.ipynb): the solution with nbgrader's cell metadata, one "
        "autograder test cell per self-checked question, and instructor notes removed. Then run "
        "'nbgrader generate_assignment NAME' in the course folder.")
    parser.add_argument("names", nargs="+", metavar="NAME", help="exercises, e.g. 02-chinese-room")
    parser.add_argument("--course", required=True, metavar="DIR", help="the nbgrader course folder")
    parser.add_argument("--written-points", type=float, default=1, metavar="N",
                        help="points for each written answer (default: %(default)s)")
    parser.add_argument("--force", action="store_true",
                        help="replace source notebooks already there (RISK: edits to them are lost)")


def run(args: argparse.Namespace) -> int:
    import nbformat

    from seminar.instructor import exercises as gen

    root = Path(args.root)
    known = gen.solution_names(root)
    names = []
    for item in args.names:
        name = Path(item).name.removesuffix(".ipynb")
        if name not in known:
            raise InputError(f"There is no solutions/{name}.ipynb (known: {', '.join(known) or 'none'}).")
        names.append(name)
    if args.written_points < 0:
        raise InputError("--written-points cannot be negative.")
    course = Path(args.course)
    targets = {n: course / "source" / n / f"{n}.ipynb" for n in names}
    existing = [str(p) for p in targets.values() if p.exists()]
    if existing and not args.force:
        raise InputError("Nothing written: these exist already: " + ", ".join(existing)
                         + ". Pass --force to replace them.")
    notebooks = {n: source_notebook(root, n, args.written_points) for n in names}
    for name, nb in notebooks.items():
        targets[name].parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, str(targets[name]))
        print(f"wrote {targets[name]}")
    print(f"Next, in {course}: nbgrader generate_assignment {' '.join(names)}")
    return 0

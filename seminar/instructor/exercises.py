"""Exercises from one source: ``solutions/NN-slug.ipynb`` -> ``exercises/NN-slug.ipynb``.

The solution notebook is the only file an author edits. Answer regions use nbgrader's
markup, each marker on a line of its own::

    ### BEGIN SOLUTION          (code or Markdown cells)
    ### END SOLUTION
    ### BEGIN HIDDEN TESTS      (checks students never see)
    ### END HIDDEN TESTS

The student version is made like this:

- A code solution region becomes a stub that runs without error: every name the
  region assigns becomes ``name = ...  # YOUR ANSWER HERE``; a function (or class)
  it defines keeps its signature and its body becomes ``return ...``; a ``return``
  in the region becomes ``return ...``. A region with none of these becomes
  ``# YOUR ANSWER HERE``. The checks in :mod:`seminar.classroom.checks` read ``...`` as
  "not answered yet".
- A Markdown solution region (model answer, then ``**What to look for:**`` notes)
  becomes ``_Write your answer here._``.
- Hidden test regions are removed; a cell left empty by that is dropped.
- Cells tagged ``instructor`` are dropped. Outputs and execution counts are cleared.
- A "Hand in" heading and a code cell calling :func:`seminar.classroom.handin.hand_in` are added
  just before the closing Key points cell (ids ``seminar-hand-in-note`` and
  ``seminar-hand-in``): it tells the student which file to upload and whether it is
  saved. (A notebook that does not end with Key points gets no hand-in cell.)
- The notebook's metadata gets ``seminar.generated_from`` and ``seminar.cells_sha256``
  (a digest of the cells as generated). The generator overwrites only a file with that
  marker whose cells are unchanged since it wrote them, so hand edits (or outputs saved
  from JupyterLab) are never lost silently; ``--force`` overrides, losing them.

The output is deterministic: the same solution gives a byte-identical exercise.
``python -m seminar exercises`` writes them; ``--check`` reports what is out of date.
"""
from __future__ import annotations

import argparse
import ast
import copy
import hashlib
import json
import re
import sys
import textwrap
import warnings
from dataclasses import dataclass
from pathlib import Path

from seminar import KIT_ROOT
from seminar.files import write_atomic
from seminar.text import InputError

HELP = "write exercises/ from solutions/ (or --check that they are up to date)"
COMMAND = "python -m seminar exercises"

BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
_MARKERS = {m.split(" ", 1)[1]: m for m in (BEGIN_SOLUTION, END_SOLUTION, BEGIN_HIDDEN, END_HIDDEN)}
_MARKER_RE = re.compile(r"(BEGIN|END)\s+(SOLUTION|HIDDEN\s+TESTS)", re.IGNORECASE)

ANSWER_COMMENT = "# YOUR ANSWER HERE"
TEXT_STUB = "_Write your answer here._"
LOOK_FOR = "**What to look for:**"
INSTRUCTOR_TAG = "instructor"
NAME_PATTERN = re.compile(r"\d\d-[a-z0-9-]+")


class ExerciseError(InputError):
    """A solution or exercise file the generator cannot use; the message says which and why."""


# ---------------------------------------------------------------- parsing regions

@dataclass(frozen=True)
class Region:
    """One marked region of a cell: ``kind`` is "solution" or "hidden"."""
    kind: str
    indent: str          # the indentation of its BEGIN line
    lines: tuple         # the lines between the markers


def parse_cell(source: str, where: str = "cell") -> list:
    """Split a cell's source into kept lines (str) and :class:`Region` items, in order.

    Raises :class:`ExerciseError` (naming ``where``) for a marker that is misspelt,
    not on a line of its own, nested, unclosed or unopened.
    """
    items: list = []
    current: list | None = None
    kind = indent = ""
    for number, line in enumerate(source.split("\n"), start=1):
        found = _MARKER_RE.search(line)
        if found and not found.group(0).isupper() and not line.lstrip().startswith("#"):
            found = None  # prose such as "begin solution work"; nbgrader ignores it too
        if not found:
            (items if current is None else current).append(line)
            continue
        which = " ".join([found.group(1).upper()] + found.group(2).upper().split())
        exact = _MARKERS[which]
        if line.strip() != exact:
            raise ExerciseError(f"{where}, line {number}: write the marker exactly as "
                                f"'{exact}' on a line of its own (found {line.strip()[:80]!r}).")
        this_kind = "solution" if "SOLUTION" in which else "hidden"
        if which.startswith("BEGIN"):
            if current is not None:
                raise ExerciseError(f"{where}, line {number}: '{exact}' inside another region "
                                    "(regions cannot be nested).")
            current, kind, indent = [], this_kind, line[: len(line) - len(line.lstrip())]
        else:
            if current is None or kind != this_kind:
                raise ExerciseError(f"{where}, line {number}: '{exact}' without its BEGIN line.")
            items.append(Region(kind, indent, tuple(current)))
            current = None
    if current is not None:
        end = END_SOLUTION if kind == "solution" else END_HIDDEN
        raise ExerciseError(f"{where}: a region is never closed (add '{end}').")
    return items


def split_written(region: Region, where: str = "cell") -> tuple[str, str]:
    """The (model answer, what to look for) of a Markdown solution region."""
    lines = list(region.lines)
    for i, line in enumerate(lines):
        if line.strip().casefold().startswith(LOOK_FOR.casefold()):
            model = "\n".join(lines[:i]).strip()
            notes = "\n".join([line.strip()[len(LOOK_FOR):]] + lines[i + 1:]).strip()
            if model and notes:
                return model, notes
            break
    raise ExerciseError(f"{where}: a written answer region needs a model answer, then a line "
                        f"starting with {LOOK_FOR} followed by notes for the grader.")


# ---------------------------------------------------------------- code stubs

def _names(target: ast.AST):
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from _names(element)
    elif isinstance(target, ast.Starred):
        yield from _names(target.value)


def _walk_statements(statements):
    """Statements of a block and of its nested blocks (if, for, with, try, match), not of defs."""
    for node in statements:
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for name in ("body", "orelse", "finalbody"):
            yield from _walk_statements(getattr(node, name, []) or [])
        for handler in getattr(node, "handlers", []) or []:
            yield from _walk_statements(handler.body)
        for case in getattr(node, "cases", []) or []:
            yield from _walk_statements(case.body)


def _assigned(node: ast.stmt) -> list[str]:
    names: list[str] = []
    for inner in _walk_statements([node]):
        if isinstance(inner, ast.Assign):
            for target in inner.targets:
                names.extend(_names(target))
        elif isinstance(inner, ast.AnnAssign) and inner.value is not None:
            names.extend(_names(inner.target))
        elif isinstance(inner, ast.AugAssign):
            names.extend(_names(inner.target))
    return names


def _definition_stub(node: ast.stmt) -> list[str]:
    stub = copy.copy(node)
    stub.decorator_list = []
    if isinstance(node, ast.ClassDef):
        stub.body = [ast.Expr(ast.Constant(Ellipsis))]
    else:
        stub.body = [ast.Return(ast.Constant(Ellipsis))]
    lines = ast.unparse(ast.fix_missing_locations(stub)).split("\n")
    lines[-1] += "  " + ANSWER_COMMENT
    return lines


def code_stub(region: Region, where: str = "cell") -> list[str]:
    """The student's stub for a code solution region (lines, without the region's indent)."""
    text = textwrap.dedent("\n".join(region.lines))
    try:
        tree = ast.parse(text)
    except SyntaxError as exc:
        raise ExerciseError(
            f"{where}: the solution region does not parse as Python (region line {exc.lineno}: "
            f"{exc.msg}). Fix it in the solution; IPython magics (% or !) cannot go in a region."
        ) from None
    out: list[str] = []
    seen: set[str] = set()
    returns = False
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if node.name not in seen:
                seen.add(node.name)
                out.extend(_definition_stub(node))
            continue
        for name in _assigned(node):
            if name not in seen:
                seen.add(name)
                out.append(f"{name} = ...  {ANSWER_COMMENT}")
        returns = returns or any(isinstance(n, ast.Return) for n in _walk_statements([node]))
    if returns:
        out.append(f"return ...  {ANSWER_COMMENT}")
    if not out:
        out.append(ANSWER_COMMENT if not region.indent else f"...  {ANSWER_COMMENT}")
    return out


def _parses(source: str) -> bool:
    masked = "\n".join(
        (line[: len(line) - len(line.lstrip())] + "pass") if line.lstrip()[:1] in ("%", "!") else line
        for line in source.split("\n"))
    try:
        compile(masked, "<cell>", "exec",
                flags=ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
    except SyntaxError:
        return False
    return True


# ---------------------------------------------------------------- notebooks

def _cell_source(cell, where: str) -> tuple[str | None, str | None]:
    """(new source or None to drop the cell, answer kind "code"/"written" or None)."""
    items = parse_cell(cell.source, where)
    if not any(isinstance(item, Region) for item in items):
        return cell.source, None
    lines: list[str] = []
    answer = None
    for item in items:
        if isinstance(item, str):
            lines.append(item)
        elif item.kind == "hidden":
            continue
        elif cell.cell_type == "code":
            answer = "code"
            lines.extend(item.indent + line for line in code_stub(item, where))
        else:
            answer = "written"
            split_written(item, where)
            lines.append(item.indent + TEXT_STUB)
    source = "\n".join(lines)
    if not source.strip():
        return None, None
    if cell.cell_type == "code" and _parses(cell.source) and not _parses(source):
        raise ExerciseError(f"{where}: the student stub of this cell would not be valid Python; "
                            "keep each solution region a whole block of statements.")
    return source, answer


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _give_missing_ids(data) -> None:
    """nbformat 4.5 cells need ids; nbformat would invent random ones, so derive them."""
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        return
    if (data.get("nbformat", 0), data.get("nbformat_minor", 0)) < (4, 5):
        return
    cells = [cell for cell in data["cells"] if isinstance(cell, dict)]
    used = {cell.get("id") for cell in cells}
    for index, cell in enumerate(cells):
        if not cell.get("id"):
            new = f"cell-{index:02d}"
            while new in used:
                new += "x"
            cell["id"] = new
            used.add(new)


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().split("\n")[0] or type(exc).__name__
    return text[:300]


def generate(solution: Path, root: Path = KIT_ROOT) -> str:
    """The exercise notebook made from ``solution``, as the exact text to store."""
    import nbformat  # imported here: it takes seconds, and `--help` should not wait for it

    solution, root = Path(solution), Path(root)
    rel = _relative(solution, root)
    try:
        data = json.loads(solution.read_text(encoding="utf-8"))
        _give_missing_ids(data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nb = nbformat.reads(json.dumps(data), as_version=4)
            nbformat.validate(nb)
    except Exception as exc:  # unreadable, not JSON, not a notebook
        raise ExerciseError(f"{rel} cannot be read as a notebook: {_first_line(exc)}") from None
    cells = []
    for index, cell in enumerate(nb.cells):
        where = f"{rel}, cell {index + 1}" + (f" (id {cell['id']})" if cell.get("id") else "")
        if INSTRUCTOR_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        source, answer = _cell_source(cell, where)
        if source is None:
            continue
        new = copy.deepcopy(cell)
        new.source = source
        new.metadata.pop("execution", None)
        if answer:
            new.metadata["seminar"] = {"answer": answer}
        if new.cell_type == "code":
            new.outputs = []
            new.execution_count = None
        cells.append(new)
    nb.cells = _with_hand_in(cells, solution.stem)
    nb.metadata["seminar"] = {
        "generated_from": rel,
        "note": f"Generated by `{COMMAND}`: edit {rel}, not this file.",
        "cells_sha256": cells_digest(nb.cells),
    }
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


HAND_IN_NOTE = (
    "## Hand in\n\n"
    "When you have finished, save the notebook (<kbd>Ctrl</kbd>+<kbd>S</kbd>; on a Mac "
    "<kbd>Cmd</kbd>+<kbd>S</kbd>), then run the cell "
    "below. It says which file to upload, where it is, and whether the saved file still has "
    "blank answers.")


def _with_hand_in(cells: list, name: str) -> list:
    """The cells with the hand-in note and cell added before the closing Key points cell.

    A notebook that does not end with Key points (the template's last cell) gets none.
    """
    import nbformat

    if any(c.get("id") in ("seminar-hand-in", "seminar-hand-in-note") for c in cells):
        return cells
    note = nbformat.v4.new_markdown_cell(HAND_IN_NOTE, id="seminar-hand-in-note")
    code = nbformat.v4.new_code_cell(
        f'from seminar.classroom import hand_in\n\nhand_in("{name}")', id="seminar-hand-in")
    last = cells[-1] if cells else None
    if last is None or last.cell_type != "markdown" or "key points" not in last.source.casefold():
        return cells  # not the template's shape (a fragment, as in the generator's own tests)
    return cells[:-1] + [note, code, last]


def cells_digest(cells) -> str:
    """A digest of what the cells hold (sources, outputs, metadata), independent of file layout."""
    summary = [[c.get("cell_type"), c.get("id"), c.get("source"), c.get("metadata"),
                c.get("outputs"), c.get("execution_count")] for c in cells]
    return hashlib.sha256(json.dumps(summary, sort_keys=True, ensure_ascii=False)
                          .encode("utf-8")).hexdigest()


def _marker(path: Path) -> tuple[dict | None, object]:
    import nbformat

    try:
        nb = nbformat.reads(Path(path).read_text(encoding="utf-8"), as_version=4)
        marker = nb.metadata["seminar"]
        return (marker if marker.get("generated_from") else None), nb
    except Exception:  # unreadable, not JSON, not a notebook, no marker: not ours
        return None, None


def is_generated(path: Path) -> bool:
    """True if ``path`` carries the generator's marker."""
    return _marker(path)[0] is not None


def edited_since_generated(path: Path) -> bool:
    """True if a generated file's cells were changed after the generator wrote them."""
    marker, nb = _marker(path)
    if marker is None or "cells_sha256" not in marker:  # not ours, or written before digests
        return False
    return marker["cells_sha256"] != cells_digest(nb.cells)


def solution_path(root: Path, name: str) -> Path:
    return Path(root) / "solutions" / f"{name}.ipynb"


def exercise_path(root: Path, name: str) -> Path:
    return Path(root) / "exercises" / f"{name}.ipynb"


def solution_names(root: Path = KIT_ROOT) -> list[str]:
    """Names (``NN-slug``) of the solution notebooks, sorted."""
    folder = Path(root) / "solutions"
    if not folder.is_dir():
        raise ExerciseError(f"There is no solutions/ folder in {root}.")
    return sorted(p.stem for p in folder.glob("*.ipynb"))


def write_exercise(name: str, root: Path = KIT_ROOT, force: bool = False) -> str:
    """Write one exercise; returns "written" or "unchanged". Refuses hand-written targets."""
    root = Path(root)
    if not NAME_PATTERN.fullmatch(name):
        raise ExerciseError(f"solutions/{name}.ipynb: exercise names look like "
                            "'02-chinese-room' (two digits, a dash, lower-case words).")
    text = generate(solution_path(root, name), root)
    target = exercise_path(root, name)
    if target.exists():
        if not is_generated(target) and not force:
            raise ExerciseError(
                f"exercises/{name}.ipynb was not written by the generator (it has no "
                "'seminar.generated_from' marker), so it is left alone. Move your edits into "
                f"solutions/{name}.ipynb and delete the file, or pass --force to overwrite it "
                "and lose what is in it.")
        if edited_since_generated(target) and not force:
            raise ExerciseError(
                f"exercises/{name}.ipynb was changed after it was generated (edited by hand, or "
                "run and saved with outputs), so it is left alone. Move anything you need into "
                f"solutions/{name}.ipynb, then pass --force to overwrite it and lose the changes.")
        if target.read_bytes() == text.encode("utf-8"):
            return "unchanged"
    write_atomic(target, text)
    return "written"


@dataclass(frozen=True)
class SyncProblem:
    path: str       # e.g. "exercises/02-chinese-room.ipynb"
    problem: str    # "out of date", "missing", "edited", "not generated", "orphaned", "error"
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}" + (f" ({self.detail})" if self.detail else "")


def check_sync(root: Path = KIT_ROOT, names: list[str] | None = None) -> list[SyncProblem]:
    """Exercise files that are out of date, missing, hand-written or orphaned (empty: in sync)."""
    root = Path(root)
    solutions = solution_names(root)
    chosen = solutions if names is None else [n for n in names if n in solutions]
    problems: list[SyncProblem] = []
    for name in chosen:
        path = f"exercises/{name}.ipynb"
        target = exercise_path(root, name)
        if not NAME_PATTERN.fullmatch(name):
            problems.append(SyncProblem(f"solutions/{name}.ipynb", "error",
                                        "names look like 02-chinese-room"))
            continue
        try:
            text = generate(solution_path(root, name), root)
        except ExerciseError as exc:
            problems.append(SyncProblem(path, "error", str(exc)))
            continue
        if not target.exists():
            problems.append(SyncProblem(path, "missing", f"run {COMMAND} {name}"))
        elif not is_generated(target):
            problems.append(SyncProblem(path, "not generated",
                                        "hand-written: it lacks the generator's marker"))
        elif target.read_bytes() != text.encode("utf-8"):
            if edited_since_generated(target):
                problems.append(SyncProblem(path, "edited", "changed after it was generated; "
                                            f"move the changes into solutions/{name}.ipynb"))
            else:
                problems.append(SyncProblem(path, "out of date",
                                            f"solutions/{name}.ipynb changed; run {COMMAND} {name}"))
    problems.extend(p for p in orphans(root) if names is None or Path(p.path).stem in names)
    return problems


def orphans(root: Path = KIT_ROOT) -> list[SyncProblem]:
    """Exercise notebooks that have no solution notebook."""
    root = Path(root)
    solutions = set(solution_names(root))
    folder = root / "exercises"
    extra = sorted(p.stem for p in folder.glob("*.ipynb")) if folder.is_dir() else []
    return [SyncProblem(f"exercises/{name}.ipynb", "orphaned", f"there is no solutions/{name}.ipynb")
            for name in extra if name not in solutions]


# ---------------------------------------------------------------- command line

def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write the student notebooks in exercises/ from the solution notebooks in solutions/ "
        "(solution regions become stubs, hidden tests and instructor notes are removed, "
        "outputs are cleared). Never edit exercises/ by hand: edit solutions/ and run this.")
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help="exercises to write, e.g. 02-chinese-room (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 and name each exercise that is out of date, "
                             "missing, edited by hand or orphaned")
    parser.add_argument("--force", action="store_true",
                        help="also overwrite exercise files the generator did not write or "
                             "that were changed since (RISK: those changes are lost)")


def _resolve_names(raw: list[str], known: list[str]) -> list[str]:
    names = []
    for item in raw:
        name = Path(item).name
        name = name[: -len(".ipynb")] if name.endswith(".ipynb") else name
        if name not in known:
            choices = ", ".join(known) or "none"
            raise ExerciseError(f"There is no solutions/{name}.ipynb (known: {choices}).")
        names.append(name)
    return names


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    known = solution_names(root)
    names = _resolve_names(args.names, known) if args.names else known
    if not names:
        print(f"There are no solution notebooks in {root / 'solutions'}; nothing to do.")
        return 0
    if args.check:
        problems = check_sync(root, names if args.names else None)
        for problem in problems:
            print(problem)
        if problems:
            print(f"{len(problems)} exercise notebook(s) not in sync with solutions/. "
                  f"Run: {COMMAND}")
            return 1
        print(f"All {len(names)} exercise notebook(s) are up to date.")
        return 0
    failures = 0
    for name in names:
        try:
            status = write_exercise(name, root, force=args.force)
        except ExerciseError as exc:
            failures += 1
            print(f"error: {exc}", file=sys.stderr)
            continue
        print(f"{'wrote' if status == 'written' else 'up to date:'} exercises/{name}.ipynb")
    if not args.names:
        for problem in orphans(root):
            print(f"note: {problem}; delete it if that exercise was retired.")
    if failures:
        print(f"{failures} exercise(s) not written; see the message(s) above.", file=sys.stderr)
        return 1
    return 0

"""Tables a student sees in lessons 00, 03 and 08 and exercise 08 read in words; and every
table, Series or printed line of lessons, solutions and exercises 01, 04, 05 and 07, run cell by
cell (:func:`run_cells`).

Each table cell is run here as the notebook runs it (its last line is the value shown), and
the table it shows must have no parameter names as labels (``teaching_min``,
``names_read``, ``mother_answers``), no numbers in scientific notation, and cite no file of
the developers' shared folder (``film-facts.md``, a seed file) as a source.
"""
import ast
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from seminar.classroom import lesson_table
from seminar.models import capstone, duration

ROOT = Path(__file__).resolve().parent.parent

#: (notebook, what the cell calls): the cells that show a model's table to students.
TABLE_CELLS = [
    ("lessons/00-start-here.ipynb", "lesson_table("),
    ("lessons/03-duration.ipynb", "duration.calibration_table("),
    ("lessons/08-your-own-experiment.ipynb", "capstone.assumptions_table("),
    ("lessons/08-your-own-experiment.ipynb", "capstone.crowd_model("),
    ("solutions/08-your-own-experiment.ipynb", "capstone.assumptions_table("),
    ("exercises/08-your-own-experiment.ipynb", "capstone.assumptions_table("),
]

SNAKE = re.compile(r"[a-z]_[a-z]")
PRIVATE = re.compile(r"film-facts|public-domain\.md|seeds?/|sources/|\bseeds? \d{3}\b|\.txt\b")
#: The same in printed text, where a load report may name a hand-in folder's README.txt.
PRIVATE_PRINTED = re.compile(r"film-facts|public-domain\.md|seeds?/|sources/|\bseeds? \d{3}\b")


def shown_by(source: str):
    """Run a cell's code and return the value of its last line, as Jupyter shows it."""
    tree = ast.parse(source)
    *body, last = tree.body
    assert isinstance(last, ast.Expr), "the cell's last line shows a value"
    names = {"capstone": capstone, "duration": duration, "lesson_table": lesson_table, "pd": pd}
    exec(compile(ast.Module(body=body, type_ignores=[]), "<cell>", "exec"), names)
    return eval(compile(ast.Expression(last.value), "<cell>", "eval"), names)


def labels_of(table: pd.DataFrame) -> list[str]:
    return [str(x) for x in [table.index.name, table.columns.name, *table.index, *table.columns]
            if x is not None]


@pytest.mark.parametrize("notebook,call", TABLE_CELLS)
def test_a_table_shown_to_students_reads_in_words(notebook, call):
    nb = nbformat.read(ROOT / notebook, as_version=4)
    cells = [c for c in nb.cells if c.cell_type == "code" and call in c.source
             and isinstance(ast.parse(c.source).body[-1], ast.Expr)]  # it shows a value
    assert cells, f"no cell in {notebook} calls {call}"
    for cell in cells:
        table = shown_by(cell.source)
        assert isinstance(table, pd.DataFrame), cell.source
        assert not problems_of(table), f"{notebook}: {problems_of(table)}"


@pytest.mark.parametrize("table", [duration.calibration_table(), capstone.assumptions_table()],
                         ids=["duration", "capstone"])
def test_sources_are_public(table):
    for source in table["source"]:
        assert not PRIVATE.search(source), source
        assert len(source) > 20, source


def test_readable_refuses_what_is_not_a_crowd_table():
    with pytest.raises(ValueError, match="crowd_model"):
        capstone.readable("<b>a table</b>")
    assert list(capstone.readable(capstone.crowd_model(hours=1, steps=2)).index) == ["0", "1"]


# ------------------------------------------------------------- whole notebooks, cell by cell
#: Notebooks run here cell by cell, as a student runs them: every table or Series a cell
#: shows (its last line, or ``display``) and every line it prints must read in words.
NOTEBOOKS = sorted(str(path.relative_to(ROOT)) for folder in ("lessons", "solutions", "exercises")
                   for path in (ROOT / folder).glob("*.ipynb"))

#: A printed dict or list with a code name as key (``{'own_words': 3}``).
CODE_KEY = re.compile(r"['\"][a-z]+_[a-z_]+['\"]\s*:")
#: A date as pandas prints it (``2024-03-04 09:04:00+00:00``).
MACHINE_TIME = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d")


def _split(source: str):
    """The cell's code without its last line, and that line if it shows a value."""
    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    tree = ast.parse("\n".join(lines))
    if tree.body and isinstance(tree.body[-1], ast.Expr) and not source.rstrip().endswith(";"):
        return ast.Module(body=tree.body[:-1], type_ignores=[]), ast.Expression(tree.body[-1].value)
    return tree, None


def run_cells(notebook: str):
    """Run a notebook's code cells in one namespace, in its folder, as Jupyter does.

    Yields ``(cell index, what the cell shows, what it printed)`` for each code cell outside
    an optional "Going further" section. A blank exercise's cell may fail (its answer is
    ``...``); lessons and solutions must run.
    """
    import contextlib
    import io
    import os

    import IPython.display
    from IPython.core import display_functions

    path = ROOT / notebook
    nb = nbformat.read(path, as_version=4)
    names: dict = {"__name__": "__main__"}
    going_further = False
    cwd = os.getcwd()
    shown: list = []
    real = (IPython.display.display, display_functions.display)

    def capture(*objs, **kwargs):
        shown.extend(objs)

    IPython.display.display = display_functions.display = capture
    os.chdir(path.parent)
    try:
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "markdown" and cell.source.lstrip().startswith("#"):
                heading = cell.source.lstrip().splitlines()[0]
                if heading.startswith("## "):
                    going_further = "Going further" in heading
            if cell.cell_type != "code":
                continue
            shown.clear()
            out = io.StringIO()
            body, last = _split(cell.source)
            try:
                with contextlib.redirect_stdout(out):
                    exec(compile(body, f"<cell {index}>", "exec"), names)
                    if last is not None:
                        value = eval(compile(last, f"<cell {index}>", "eval"), names)
                        if value is not None:
                            shown.append(value)
            except Exception:
                if not notebook.startswith("exercises/"):
                    raise
            if not going_further:
                yield index, list(shown), out.getvalue()
    finally:
        IPython.display.display, display_functions.display = real
        os.chdir(cwd)


def problems_of(value) -> list[str]:
    """What a student would read as programmer text in a shown table or Series."""
    if isinstance(value, pd.Series):
        return [f"a Series is shown with its dtype line: {value.to_string()[:80]!r}"]
    if not isinstance(value, pd.DataFrame):
        return []
    found = []
    snake = [label for label in labels_of(value) if SNAKE.search(label)]
    if snake:
        found.append(f"code names as labels: {snake}")
    text = value.to_string()
    if re.search(r"\d[eE][+-]\d", text):
        found.append("scientific notation")
    if PRIVATE.search(text):
        found.append(f"cites the developers' folder: {PRIVATE.search(text).group()}")
    if MACHINE_TIME.search(text):
        found.append(f"a time as pandas writes it: {MACHINE_TIME.search(text).group()}")
    return found


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_table_a_notebook_shows_reads_in_words(notebook, monkeypatch, tmp_path):
    monkeypatch.setenv("MPLBACKEND", "Agg")
    found = []
    for index, shown, printed in run_cells(notebook):
        for value in shown:
            found += [f"cell {index}: {p}" for p in problems_of(value)]
        if "dtype:" in printed or CODE_KEY.search(printed) or PRIVATE_PRINTED.search(printed):
            found.append(f"cell {index} prints code: {printed[:120]!r}")
    assert not found, f"{notebook}:\n" + "\n".join(found)

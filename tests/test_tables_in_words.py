"""Tables a student sees in lessons 00, 03 and 08 and exercise 08 read in words.

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
        snake = [label for label in labels_of(table) if SNAKE.search(label)]
        assert not snake, f"{notebook}: parameter names shown as labels: {snake}"
        text = table.to_string()
        assert not re.search(r"\d[eE][+-]\d", text), f"{notebook}: scientific notation"
        assert not PRIVATE.search(text), f"{notebook}: cites a file of the developers' folder"


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

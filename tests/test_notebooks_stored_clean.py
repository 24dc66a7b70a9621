"""Every notebook is stored without outputs or execution counts, and follows the conventions."""
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(p for folder in ("lessons", "exercises", "solutions")
                   for p in (ROOT / folder).glob("*.ipynb"))


def stored_problems(nb: dict) -> list[str]:
    problems = []
    for i, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") == "code":
            if cell.get("outputs"):
                problems.append(f"cell {i} has stored outputs")
            if cell.get("execution_count") is not None:
                problems.append(f"cell {i} has an execution count")
    return problems


def test_there_are_notebooks():
    assert any(p.parent.name == "lessons" for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_stored_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert stored_problems(nb) == [], f"{path.relative_to(ROOT)}: clear outputs before committing"


def test_the_check_catches_outputs():
    dirty = {"cells": [{"cell_type": "code", "execution_count": 3,
                        "outputs": [{"output_type": "stream", "text": "x"}]}]}
    assert len(stored_problems(dirty)) == 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_first_and_last_cells_follow_the_template(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    first = "".join(cells[0]["source"])
    for field in ("**Questions**", "**Objectives**", "**Time**", "**Readings**"):
        assert field in first, f"{path.name}: first cell lacks {field}"
    last = cells[-1]
    assert last["cell_type"] == "markdown" and "Key points" in "".join(last["source"]), \
        f"{path.name}: the last cell should be '## Key points'"


@pytest.mark.parametrize("path", sorted((ROOT / "lessons").glob("*.ipynb")), ids=lambda p: p.name)
def test_lessons_have_instructor_notes(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    assert any("instructor" in c.get("metadata", {}).get("tags", []) for c in cells), \
        f"{path.name}: add at least one Markdown cell tagged 'instructor'"

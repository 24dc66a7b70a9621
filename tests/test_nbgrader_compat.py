"""nbgrader's own preprocessors accept the solutions' markup (so courses using nbgrader can import them)."""
import copy

import nbformat
import pytest

from seminar import KIT_ROOT

preprocessors = pytest.importorskip(
    "nbgrader.preprocessors",
    reason="nbgrader is not installed; install it with: pip install -r requirements-dev.txt")

SOLUTIONS = sorted((KIT_ROOT / "solutions").glob("*.ipynb"), key=lambda p: p.name)
MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


def regions(nb, marker):
    return sum(line.strip() == f"### {marker}" for cell in nb.cells for line in cell.source.split("\n"))


def clear(nb, enforce_metadata):
    nb = copy.deepcopy(nb)
    resources = {}
    nb, resources = preprocessors.ClearSolutions(enforce_metadata=enforce_metadata).preprocess(nb, resources)
    nb, resources = preprocessors.ClearHiddenTests(enforce_metadata=enforce_metadata).preprocess(nb, resources)
    return nb


def with_nbgrader_metadata(nb):
    """Mark cells the way nbgrader's "Create Assignment" toolbar does."""
    nb = copy.deepcopy(nb)
    for index, cell in enumerate(nb.cells):
        solution = "### BEGIN SOLUTION" in cell.source
        hidden = "### BEGIN HIDDEN TESTS" in cell.source
        if solution or hidden:
            cell.metadata["nbgrader"] = {
                "grade_id": f"cell-{index}", "schema_version": 3, "locked": False,
                "solution": solution, "grade": hidden, **({"points": 1} if hidden else {}),
            }
    return nb


def test_there_are_solutions():
    assert SOLUTIONS


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_clear_solutions_accepts_the_markup(path):
    nb = nbformat.read(str(path), as_version=4)
    expected_stubs = regions(nb, "BEGIN SOLUTION")
    assert expected_stubs, f"{path.name} has no solution regions"
    cleared = clear(nb, enforce_metadata=False)
    text = "\n".join(cell.source for cell in cleared.cells)
    for marker in MARKERS:
        assert marker not in text, f"{path.name}: nbgrader left {marker!r}"
    stubs = text.count("YOUR CODE HERE") + text.count("YOUR ANSWER HERE")
    assert stubs == expected_stubs, f"{path.name}: nbgrader replaced {stubs} of {expected_stubs} regions"


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_clear_solutions_with_nbgrader_cell_metadata(path):
    nb = with_nbgrader_metadata(nbformat.read(str(path), as_version=4))
    cleared = clear(nb, enforce_metadata=True)
    assert "BEGIN SOLUTION" not in "\n".join(cell.source for cell in cleared.cells)


def test_nbgrader_refuses_broken_markup():
    """The compatibility test can fail: an unclosed region is rejected by nbgrader too."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("### BEGIN SOLUTION\nx = 1")])
    with pytest.raises(RuntimeError, match="no end solution"):
        clear(nb, enforce_metadata=False)

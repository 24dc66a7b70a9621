"""``python -m seminar nbgrader-source``: source notebooks nbgrader itself accepts."""
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from seminar.instructor import nbgrader_source
from tests.assignkit import NAME, cli, make_kit

pytest.importorskip("nbgrader", reason="nbgrader is not installed: pip install -r requirements-dev.txt")
from nbgrader.nbgraderformat import MetadataValidator  # noqa: E402
from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions  # noqa: E402


@pytest.fixture
def kit(tmp_path):
    return make_kit(tmp_path / "kit")


def test_cells_get_the_create_assignment_metadata(kit):
    nb = nbgrader_source.source_notebook(kit, NAME, written_points=2)
    meta = {c.get("id"): c.metadata.get("nbgrader") for c in nb.cells}
    assert meta["cell-03"] == {"grade_id": "cell-03", "schema_version": 3, "solution": True,
                               "grade": False, "locked": False}
    assert meta["cell-06"]["grade"] and meta["cell-06"]["locked"] and meta["cell-06"]["points"] == 1
    assert meta["cell-08"] == {"grade_id": "cell-08", "schema_version": 3, "solution": True,
                               "grade": True, "locked": False, "points": 2}
    ids = [c.get("id") for c in nb.cells]
    assert ids[ids.index("cell-03") + 1] == "test-q1" and ids[ids.index("cell-05") + 1] == "test-q2"
    assert "cell-09" not in ids  # the instructor note
    test = nb.cells[ids.index("test-q1")]
    assert "check.evaluate('q1', hours).correct" in test.source
    MetadataValidator().validate_nb(nb)  # nbgrader's own validator raises on bad metadata


def test_nbgraders_preprocessors_clear_it_with_metadata_enforced(kit):
    nb = nbgrader_source.source_notebook(kit, NAME)
    resources = {}
    nb, resources = ClearSolutions(enforce_metadata=True).preprocess(nb, resources)
    nb, resources = ClearHiddenTests(enforce_metadata=True).preprocess(nb, resources)
    text = "\n".join(c.source for c in nb.cells)
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    assert "hours = minutes / 60" not in text and "What to look for" not in text
    assert "check.evaluate('q1', hours)" in text  # the test cells stay for autograding


def test_the_command_and_nbgrader_generate_assignment(kit, tmp_path):
    course = tmp_path / "course"
    done = cli("nbgrader-source", NAME, "--root", str(kit), "--course", str(course))
    assert done.returncode == 0, done.stderr
    source = course / "source" / NAME / f"{NAME}.ipynb"
    assert source.exists()
    again = cli("nbgrader-source", NAME, "--root", str(kit), "--course", str(course))
    assert again.returncode == 1 and "--force" in again.stderr
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    run = subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", NAME],
                         cwd=course, capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    released = nbformat.read(str(course / "release" / NAME / f"{NAME}.ipynb"), as_version=4)
    text = "\n".join(c.source for c in released.cells)
    assert "hours = minutes / 60" not in text and "assert square(4)" not in text
    assert "Instructor note" not in text


def test_a_cell_with_an_answer_and_hidden_tests_is_refused(kit):
    path = kit / "solutions" / f"{NAME}.ipynb"
    nb = nbformat.read(str(path), as_version=4)
    nb.cells[3].source += "\n### BEGIN HIDDEN TESTS\nassert hours\n### END HIDDEN TESTS"
    nbformat.write(nb, str(path))
    done = cli("nbgrader-source", NAME, "--root", str(kit), "--course", str(kit / "c"))
    assert done.returncode == 1 and "separate cells" in done.stderr


def test_every_real_exercise_goes_through_nbgrader_generate_assignment(tmp_path):
    """The demo kit above proves the mechanism; this proves the kit's own eleven solutions
    pass nbgrader's own pipeline and come out with no model answer, hidden test or note."""
    from seminar import KIT_ROOT

    names = sorted(p.stem for p in (KIT_ROOT / "solutions").glob("*.ipynb"))
    assert len(names) >= 11
    course = tmp_path / "course"
    done = cli("nbgrader-source", *names, "--root", str(KIT_ROOT), "--course", str(course))
    assert done.returncode == 0, done.stderr
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    for name in names:
        run = subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", name],
                             cwd=course, capture_output=True, text=True, env=env, timeout=300)
        assert run.returncode == 0, f"{name}: {run.stdout}{run.stderr}"
        released = nbformat.read(str(course / "release" / name / f"{name}.ipynb"), as_version=4)
        text = "\n".join(c.source for c in released.cells)
        for leak in ("BEGIN SOLUTION", "HIDDEN TESTS", "What to look for", "Instructor note"):
            assert leak not in text, f"{name}: the released notebook still holds {leak!r}"
        student = "\n".join(c.source for c in nbformat.read(
            str(KIT_ROOT / "exercises" / f"{name}.ipynb"), as_version=4).cells)
        solution = nbformat.read(str(KIT_ROOT / "solutions" / f"{name}.ipynb"), as_version=4)
        graded = [c for c in solution.cells if "### BEGIN SOLUTION" in c.source]
        assert graded, f"{name}: no answer cells"
        for cell in graded:
            answer = cell.source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0].strip()
            longest = max(answer.splitlines(), key=len).strip()
            leaked = len(longest) >= 30 and longest in text and longest not in student
            assert not leaked, f"{name}: a model answer was released: {longest[:60]!r}"

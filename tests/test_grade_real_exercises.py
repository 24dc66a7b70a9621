"""Every real exercise's solution, handed in as it is, gets full marks from ``grade``: each core
question and each hidden check (read, not run), and with ``--optional`` each optional function
question (run in the bubblewrap sandbox on the hidden inputs of its checks module's CASES)."""
import os
import shutil

import pytest

from seminar import KIT_ROOT
from seminar.instructor import checkdata, grade, sandbox
from seminar.instructor import exercises as gen
from seminar.instructor.submissions import load_reference, load_submissions

NAMES = gen.solution_names(KIT_ROOT)


def plan_and_solution(name, tmp_path):
    plan = grade.make_plan(load_reference(KIT_ROOT, name), checkdata.load(KIT_ROOT, name))
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(KIT_ROOT / "solutions" / f"{name}.ipynb", folder / f"zoe_{name}.ipynb")
    [sub] = load_submissions(folder, NAMES)
    return plan, sub


def test_every_exercise_is_covered():
    assert len(NAMES) >= 11 and "04-one-of-many" in NAMES


@pytest.mark.parametrize("name", NAMES)
def test_the_solution_gets_full_marks_on_every_core_question(name, tmp_path):
    plan, sub = plan_and_solution(name, tmp_path)
    assert plan.core, f"{name} has no core question"
    row = grade.grade_core(plan, sub)
    wrong = {c: row.details.get(c) for c in plan.columns() if row.points.get(c) != 1}
    assert not wrong, wrong
    assert row.score(plan.columns()) == plan.out_of
    assert not [w for w in plan.warnings if "CHECKS" in w or "HIDDEN" in w], plan.warnings


def test_computed_givens_come_from_the_checks_module_not_the_notebook():
    from seminar.models.duration import speed_ratio

    data = checkdata.load(KIT_ROOT, "04-one-of-many")
    assert data.givens == {"capacity": speed_ratio()} and type(data.givens["capacity"]) is float
    plan = grade.make_plan(load_reference(KIT_ROOT, "04-one-of-many"), data)
    assert plan.givens["capacity"] == speed_ratio()


@pytest.mark.parametrize("line, words", [
    ("GIVENS = {'x': object()}", "not a plain value"),
    ("GIVENS = {'x': 10 ** 400}", "not a plain value"),
    ("GIVENS = {'not a name': 1}", "not a name"),
    ("GIVENS = [1]", "must be a dict"),
])
def test_a_bad_given_in_a_checks_module_is_named(tmp_path, line, words):
    from seminar.text import InputError
    from tests.assignkit import NAME, make_kit

    root = make_kit(tmp_path / "kit")
    path = checkdata.module_path(root, NAME)
    path.write_text(path.read_text() + "\n" + line + "\n")
    with pytest.raises(InputError, match=words):
        checkdata.load(root, NAME)


def test_a_numpy_given_becomes_a_plain_number(tmp_path):
    from tests.assignkit import NAME, make_kit

    root = make_kit(tmp_path / "kit")
    path = checkdata.module_path(root, NAME)
    path.write_text(path.read_text() + "\nimport numpy as np\nGIVENS = {'n': np.int64(3), "
                    "'xs': [np.float64(0.5)]}\n")
    assert checkdata.load(root, NAME).givens == {"n": 3, "xs": [0.5]}
    assert type(checkdata.load(root, NAME).givens["n"]) is int

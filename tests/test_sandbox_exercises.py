"""``grade --optional`` on the real exercises: each optional function question has hidden CASES,
runs in the real bubblewrap sandbox with the exercise's own imports (from the kit's copy of the
exercise, not the student's), and the solution passes; a wrong function fails; questions that
cannot be graded this way are named in a note."""
import os
import shutil

import nbformat
import pytest

from seminar import KIT_ROOT
from seminar.instructor import checkdata, grade, sandbox
from seminar.instructor import exercises as gen
from seminar.instructor.submissions import load_reference, load_submissions

needs_bwrap = pytest.mark.skipif(
    sandbox.available() is None and not os.environ.get("KIT_REQUIRE_SANDBOX"),
    reason=f"bubblewrap is not installed ({sandbox.INSTALL})")

NAMES = gen.solution_names(KIT_ROOT)
#: The optional questions whose answer is a function of data: each must have hidden CASES.
FUNCTIONS = {"00-start-here": {"q7"}, "03-duration": {"q13"}, "04-one-of-many": {"q11"},
             "05-loneliness": {"q9"}, "08-your-own-experiment": {"q13"}}


def plan_of(name):
    return grade.make_plan(load_reference(KIT_ROOT, name), checkdata.load(KIT_ROOT, name))


def handed_in(name, folder, change=None):
    folder.mkdir(exist_ok=True)
    nb = nbformat.read(str(KIT_ROOT / "solutions" / f"{name}.ipynb"), as_version=4)
    if change:
        change(nb)
    nbformat.write(nb, str(folder / f"zoe_{name}.ipynb"))
    [sub] = load_submissions(folder, NAMES)
    return sub


def optional_row(name, sub):
    plan = plan_of(name)
    row = grade.grade_core(plan, sub)
    grade.grade_optional(plan, sub, row)
    return plan, row


def test_every_optional_function_question_has_cases_and_the_rest_are_named():
    for name in NAMES:
        plan = plan_of(name)
        assert FUNCTIONS.get(name, set()) <= set(plan.optional), name
        optional = {q for q in plan.ref.questions if q not in plan.core}
        named = {w.split()[1] for w in plan.optional_warnings}
        assert named == optional - set(plan.optional), (name, plan.optional_warnings)


@needs_bwrap
@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_the_solution_passes_every_optional_function_question_in_the_sandbox(name, tmp_path):
    plan, row = optional_row(name, handed_in(name, tmp_path / "in"))
    for q in plan.optional:
        assert row.points[f"optional_{q}"] == 1, (q, row.details[f"optional_{q}"])


@needs_bwrap
def test_a_wrong_function_fails_its_cases(tmp_path):
    def absolute(nb):
        cell = next(c for c in nb.cells if "def days_between" in c.source)
        cell.source = cell.source.replace("return (", "return abs(")
    plan, row = optional_row("00-start-here", handed_in("00-start-here", tmp_path / "in", absolute))
    assert row.points["optional_q7"] == 0
    assert row.details["optional_q7"] == ("failed", "1 of 6 hidden cases wrong")


@needs_bwrap
def test_the_setup_comes_from_the_kit_not_the_student(tmp_path):
    """03's q13 calls duration.threshold_minute: the import is the exercise's, run in the
    sandbox from the kit's copy, so a student who changed the setup cell changes nothing."""
    step = next(s for s in plan_of("03-duration").steps if any(q == "q13" for q, _ in s.questions))
    assert "from seminar.models import duration" in step.setup

    def tamper(nb):
        nb.cells[1].source = "duration = None\nimport os"
    plan, row = optional_row("03-duration", handed_in("03-duration", tmp_path / "in", tamper))
    assert row.points["optional_q13"] == 1, row.details["optional_q13"]
    spec = plan.data.cases["q13"]
    source = next(c.source for c in nbformat.read(str(KIT_ROOT / "solutions" / "03-duration.ipynb"),
                                                   as_version=4).cells if "def rate_for_crossing" in c.source)
    bare = sandbox.run(source, {}, spec["call"], [list(c[0]) for c in spec["cases"]])
    assert "NameError" in bare.outputs[0]["error"]          # without the setup it could not run


def test_the_optional_note_is_printed_only_with_the_flag(tmp_path):
    from tests.assignkit import cli

    folder = tmp_path / "in"
    handed_in("04-one-of-many", folder)
    plain = cli("grade", str(folder), "--out", str(tmp_path / "a.csv"))
    assert plain.returncode == 0 and "no CASES" not in plain.stderr, plain.stderr
    if sandbox.available() is None and not os.environ.get("KIT_REQUIRE_SANDBOX"):
        return
    flagged = cli("grade", str(folder), "--optional", "--out", str(tmp_path / "b.csv"))
    assert flagged.returncode == 0, flagged.stderr
    assert "optional q12 has no CASES" in flagged.stderr and "optional q13 has no CASES" in flagged.stderr
    assert ",optional_q11," in (tmp_path / "b.csv").read_text().splitlines()[0] + ","

"""The hand-in cell: every exercise ends with it; it finds the file, says what to upload, never raises."""
import contextlib
import io
import os

import nbformat
import pytest

from seminar import KIT_ROOT
from seminar.classroom import handin
from seminar.classroom.checks import Checker, Number
from tests.assignkit import NAME, exercise, make_kit, solved

EXERCISES = sorted((KIT_ROOT / "exercises").glob("*.ipynb"))


@pytest.fixture
def kit(tmp_path):
    return make_kit(tmp_path / "kit")


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.name)
def test_every_exercise_ends_with_the_hand_in_cell_then_key_points(path):
    cells = nbformat.read(str(path), as_version=4).cells
    assert [c.get("id") for c in cells[-3:-1]] == ["seminar-hand-in-note", "seminar-hand-in"]
    assert cells[-2].source == f'from seminar.classroom import hand_in\n\nhand_in("{path.stem}")'
    assert cells[-1].source.startswith("## Key points")


def test_the_generator_adds_it_only_before_key_points(kit):
    cells = exercise(kit).cells
    assert [c.get("id") for c in cells[-3:]] == ["seminar-hand-in-note", "seminar-hand-in", "cell-10"]


def test_find_notebook(tmp_path):
    nb = tmp_path / "mine.ipynb"
    nb.write_text("{}", encoding="utf-8")
    other = tmp_path / f"{NAME}.ipynb"
    other.write_text("{}", encoding="utf-8")
    assert handin.find_notebook(NAME, {"JPY_SESSION_NAME": str(nb)}, tmp_path) == nb.resolve()
    assert handin.find_notebook(NAME, {"JPY_SESSION_NAME": "course/mine.ipynb"}, tmp_path) == nb.resolve()
    assert handin.find_notebook(NAME, {}, tmp_path) == other.resolve()
    assert handin.find_notebook("", {"JPY_SESSION_NAME": "gone.ipynb"}, tmp_path) is None


@pytest.mark.parametrize("env, where", [
    ({"BINDER_REPO_URL": "https://github.com/o/r", "JUPYTERHUB_USER": "x"}, "binder"),
    ({"JUPYTERHUB_USER": "jdoe"}, "hub"),
    ({}, "local"),
])
def test_place(env, where):
    assert handin.place(env) == where


def test_a_blank_saved_file_lists_the_blank_answers(kit):
    path = kit / "exercises" / f"{NAME}.ipynb"
    report = handin.inspect(path, exercise=NAME, env={}, ran=[], now=path.stat().st_mtime + 30)
    assert report.blank == ["Q1", "Q2", "Q3", "Q4"] and report.answers == 4
    assert "4 of 4 answers still look blank: Q1, Q2, Q3, Q4" in report.text()
    assert "Last saved 30 seconds ago" in report.text()
    assert f"Upload this file: {NAME}.ipynb" in report.text()


def test_a_solved_file_and_unsaved_code(kit, tmp_path):
    path = tmp_path / f"{NAME}.ipynb"
    nbformat.write(solved(kit), str(path))
    ran = [c.source for c in solved(kit).cells if c.cell_type == "code"]
    report = handin.inspect(path, exercise=NAME, env={}, ran=ran)
    assert report.blank == [] and report.unsaved == []
    assert "all 4 answers have been filled in" in report.text()
    report = handin.inspect(path, exercise=NAME, env={}, ran=ran + ["hours = 99"])
    assert report.unsaved == ["hours = 99"]
    assert "not in the saved file" in report.text() and "Ctrl+S" in report.text()


def test_binder_says_download(kit):
    path = kit / "exercises" / f"{NAME}.ipynb"
    text = handin.inspect(path, env={"BINDER_LAUNCH_HOST": "https://mybinder.org/"}).text()
    assert "Binder" in text and "File → Download" in text and "10 minutes" in text


def test_checks_run_in_this_session_are_summarised():
    checker = Checker("01-demo", checks={"q1": Number(expected=2.1), "q2": Number(expected=3)})
    checker.evaluate("q1", 2.1)
    report = handin.inspect(None, exercise=NAME, env={}, checkers=[checker])
    assert report.checks == {"q1": "correct"} and report.unchecked == ["q2"]
    assert "1 of 2 correct" in report.text() and "not run in this session: q2" in report.text()
    assert "could not find this notebook's file" in report.text()


def test_unreadable_saved_file_and_escaped_html(tmp_path):
    path = tmp_path / "<script>x.ipynb"
    path.write_text('{"cells": [', encoding="utf-8")
    report = handin.inspect(path, env={})
    assert "cannot be read" in report.text()
    assert "<script>" not in report.html() and "&lt;script&gt;" in report.html()


def test_hand_in_never_raises(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")
    monkeypatch.setattr(handin, "find_notebook", broken)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        handin.hand_in(NAME)
    assert "File → Download" in out.getvalue() and "RuntimeError" in out.getvalue()


def test_the_hand_in_cell_runs_in_a_kernel_beside_the_notebook(kit):
    """Run the blank exercise (as nbval does), with SEMINAR_STRICT off: no error anywhere."""
    from nbclient import NotebookClient

    path = kit / "exercises" / f"{NAME}.ipynb"
    nb = nbformat.read(str(path), as_version=4)
    env = {k: v for k, v in os.environ.items() if k not in ("SEMINAR_STRICT", "JPY_SESSION_NAME")}
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute(env=env)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
    cell = next(c for c in nb.cells if c.get("id") == "seminar-hand-in")
    text = "".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)
    assert f"Upload this file: {NAME}.ipynb" in text and str(path.parent) in text
    assert "still look blank: Q1, Q2, Q3, Q4" in text
    assert "Self-checks: 0 of 3 correct" in text

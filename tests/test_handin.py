"""The hand-in cell: every exercise ends with it; it finds the file, says what to upload, never raises."""
import contextlib
import io
import os

import nbformat
import pytest

from seminar import KIT_ROOT
from seminar.classroom import handin
from seminar.classroom.checks import Checker, Number
from tests.assignkit import NAME, SOLVED, exercise, make_kit, solved

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


# ------------------------------------------------------------------ latest run of each cell

def test_only_the_latest_run_of_each_cell_counts(kit, tmp_path):
    """Unit level: the record keeps one source per cell id; runs without an id are all kept."""
    from seminar.classroom import session
    session.reset()
    try:
        session.record("hours = 1", "cell-03")
        session.record("hours = 2", "cell-03")
        session.record("x = 1", None)
        session._INSTALLED.add(-1)
        assert session.latest_runs() == ["hours = 2", "x = 1"]
    finally:
        session.reset()
        session._INSTALLED.discard(-1)


def test_warnings_differ_by_a_word_and_a_symbol_not_colour_only(kit, tmp_path):
    path = tmp_path / f"{NAME}.ipynb"
    nbformat.write(solved(kit), str(path))
    report = handin.inspect(path, exercise=NAME, env={}, ran=["hours = 99"])
    assert report.warnings
    assert "⚠ Warning: " in report.text() and "⚠ Warning:" in report.html()
    info_lines = [line for line in report.text().split("\n") if "Upload this file" in line]
    assert info_lines and "Warning" not in info_lines[0]


class Kernel:
    """A kernel that is sent code the way JupyterLab sends it: with the cell's id."""

    def __init__(self, folder, env):
        from jupyter_client.manager import start_new_kernel
        self.km, self.kc = start_new_kernel(kernel_name="python3", cwd=str(folder), env=env)

    def run(self, cell_id, source):
        msg = self.kc.session.msg("execute_request",
                                  {"code": source, "silent": False, "store_history": True,
                                   "user_expressions": {}, "allow_stdin": False,
                                   "stop_on_error": True},
                                  metadata={"cellId": cell_id})
        self.kc.shell_channel.send(msg)
        reply = self.kc.get_shell_msg(timeout=60)
        texts = []
        while True:
            out = self.kc.get_iopub_msg(timeout=60)
            if out["parent_header"].get("msg_id") != msg["header"]["msg_id"]:
                continue
            if out["msg_type"] == "status" and out["content"]["execution_state"] == "idle":
                break
            if out["msg_type"] in ("display_data", "execute_result"):
                texts.append(out["content"]["data"].get("text/plain", ""))
            elif out["msg_type"] == "stream":
                texts.append(out["content"]["text"])
            elif out["msg_type"] == "error":
                texts.append("ERROR " + out["content"]["ename"])
        assert reply["content"]["status"] == "ok", texts
        return "\n".join(texts)

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def test_a_students_sequence_run_all_change_run_save_hand_in(kit):
    """Run all; change an answer and run it; save; hand in: no warning. Change an answer and
    run it without saving: a warning (the issue-13 sequence, in a real kernel)."""
    folder = kit / "exercises"
    path = folder / f"{NAME}.ipynb"
    nb = exercise(kit)
    env = {k: v for k, v in os.environ.items() if k not in ("SEMINAR_STRICT", "JPY_SESSION_NAME")}
    env["JPY_SESSION_NAME"] = str(path)
    kernel = Kernel(folder, env)
    try:
        def run_all():
            for cell in nb.cells:
                if cell.cell_type == "code":
                    out = kernel.run(cell.id, cell.source)
            return out
        run_all()  # the blank exercise, as opened
        for cell_id, source in SOLVED.items():  # answer every question, running each answer
            cell = next(c for c in nb.cells if c.get("id") == cell_id)
            cell.source = source
            if cell.cell_type == "code":
                kernel.run(cell_id, source)
        q1 = next(c for c in nb.cells if c.get("id") == "cell-03")
        q1.source = q1.source.replace("minutes / 60", "126 / 60")  # change an answer, run it
        kernel.run("cell-03", q1.source)
        nbformat.write(nb, str(path))                             # save
        text = kernel.run("seminar-hand-in", 'from seminar.classroom import hand_in\n\nhand_in("01-demo")')
        assert "Warning" not in text and "not in the saved file" not in text, text
        assert "all 4 answers have been filled in" in text

        kernel.run("cell-03", 'minutes = 126\nhours = 2.5\ncheck("q1", hours)')  # not saved
        text = kernel.run("seminar-hand-in", 'from seminar.classroom import hand_in\n\nhand_in("01-demo")')
        assert "⚠ Warning: 1 cell(s) you ran last are not in the saved file" in text, text
    finally:
        kernel.close()
